package org.roomctl.sim.pjlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.roomctl.sim.TestRooms.display;
import static org.roomctl.sim.TestRooms.room;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomctl.sim.SimulatorOptions;
import org.roomctl.sim.Simulators;
import org.roomctl.sim.TcpClient;
import org.roomctl.sim.runtime.DeviceSimulator;

/** PJLink displays on TCP: one open, one with a password. */
class DisplaySimulatorIT {
    private static final Duration WAIT = Duration.ofSeconds(3);

    private Simulators simulators;
    private DeviceSimulator open;
    private DeviceSimulator guarded;

    @BeforeEach
    void start() throws IOException {
        simulators = Simulators.start(
                List.of(room("room-a", display("display", null), display("projector", "JBMIAProjectorLink"))),
                SimulatorOptions.anyFreePorts());
        open = simulators.device("room-a", "display");
        guarded = simulators.device("room-a", "projector");
        open.setFaults(Map.of("warmUpMillis", 0, "coolDownMillis", 0));
    }

    @AfterEach
    void stop() {
        simulators.close();
    }

    private TcpClient connect(DeviceSimulator display) throws IOException {
        return TcpClient.connect("127.0.0.1", display.endpoint().port());
    }

    private static String ask(TcpClient client, String request) throws IOException {
        client.write(request);
        return client.readUntil("\r", WAIT);
    }

    @Test
    void greetsAndAnswers() throws IOException {
        try (TcpClient client = connect(open)) {
            assertThat(client.readUntil("\r", WAIT)).isEqualTo("PJLINK 0\r");
            assertThat(ask(client, "%1POWR 1\r")).isEqualTo("%1POWR=OK\r");
            assertThat(ask(client, "%1INPT 32\r")).isEqualTo("%1INPT=OK\r");
            DisplayState state = open.state(DisplayState.class);
            assertThat(state.power()).isEqualTo("on");
            assertThat(state.input()).isEqualTo(32);
            assertThat(state.lastCommand()).isEqualTo("%1INPT 32");
        }
    }

    @Test
    void authenticatesWithTheDigestOfTheChallenge() throws IOException {
        try (TcpClient client = connect(guarded)) {
            String greeting = client.readUntil("\r", WAIT);
            assertThat(greeting).matches("PJLINK 1 [0-9a-f]{8}\r");
            String digest = PjlinkSession.md5Hex(greeting.substring(9, 17) + "JBMIAProjectorLink");
            assertThat(ask(client, digest + "%1POWR ?\r")).isEqualTo("%1POWR=0\r");
        }
    }

    @Test
    void aWrongDigestIsRefusedAndTheConnectionClosed() throws IOException {
        try (TcpClient client = connect(guarded)) {
            client.readUntil("\r", WAIT);
            assertThat(ask(client, "0".repeat(32) + "%1POWR ?\r")).isEqualTo("PJLINK ERRA\r");
            assertThat(client.closedByPeer(WAIT)).isTrue();
        }
    }

    @Test
    void servesSeveralClientsAtOnce() throws IOException {
        try (TcpClient first = connect(open);
                TcpClient second = connect(open)) {
            first.readUntil("\r", WAIT);
            second.readUntil("\r", WAIT);
            assertThat(ask(first, "%1CLSS ?\r")).isEqualTo("%1CLSS=1\r");
            assertThat(ask(second, "%1CLSS ?\r")).isEqualTo("%1CLSS=1\r");
            assertThat(open.state().clients()).isEqualTo(2);
        }
    }

    @Test
    void anIdleConnectionIsClosed() throws IOException {
        open.setFaults(Map.of("idleDisconnectMillis", 300));
        try (TcpClient client = connect(open)) {
            client.readUntil("\r", WAIT);
            assertThat(client.closedByPeer(WAIT)).isTrue();
        }
    }

    @Test
    void withoutIdleDisconnectAnIdleConnectionStaysOpen() throws IOException {
        open.setFaults(Map.of("idleDisconnectMillis", 0));
        try (TcpClient client = connect(open)) {
            client.readUntil("\r", WAIT);
            assertThat(client.closedByPeer(Duration.ofMillis(500))).isFalse();
        }
    }

    @Test
    void duringWarmUpInputIsUnavailable() throws IOException {
        open.setFaults(Map.of("warmUpMillis", 500));
        try (TcpClient client = connect(open)) {
            client.readUntil("\r", WAIT);
            assertThat(ask(client, "%1POWR 1\r")).isEqualTo("%1POWR=OK\r");
            assertThat(ask(client, "%1INPT 31\r")).isEqualTo("%1INPT=ERR3\r");
            assertThat(ask(client, "%1POWR ?\r")).isEqualTo("%1POWR=3\r");
            await().atMost(WAIT)
                    .until(() -> open.state(DisplayState.class).power().equals("on"));
            assertThat(ask(client, "%1INPT 31\r")).isEqualTo("%1INPT=OK\r");
        }
    }

    @Test
    void aFailedDisplayAnswersErr4() throws IOException {
        open.setFaults(Map.of("deviceFailure", true));
        try (TcpClient client = connect(open)) {
            client.readUntil("\r", WAIT);
            assertThat(ask(client, "%1POWR ?\r")).isEqualTo("%1POWR=ERR4\r");
        }
    }

    @Test
    void aSilentDisplayNeitherGreetsNorAnswers() throws IOException {
        open.setFaults(Map.of("silent", true));
        try (TcpClient client = connect(open)) {
            client.write("%1POWR ?\r");
            assertThat(client.read(1, Duration.ofMillis(300))).isEmpty();
        }
    }

    @Test
    void aPowerCycleDropsConnectionsAndComesUpInStandby() throws IOException {
        try (TcpClient client = connect(open)) {
            client.readUntil("\r", WAIT);
            ask(client, "%1POWR 1\r");
            open.powerCycle();
            assertThat(client.closedByPeer(WAIT)).isTrue();
        }
        assertThat(open.state(DisplayState.class).power()).isEqualTo("standby");
    }

    @Test
    void unpluggedItRefusesConnectionsAndPluggedInItAnswersAgain() throws IOException {
        int port = open.endpoint().port();
        open.unplug();
        assertThatThrownBy(() -> TcpClient.connect("127.0.0.1", port)).isInstanceOf(ConnectException.class);
        open.plug();
        try (TcpClient client = connect(open)) {
            assertThat(client.readUntil("\r", WAIT)).isEqualTo("PJLINK 0\r");
        }
    }
}
