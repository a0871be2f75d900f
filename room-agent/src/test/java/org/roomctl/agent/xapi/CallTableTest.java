package org.roomctl.agent.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallTableTest {
    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2025-01-01T10:00:05Z");
    private static final Instant T2 = Instant.parse("2025-01-01T10:00:09Z");

    private final CallTable table = new CallTable();

    private static XapiBlock block(String text) {
        return ((XapiRecord.Block) new XapiDecoder()
                        .feed((text + "** end\r\n").getBytes(StandardCharsets.UTF_8))
                        .get(0))
                .block();
    }

    @Test
    void emptySnapshotIsIdleSinceThen() {
        table.apply(block(""), true, T0);
        assertThat(table.property()).isEqualTo(Map.of("state", "idle", "since", T0.toString()));
    }

    @Test
    void nothingIsKnownBeforeTheFirstRead() {
        assertThat(table.known()).isFalse();
    }

    @Test
    void statusLinesMakeACall() {
        table.apply(
                block(
                        "*s Call 3 Status: Connected\r\n" // state
                                + "*s Call 3 Direction: Incoming\r\n" // direction
                                + "*s Call 3 RemoteNumber: \"room-a@example.org\"\r\n" // peer
                                + "*s Call 3 Duration: 123\r\n"), // seconds, not published
                true,
                T0);
        assertThat(table.property())
                .containsExactly(
                        Map.entry("state", "connected"),
                        Map.entry("direction", "incoming"),
                        Map.entry("peer", "room-a@example.org"),
                        Map.entry("callId", 3),
                        Map.entry("since", T0.toString()));
        assertThat(table.calls().get(3).duration()).isEqualTo(123);
    }

    @Test
    void statusValuesAreLowerCase() {
        table.apply(block("*s Call 1 Status: OnHold\r\n"), false, T0);
        assertThat(table.property()).containsEntry("state", "onhold");
        table.apply(block("*s Call 1 Status: EarlyMedia\r\n"), false, T0);
        assertThat(table.property()).containsEntry("state", "earlymedia");
    }

    @Test
    void sinceMovesOnlyWhenTheStateChanges() {
        table.apply(block("*s Call 3 Status: Ringing\r\n"), false, T0);
        table.apply(block("*s Call 3 Duration: 4\r\n"), false, T1); // same state
        assertThat(table.property()).containsEntry("since", T0.toString());
        table.apply(block("*s Call 3 Status: Connected\r\n"), false, T2);
        assertThat(table.property()).containsEntry("since", T2.toString());
    }

    @Test
    void ghostEndsTheCall() {
        table.apply(block("*s Call 3 Status: Connected\r\n"), false, T0);
        boolean changed = table.apply(block("*s Call 3 (ghost=True):\r\n"), false, T1);
        assertThat(changed).isTrue();
        assertThat(table.property()).isEqualTo(Map.of("state", "idle", "since", T1.toString()));
    }

    @Test
    void lateStatusLineDoesNotBringAnEndedCallBack() {
        table.apply(block("*s Call 3 Status: Connected\r\n"), false, T0);
        table.apply(block("*e CallDisconnect CallId: 3 CauseValue: 0 CauseType: LocalDisconnect\r\n"), false, T1);
        table.apply(block("*s Call 3 Duration: 40\r\n"), false, T2);
        assertThat(table.calls()).isEmpty();
    }

    @Test
    void callDisconnectEventEndsTheCall() {
        table.apply(block("*s Call 3 Status: Connected\r\n"), false, T0);
        table.apply(block("*e CallDisconnect CallId: 3 CauseValue: 0 CauseType: RemoteDisconnect\r\n"), false, T1);
        assertThat(table.property()).containsEntry("state", "idle");
    }

    @Test
    void callSuccessfulEventConnectsTheCall() {
        table.apply(block("*s Call 3 Status: Connecting\r\n"), false, T0);
        table.apply(block("*e CallSuccessful CallId: 3 Protocol: Sip\r\n"), false, T1);
        assertThat(table.property()).containsEntry("state", "connected").containsEntry("since", T1.toString());
    }

    @Test
    void snapshotRemovesCallsItDoesNotMention() {
        table.apply(block("*s Call 3 Status: Connected\r\n*s Call 4 Status: Ringing\r\n"), false, T0);
        table.apply(block("*s Call 4 Status: Ringing\r\n"), true, T1);
        assertThat(table.calls()).containsOnlyKeys(4);
    }

    @Test
    void feedbackDoesNotRemoveCallsItDoesNotMention() {
        table.apply(block("*s Call 3 Status: Connected\r\n"), false, T0);
        table.apply(block("*s Call 4 Status: Ringing\r\n"), false, T1);
        assertThat(table.calls()).containsOnlyKeys(3, 4);
    }

    @Test
    void latestCallIsThePrimary() {
        table.apply(block("*s Call 3 Status: Connected\r\n*s Call 4 Status: Ringing\r\n"), false, T0);
        assertThat(table.property()).containsEntry("callId", 4).containsEntry("state", "ringing");
    }

    @Test
    void ringingFromComparesAddressesTolerantly() {
        table.apply(
                block("*s Call 4 Status: Ringing\r\n*s Call 4 Direction: Incoming\r\n"
                        + "*s Call 4 RemoteNumber: \"Room-A@Example.org\"\r\n"),
                false,
                T0);
        assertThat(table.ringingFrom("sip:room-a@example.org")).isPresent();
        assertThat(table.ringingFrom("room-b@example.org")).isEmpty();
    }

    @Test
    void outgoingRingingIsNotAnIncomingRing() {
        table.apply(block("*s Call 4 Status: Ringing\r\n*s Call 4 Direction: Outgoing\r\n"), false, T0);
        assertThat(table.ringing()).isEmpty();
    }

    @Test
    void dialledCallShowsUntilTheCodecReports() {
        assertThat(table.dialled(2, "sip:room-b@example.org", T0)).isTrue();
        assertThat(table.property())
                .containsEntry("state", "dialling")
                .containsEntry("direction", "outgoing")
                .containsEntry("callId", 2);
        table.apply(block("*s Call 2 Status: Connected\r\n"), false, T1);
        assertThat(table.property()).containsEntry("state", "connected");
    }

    @Test
    void otherStatusPathsAreIgnored() {
        boolean changed =
                table.apply(block("*s SystemUnit Uptime: 1234\r\n*s Call 3 Encryption Type: None\r\n"), false, T0);
        assertThat(changed).isFalse();
        assertThat(table.calls()).isEmpty();
    }
}
