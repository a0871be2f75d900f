package org.roomctl.sim.visca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.roomctl.sim.TestRooms.device;
import static org.roomctl.sim.TestRooms.room;
import static org.roomctl.sim.TestRooms.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomctl.contract.config.DeviceTypes;
import org.roomctl.sim.Hex;
import org.roomctl.sim.SerialClient;
import org.roomctl.sim.SimulatorOptions;
import org.roomctl.sim.Simulators;
import org.roomctl.sim.runtime.DeviceSimulator;

/** A VISCA camera on a pseudo-terminal, driven through jSerialComm as a driver would. */
class CameraSimulatorIT {
    private static final Duration WAIT = Duration.ofSeconds(3);
    private static final byte[] POWER_INQUIRY = Hex.bytes("81 09 04 00 FF");

    @TempDir
    Path dir;

    private Path link;
    private Simulators simulators;
    private DeviceSimulator camera;

    @BeforeEach
    void start() throws IOException {
        link = dir.resolve("camera");
        simulators = Simulators.start(
                List.of(room("room-a", device("camera", DeviceTypes.SONY_VISCA, serial(link, 9600)))),
                SimulatorOptions.anyFreePorts());
        camera = simulators.device("room-a", "camera");
    }

    @AfterEach
    void stop() {
        simulators.close();
    }

    private String ask(SerialClient client, byte[] packet, int replyLength) {
        client.write(packet);
        return Hex.of(client.read(replyLength, WAIT));
    }

    @Test
    void answersAnInquiryOverThePseudoTerminal() {
        try (SerialClient client = SerialClient.open(link, 9600)) {
            assertThat(ask(client, POWER_INQUIRY, 4)).isEqualTo("90 50 02 FF");
            assertThat(camera.state(ViscaState.class).lastCommand()).isEqualTo("81 09 04 00 ff");
        }
    }

    @Test
    void aMoveIsAcknowledgedAtOnceAndCompletedWhenItEnds() {
        try (SerialClient client = SerialClient.open(link, 9600)) {
            // pan 1000 at full speed: about 0.4 s
            client.write(Hex.bytes("81 01 06 02 18 17 00 03 0E 08 00 00 00 00 FF"));
            assertThat(Hex.of(client.read(3, WAIT))).isEqualTo("90 41 FF");
            assertThat(camera.state(ViscaState.class).busySockets()).containsExactly(1);
            assertThat(Hex.of(client.read(3, WAIT))).isEqualTo("90 51 FF");
            assertThat(camera.state(ViscaState.class).pan()).isEqualTo(1000);
        }
    }

    @Test
    void busySocketsFillTheCommandBuffer() {
        camera.setFaults(Map.of("busySockets", 2));
        try (SerialClient client = SerialClient.open(link, 9600)) {
            assertThat(ask(client, Hex.bytes("81 01 04 00 02 FF"), 4)).isEqualTo("90 60 03 FF");
        }
    }

    @Test
    void repliesArePacedAtTheLineSpeed() {
        try (SerialClient client = SerialClient.open(link, 9600)) {
            byte[] twenty = new byte[20 * POWER_INQUIRY.length];
            for (int i = 0; i < 20; i++) {
                System.arraycopy(POWER_INQUIRY, 0, twenty, i * POWER_INQUIRY.length, POWER_INQUIRY.length);
            }
            long start = System.nanoTime();
            client.write(twenty);
            byte[] replies = client.read(80, WAIT);
            long took = System.nanoTime() - start;
            assertThat(replies).hasSize(80);
            // 80 bytes x 10 bits at 9600 baud: 83 ms
            assertThat(Duration.ofNanos(took)).isGreaterThanOrEqualTo(Duration.ofMillis(83));
        }
    }

    @Test
    void commandsArriveAtTheLineSpeedToo() {
        try (SerialClient client = SerialClient.open(link, 9600)) {
            byte[] twenty = new byte[20 * POWER_INQUIRY.length];
            for (int i = 0; i < 20; i++) {
                System.arraycopy(POWER_INQUIRY, 0, twenty, i * POWER_INQUIRY.length, POWER_INQUIRY.length);
            }
            long start = System.nanoTime();
            client.write(twenty);
            client.read(4, WAIT); // the first reply cannot leave before the first inquiry arrived
            client.read(76, WAIT);
            long took = System.nanoTime() - start;
            // The last inquiry arrives after 100 bytes of commands (104 ms); its 4-byte reply
            // follows (4 ms): a line that only paced replies would take 83 ms.
            assertThat(Duration.ofNanos(took)).isGreaterThanOrEqualTo(Duration.ofMillis(104));
        }
    }

    @Test
    void garblingDamagesRepliesTheSameWayForTheSameSeed() {
        Map<String, Object> noisy = Map.of("garbleProbability", 0.5, "seed", 7);
        try (SerialClient client = SerialClient.open(link, 9600)) {
            camera.setFaults(noisy);
            String first = ask(client, Hex.bytes("81 09 00 02 FF"), 10);
            camera.setFaults(noisy);
            String second = ask(client, Hex.bytes("81 09 00 02 FF"), 10);
            assertThat(first).isNotEqualTo("90 50 00 01 05 19 01 00 02 FF").isEqualTo(second);
        }
    }

    @Test
    void droppedBytesNeverArrive() {
        camera.setFaults(Map.of("dropProbability", 1.0));
        try (SerialClient client = SerialClient.open(link, 9600)) {
            client.write(POWER_INQUIRY);
            assertThat(client.drain(Duration.ofMillis(300))).isEmpty();
        }
    }

    @Test
    void aSilentCameraIgnoresEverythingUntilItWakes() {
        camera.setFaults(Map.of("silent", true));
        try (SerialClient client = SerialClient.open(link, 9600)) {
            client.write(Hex.bytes("81 01 04 00 03 FF")); // standby: ignored
            assertThat(client.drain(Duration.ofMillis(300))).isEmpty();
            camera.setFaults(Map.of("silent", false));
            assertThat(ask(client, POWER_INQUIRY, 4)).isEqualTo("90 50 02 FF");
        }
    }

    @Test
    void aPowerCycleAnnouncesANetworkChange() {
        try (SerialClient client = SerialClient.open(link, 9600)) {
            await().atMost(WAIT).until(() -> camera.state().clients() == 1);
            camera.powerCycle();
            assertThat(Hex.of(client.read(3, WAIT))).isEqualTo("90 38 FF");
        }
    }

    @Test
    void unpluggingRemovesThePortAndPluggingBringsItBack() throws IOException {
        camera.unplug();
        assertThat(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(camera.state().plugged()).isFalse();
        camera.plug();
        try (SerialClient client = SerialClient.open(link, 9600)) {
            assertThat(ask(client, POWER_INQUIRY, 4)).isEqualTo("90 50 02 FF");
        }
    }

    @Test
    void droppingTheConnectionGivesANewPortBehindTheSameName() throws IOException {
        String before = Files.readSymbolicLink(link).toString();
        try (SerialClient client = SerialClient.open(link, 9600)) {
            await().atMost(WAIT).until(() -> camera.state().clients() == 1);
            camera.dropConnection();
            // the old client still holds its descriptor, but of a port that is gone
            assertThat(camera.state().clients()).isZero();
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(camera.endpoint().device())
                .isEqualTo(Files.readSymbolicLink(link).toString());
        try (SerialClient client = SerialClient.open(link, 9600)) {
            assertThat(ask(client, POWER_INQUIRY, 4)).isEqualTo("90 50 02 FF");
        }
        assertThat(before).startsWith("/dev/pts/");
    }
}
