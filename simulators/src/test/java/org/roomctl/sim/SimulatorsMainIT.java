package org.roomctl.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomctl.sim.pjlink.PjlinkSession;

/** The runner on the project's own room configs. */
class SimulatorsMainIT {
    private static final Path CONFIGS = Path.of("../room-configs");
    private static final Duration WAIT = Duration.ofSeconds(3);

    @TempDir
    Path ttyDir;

    private SimulatorsMain.Running start(Map<String, String> environment, ByteArrayOutputStream printed)
            throws Exception {
        SimulatorsMain.Arguments arguments = SimulatorsMain.Arguments.parse(
                "--configs", CONFIGS.toString(), "--http", "127.0.0.1:0", "--any-free-port");
        return SimulatorsMain.start(
                arguments, environment::get, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private List<Path> links() throws Exception {
        try (Stream<Path> files = Files.list(ttyDir)) {
            return files.filter(Files::isSymbolicLink).sorted().toList();
        }
    }

    @Test
    void startsEveryRoomServesTheirStateAndCleansUp() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<String, String> environment = Map.of(
                "ROOMCTL_TTY_DIR", ttyDir.toString(),
                "MELBOURNE_YARRA_CODEC_PASSWORD", "yarra-secret",
                "MELBOURNE_YARRA_DISPLAY_PASSWORD", "yarra-display",
                "AUCKLAND_WAITEMATA_DISPLAY_PASSWORD", "auckland");
        try (SimulatorsMain.Running running = start(environment, printed)) {
            String table = printed.toString(StandardCharsets.UTF_8);
            assertThat(table)
                    .contains(
                            "sydney-harbour",
                            "sydney-bondi",
                            "melbourne-yarra",
                            "melbourne-fitzroy",
                            "auckland-waitemata")
                    .contains(ttyDir.resolve("sydney-harbour-camera") + " -> /dev/pts/")
                    .contains("bridge 127.0.0.1:")
                    .doesNotContain("assumed");

            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(running.http().uri().resolve("state"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode state = new ObjectMapper().readTree(response.body());
            assertThat(state.get("rooms")).hasSize(5);
            assertThat(state.get("callAddresses")).hasSize(5);

            // every serial device has its link: auckland 2, yarra 2, harbour 3 (bondi and fitzroy use bridges)
            assertThat(links()).hasSize(7);
        }
        assertThat(links()).isEmpty();
        try (Stream<Path> left = Files.list(ttyDir)) {
            assertThat(left.filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS)))
                    .isEmpty();
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(simulatorThreads()).isEmpty());
    }

    /** Threads the simulators start are all named sim-...; none may outlive them. */
    private static List<String> simulatorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("sim-"))
                .toList();
    }

    @Test
    void anUnsetPasswordIsAssumedToBeDemoAndRequired() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (SimulatorsMain.Running running = start(Map.of("ROOMCTL_TTY_DIR", ttyDir.toString()), printed)) {
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("assumed 'demo'")
                    .contains(
                            "AUCKLAND_WAITEMATA_DISPLAY_PASSWORD, MELBOURNE_YARRA_CODEC_PASSWORD, MELBOURNE_YARRA_DISPLAY_PASSWORD");

            int port = running.simulators()
                    .device("melbourne-yarra", "display")
                    .endpoint()
                    .port();
            try (TcpClient display = TcpClient.connect("127.0.0.1", port)) {
                String greeting = display.readUntil("\r", WAIT);
                String digest = PjlinkSession.md5Hex(greeting.substring(9, 17) + "demo");
                display.write(digest + "%1CLSS ?\r");
                assertThat(display.readUntil("\r", WAIT)).isEqualTo("%1CLSS=1\r");
            }

            try (SerialClient codec = SerialClient.open(ttyDir.resolve("melbourne-yarra-codec"), 115200)) {
                codec.write("admin\r");
                assertThat(codec.readUntil("Password: ", WAIT)).endsWith("Password: ");
                codec.write("demo\r");
                assertThat(codec.readUntil("OK\r\n\r\n", WAIT)).contains("Welcome to Yarra Boardroom");
            }
        }
    }
}
