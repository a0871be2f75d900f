package org.roomctl.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomctl.contract.Json;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.bus.BusOptions;

/**
 * The demo as a new user runs it: the built jar, as its own process. Its simulated devices listen
 * on 127.0.0.2 so a demo already running on this machine does not get in the way.
 */
class DemoProcessIT {
    @TempDir
    Path run;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Path demoJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("roomctl-demo.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("sources"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no demo jar in target: run the package phase first"));
        }
    }

    @Test
    void startsEverythingDrivesADeviceAndStopsCleanly() throws Exception {
        int mqttPort = freePort();
        int simPort = freePort();
        ProcessBuilder pb = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-jar",
                        demoJar().toString(),
                        "--configs",
                        Path.of("..", "room-configs").toString(),
                        "--mqtt-port",
                        Integer.toString(mqttPort),
                        "--sim-port",
                        Integer.toString(simPort),
                        "--run-dir",
                        run.toString())
                .redirectErrorStream(true);
        pb.environment().put("ROOMCTL_DEVICE_HOST", "127.0.0.2");
        Process demo = pb.start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> output.contains("Ctrl-C stops everything.") || !demo.isAlive());
            assertThat(demo.isAlive()).as(String.join("\n", output)).isTrue();
            assertThat(output).contains("roomctl is running: 5 rooms, MQTT broker tcp://127.0.0.1:" + mqttPort);
            assertThat(output)
                    .anyMatch(l -> l.contains("[2/4] MQTT 5 broker (embedded HiveMQ CE)")
                            && l.endsWith(" ok" + l.substring(l.lastIndexOf(" ok") + 3)));
            assertThat(output).noneMatch(l -> l.contains("not every device answered"));
            assertThat(output).noneMatch(l -> l.contains("WARN") || l.contains("ERROR"));

            // An ordinary MQTT client moves a simulated device.
            try (BusClient user =
                    new BusClient(BusOptions.to("tcp://127.0.0.1:" + mqttPort, "it-" + UUID.randomUUID()))) {
                user.connect().get(10, TimeUnit.SECONDS);
                BusMessage reply = user.request(
                                BusMessage.of("roomctl/rooms/sydney-harbour/command", "doccam on", 1, false),
                                Duration.ofSeconds(10))
                        .get(15, TimeUnit.SECONDS);
                assertThat(Json.mapper().readTree(reply.payload()).get("ok").asBoolean())
                        .as(reply.text())
                        .isTrue();
            }
            HttpResponse<String> state = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://127.0.0.1:" + simPort + "/rooms/sydney-harbour/devices/doccam"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(Json.mapper().readTree(state.body()).toString()).contains("\"power\":\"on\"");
            assertThat(Files.isSymbolicLink(run.resolve("tty/sydney-harbour-camera")))
                    .isTrue();
        } finally {
            // SIGTERM, as Ctrl-C would. Through the handle: Process.destroy() would also close our
            // end of its output, and we want to read what it says while stopping.
            demo.toHandle().destroy();
            boolean ended = demo.waitFor(30, TimeUnit.SECONDS);
            if (!ended) {
                demo.destroyForcibly();
            }
            reader.join(5000);
            assertThat(ended).as("the demo stops within 30 s of SIGTERM").isTrue();
        }
        assertThat(output).contains("roomctl demo stopped.");
        assertThat(demo.descendants()).isEmpty();
        assertThat(Files.exists(run.resolve("tty/sydney-harbour-camera"), java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .isFalse();
    }

    @Test
    void aPortInUseIsNamedWithWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process demo = new ProcessBuilder(
                            ProcessHandle.current().info().command().orElse("java"),
                            "-jar",
                            demoJar().toString(),
                            "--configs",
                            Path.of("..", "room-configs").toString(),
                            "--mqtt-port",
                            Integer.toString(taken.getLocalPort()),
                            "--run-dir",
                            run.toString())
                    .redirectErrorStream(true)
                    .start();
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(demo.exitValue()).isEqualTo(1);
            assertThat(out)
                    .contains("port " + taken.getLocalPort() + " on 127.0.0.1 is in use")
                    .contains("--mqtt-port N");
        }
    }
}
