package org.roomctl.sim.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomctl.sim.callnet.CallNetwork;
import org.roomctl.sim.runtime.ManualContext;

/** Two codecs on one simulated call network, each with its thread turned by hand. */
class CallBetweenCodecsTest {
    private static final String A_URI = "sip:room-a@example.org";
    private static final String B_URI = "sip:room-b@example.org";

    private final CallNetwork network = new CallNetwork();
    private Room a;
    private Room b;

    /** A codec and its thread. */
    private final class Room {
        final XapiCodec codec;
        final ManualContext thread = new ManualContext();

        Room(String name, String uri) {
            codec = new XapiCodec(name, uri, "admin", null, false, network);
            codec.attach(thread);
            send("echo off\r");
            send("xFeedback Register /Status/Call\r");
            output();
        }

        void send(String line) {
            thread.record(codec.receive(line.getBytes(StandardCharsets.UTF_8), 0));
            settle();
        }

        String output() {
            return thread.takeOutput();
        }

        CodecState state() {
            return codec.state(0);
        }
    }

    /** Runs every posted signal on both codecs until nothing is left. */
    private void settle() {
        while ((a != null ? a.thread.runPosted(0) : 0) + (b != null ? b.thread.runPosted(0) : 0) > 0) {
            // keep going
        }
    }

    @BeforeEach
    void rooms() {
        a = new Room("Room A", A_URI);
        b = new Room("Room B", B_URI);
    }

    @Test
    void aDialRingsTheOtherRoomAndAcceptingConnectsBoth() {
        a.send("xCommand Dial Number: \"" + B_URI + "\"\r");
        assertThat(b.state().callStatus()).isEqualTo("Ringing");
        assertThat(b.state().calls().get(0).direction()).isEqualTo("Incoming");
        assertThat(b.state().peer()).isEqualTo("room-a@example.org");
        assertThat(b.output()).contains("*s Call 1 Status: Ringing", "*s Call 1 RemoteNumber: \"room-a@example.org\"");
        assertThat(a.state().callStatus()).isEqualTo("Connecting");
        assertThat(a.output()).contains("*s Call 1 Status: Dialling", "*s Call 1 Status: Connecting");

        b.send("xCommand Call Accept\r");
        assertThat(b.output()).startsWith("*r CallAcceptResult (status=OK):").contains("*s Call 1 Status: Connected");
        assertThat(a.state().callStatus()).isEqualTo("Connected");
        assertThat(b.state().callStatus()).isEqualTo("Connected");
        assertThat(a.output())
                .contains("*s Call 1 Status: Connected")
                .contains("*e CallSuccessful CallId: 1 Protocol: \"Sip\" Direction: \"outgoing\"");
    }

    @Test
    void hangingUpOnOneSideEndsTheCallOnBoth() {
        a.send("xCommand Dial Number: \"" + B_URI + "\"\r");
        b.send("xCommand Call Accept\r");
        a.output();
        b.output();

        b.send("xCommand Call Disconnect\r");
        assertThat(a.state().calls()).isEmpty();
        assertThat(b.state().calls()).isEmpty();
        assertThat(b.output()).contains("*e CallDisconnect CallId: 1 CauseValue: 0 CauseType: LocalDisconnect");
        assertThat(a.output())
                .contains("*s Call 1 Status: Disconnecting")
                .contains("*e CallDisconnect CallId: 1 CauseValue: 0 CauseType: RemoteDisconnect")
                .contains("*s Call 1 (ghost=True):");
    }

    @Test
    void autoAnswerConnectsAtOnce() {
        b.send("xConfiguration Conference AutoAnswer Mode: On\r");
        a.send("xCommand Dial Number: \"" + B_URI + "\"\r");
        assertThat(a.state().callStatus()).isEqualTo("Connected");
        assertThat(b.state().callStatus()).isEqualTo("Connected");
    }

    @Test
    void aBusyRoomRefusesWithRemoteBusy() {
        Room c = new Room("Room C", "sip:room-c@example.org");
        c.send("xCommand Dial Number: \"" + B_URI + "\"\r");
        settleWith(c);
        a.output();

        a.send("xCommand Dial Number: \"" + B_URI + "\"\r");
        assertThat(a.state().calls()).isEmpty();
        assertThat(a.output()).contains("*e CallDisconnect CallId: 1 CauseValue: 17 CauseType: RemoteBusy");
        assertThat(b.state().peer()).isEqualTo("room-c@example.org");
    }

    private void settleWith(Room c) {
        while (a.thread.runPosted(0) + b.thread.runPosted(0) + c.thread.runPosted(0) > 0) {
            // keep going
        }
    }

    @Test
    void callingYourselfFindsYourselfBusy() {
        a.send("xCommand Dial Number: \"" + A_URI + "\"\r");
        assertThat(a.state().calls()).isEmpty();
        assertThat(a.output()).contains("CauseType: RemoteBusy");
    }

    @Test
    void anUnansweredCallFailsWithRemoteNoAnswerAndStopsTheRinging() {
        a.codec.faults(new CodecFaults(false, false, false, 5_000, 2_000));
        a.send("xCommand Dial Number: \"" + B_URI + "\"\r");
        long timeout = a.codec.nextDeadline().orElseThrow();
        assertThat(timeout).isEqualTo(5_000_000_000L);
        a.thread.record(a.codec.advance(timeout));
        settle();
        assertThat(a.output()).contains("CauseValue: 19 CauseType: RemoteNoAnswer");
        assertThat(b.state().calls()).isEmpty();
        assertThat(b.output()).contains("CauseType: RemoteDisconnect");
    }

    @Test
    void rejectingTellsTheCallerRemoteRejected() {
        a.send("xCommand Dial Number: \"" + B_URI + "\"\r");
        b.send("xCommand Call Reject\r");
        assertThat(a.output()).contains("CauseValue: 21 CauseType: RemoteRejected");
        assertThat(b.output()).contains("CauseType: LocalReject");
    }

    @Test
    void theCallerHangingUpBeforeAnAnswerStopsTheRinging() {
        a.send("xCommand Dial Number: \"" + B_URI + "\"\r");
        a.send("xCommand Call Disconnect\r");
        assertThat(b.state().calls()).isEmpty();
    }

    @Test
    void addressesMatchWithoutSchemeOrCase() {
        a.send("xCommand Dial Number: \"Room-B@Example.org\"\r");
        assertThat(b.state().callStatus()).isEqualTo("Ringing");
    }

    @Test
    void aPowerCycleHangsUpThePeer() {
        a.send("xCommand Dial Number: \"" + B_URI + "\"\r");
        b.send("xCommand Call Accept\r");
        a.output();
        b.thread.record(b.codec.powerCycle(0));
        settle();
        assertThat(a.state().calls()).isEmpty();
        assertThat(a.output()).contains("CauseType: RemoteDisconnect");
    }
}
