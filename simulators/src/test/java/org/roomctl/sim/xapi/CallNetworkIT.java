package org.roomctl.sim.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.roomctl.sim.TestRooms.bridge;
import static org.roomctl.sim.TestRooms.codec;
import static org.roomctl.sim.TestRooms.room;
import static org.roomctl.sim.TestRooms.serial;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomctl.sim.SerialClient;
import org.roomctl.sim.SimulatorOptions;
import org.roomctl.sim.Simulators;
import org.roomctl.sim.TcpClient;
import org.roomctl.sim.runtime.DeviceSimulator;

/**
 * Two rooms calling each other: room A's codec behind a serial bridge (TCP), room B's on a
 * pseudo-terminal with a login, both on one simulated call network.
 */
class CallNetworkIT {
    private static final Duration WAIT = Duration.ofSeconds(3);
    private static final String A = "sip:room-a@rooms.example.org";
    private static final String B = "sip:room-b@rooms.example.org";

    @TempDir
    Path dir;

    private Simulators simulators;
    private DeviceSimulator codecA;
    private DeviceSimulator codecB;
    private TcpClient terminalA;
    private SerialClient terminalB;

    @BeforeEach
    void start() throws IOException {
        Path bLink = dir.resolve("room-b-codec");
        simulators = Simulators.start(
                List.of(
                        room("room-a", codec("codec", bridge(115200), A, null)),
                        room("room-b", codec("codec", serial(bLink, 115200), B, "s3cret"))),
                SimulatorOptions.anyFreePorts());
        codecA = simulators.device("room-a", "codec");
        codecB = simulators.device("room-b", "codec");

        terminalA = TcpClient.connect("127.0.0.1", codecA.endpoint().port());
        terminalA.write("echo off\r");
        assertThat(terminalA.readUntil("OK\r\n", WAIT)).endsWith("OK\r\n");
        terminalA.write("xFeedback Register /Status/Call\r");
        assertThat(terminalA.readUntil("OK\r\n", WAIT)).isEqualTo("** end\r\nOK\r\n");

        terminalB = SerialClient.open(bLink, 115200);
        terminalB.write("\r");
        assertThat(terminalB.readUntil("login: ", WAIT)).endsWith("login: ");
        terminalB.write("admin\r");
        assertThat(terminalB.readUntil("Password: ", WAIT)).endsWith("Password: ");
        terminalB.write("s3cret\r");
        assertThat(terminalB.readUntil("OK\r\n\r\n", WAIT)).contains("*r Login successful");
        terminalB.write("echo off\r");
        terminalB.readUntil("OK\r\n", WAIT);
        terminalB.write("xFeedback Register /Status/Call\r");
        assertThat(terminalB.readUntil("OK\r\n", WAIT)).isEqualTo("** end\r\nOK\r\n");
    }

    @AfterEach
    void stop() throws IOException {
        terminalA.close();
        terminalB.close();
        simulators.close();
    }

    private CodecState state(DeviceSimulator codec) {
        return codec.state(CodecState.class);
    }

    @Test
    void roomACallsRoomBWhichAcceptsAndEitherSideCanHangUp() throws IOException {
        terminalA.write("xCommand Dial Number: \"" + B + "\" | resultId=\"d1\"\r");
        assertThat(terminalA.readUntil("Status: Connecting", WAIT))
                .startsWith("*r DialResult (status=OK):\r\n*r DialResult CallId: 1\r\n")
                .contains("** resultId: \"d1\"\r\n** end\r\n")
                .contains("*s Call 1 Status: Dialling");

        assertThat(terminalB.readUntil("** end", WAIT))
                .contains("*s Call 1 Status: Ringing", "*s Call 1 Direction: Incoming")
                .contains("*s Call 1 RemoteNumber: \"room-a@rooms.example.org\"");
        assertThat(state(codecB).callStatus()).isEqualTo("Ringing");
        assertThat(state(codecB).peer()).isEqualTo("room-a@rooms.example.org");
        assertThat(state(codecA).callStatus()).isEqualTo("Connecting");

        terminalB.write("xCommand Call Accept\r");
        assertThat(terminalB.readUntil("CallSuccessful", WAIT)).contains("*s Call 1 Status: Connected");
        assertThat(terminalA.readUntil("CallSuccessful", WAIT)).contains("*s Call 1 Status: Connected");
        await().atMost(WAIT).until(() -> state(codecA).callStatus().equals("Connected"));
        assertThat(state(codecB).callStatus()).isEqualTo("Connected");

        terminalB.write("xCommand Call Disconnect\r");
        assertThat(terminalA.readUntil("(ghost=True)", WAIT))
                .contains("*e CallDisconnect CallId: 1 CauseValue: 0 CauseType: RemoteDisconnect");
        await().atMost(WAIT)
                .until(() ->
                        state(codecA).calls().isEmpty() && state(codecB).calls().isEmpty());
    }

    @Test
    void autoAnswerConnectsWithoutAnyoneAccepting() throws IOException {
        terminalB.write("xConfiguration Conference AutoAnswer Mode: On\r");
        terminalB.readUntil("OK\r\n", WAIT);
        terminalA.write("xCommand Dial Number: \"" + B + "\"\r");
        assertThat(terminalA.readUntil("CallSuccessful", WAIT)).contains("Status: Connected");
        assertThat(state(codecB).callStatus()).isEqualTo("Connected");
    }

    @Test
    void dialingAnAddressNobodyHasFails() throws IOException {
        codecA.setFaults(Map.of("unknownUriFailMillis", 200));
        terminalA.write("xCommand Dial Number: \"sip:nowhere@rooms.example.org\"\r");
        assertThat(terminalA.readUntil("(ghost=True)", WAIT))
                .contains("*r DialResult (status=OK):")
                .contains("CauseType: UnknownRemoteSite");
    }

    @Test
    void aRoomInACallIsBusy() throws IOException {
        terminalB.write("xCommand Dial Number: \"sip:nowhere@rooms.example.org\"\r");
        terminalB.readUntil("OK\r\n", WAIT);
        terminalA.write("xCommand Dial Number: \"" + B + "\"\r");
        assertThat(terminalA.readUntil("(ghost=True)", WAIT)).contains("CauseValue: 17 CauseType: RemoteBusy");
    }

    @Test
    void anUnansweredCallGivesUpAfterTheRingTimeout() throws IOException {
        codecA.setFaults(Map.of("ringTimeoutMillis", 300));
        terminalA.write("xCommand Dial Number: \"" + B + "\"\r");
        assertThat(terminalA.readUntil("(ghost=True)", WAIT)).contains("CauseType: RemoteNoAnswer");
        await().atMost(WAIT).until(() -> state(codecB).calls().isEmpty());
    }

    @Test
    void okFirstSwapsTheTerminator() throws IOException {
        codecA.setFaults(Map.of("okFirst", true));
        terminalA.write("xStatus Call\r");
        assertThat(terminalA.readUntil("** end\r\n", WAIT)).isEqualTo("OK\r\n** end\r\n");
    }

    @Test
    void echoCanBeSwitchedBackOnAsAFault() throws IOException {
        assertThat(codecA.faults()).containsEntry("echo", false);
        codecA.setFaults(Map.of("echo", true));
        terminalA.write("xStatus Call\r");
        assertThat(terminalA.readUntil("OK\r\n", WAIT)).startsWith("xStatus Call\r\n");
    }

    @Test
    void requiringALoginLogsTheSessionOut() throws IOException {
        codecA.setFaults(Map.of("loginRequired", true));
        assertThat(terminalA.readUntil("login: ", WAIT)).endsWith("login: ");
        assertThat(state(codecA).loggedIn()).isFalse();
    }
}
