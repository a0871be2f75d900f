package org.roomctl.sim.wolfprot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roomctl.sim.TestRooms.bridge;
import static org.roomctl.sim.TestRooms.device;
import static org.roomctl.sim.TestRooms.room;
import static org.roomctl.sim.TestRooms.tcp;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomctl.contract.config.DeviceTypes;
import org.roomctl.sim.Hex;
import org.roomctl.sim.SimulatorOptions;
import org.roomctl.sim.Simulators;
import org.roomctl.sim.TcpClient;
import org.roomctl.sim.runtime.DeviceSimulator;

/** WolfProt document cameras on plain TCP and behind a serial bridge. */
class DocCamSimulatorIT {
    private static final Duration WAIT = Duration.ofSeconds(3);

    private Simulators simulators;
    private DeviceSimulator onTcp;
    private DeviceSimulator onBridge;

    @BeforeEach
    void start() throws IOException {
        simulators = Simulators.start(
                List.of(room(
                        "room-a",
                        device("doccam", DeviceTypes.WOLFVISION, tcp()),
                        device("doccam-2", DeviceTypes.WOLFVISION, bridge(115200)))),
                SimulatorOptions.anyFreePorts());
        onTcp = simulators.device("room-a", "doccam");
        onBridge = simulators.device("room-a", "doccam-2");
    }

    @AfterEach
    void stop() {
        simulators.close();
    }

    private static String ask(TcpClient client, String hex, int replyLength) throws IOException {
        client.write(Hex.bytes(hex));
        return Hex.of(client.read(replyLength, WAIT));
    }

    @Test
    void switchesOnOverTcp() throws IOException {
        try (TcpClient client = TcpClient.connect("127.0.0.1", onTcp.endpoint().port())) {
            assertThat(ask(client, "01 30 01 01", 3)).isEqualTo("01 30 00");
            assertThat(ask(client, "00 30 00", 4)).isEqualTo("00 30 01 01");
        }
        assertThat(onTcp.state(DocCamState.class).power()).isEqualTo("on");
    }

    @Test
    void answersThroughTheBridgeAfterGarbage() throws IOException {
        try (TcpClient client =
                TcpClient.connect("127.0.0.1", onBridge.endpoint().port())) {
            assertThat(ask(client, "FF 13 00 30 00", 4)).isEqualTo("00 30 01 00");
        }
    }

    @Test
    void aNewConnectionTakesOverFromTheOldOne() throws IOException {
        try (TcpClient first = TcpClient.connect("127.0.0.1", onTcp.endpoint().port());
                TcpClient second =
                        TcpClient.connect("127.0.0.1", onTcp.endpoint().port())) {
            assertThat(first.closedByPeer(WAIT)).isTrue();
            assertThat(ask(second, "00 30 00", 4)).isEqualTo("00 30 01 00");
        }
    }
}
