package org.roomctl.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomctl.contract.Json;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.web.Csrf;

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

    /** A browser without a browser: keeps cookies, follows redirects, sends the CSRF token. */
    private static final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        HttpResponse<String> get(String url) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Posts a form as the page does, with the CSRF token of its cookie. */
        HttpResponse<String> post(String url, String form) throws Exception {
            String token = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals(Csrf.COOKIE))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no CSRF cookie from " + url));
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(token)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Signs in to the console and returns the fleet page. */
        HttpResponse<String> signIn(String console, String password) throws Exception {
            get(console + "/login");
            post(console + "/login", "name=admin&password=" + enc(password));
            return get(console + "/fleet");
        }

        /** Opens a pairing link as a panel's browser does: the code after '#' goes in the form. */
        HttpResponse<String> enrol(String link) throws Exception {
            String page = link.substring(0, link.indexOf('#'));
            String code = link.substring(link.indexOf('#') + 1);
            assertThat(get(page).statusCode()).isEqualTo(200);
            return post(page, "code=" + enc(code));
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    private static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The demo running as its own process, and everything it printed. */
    private static final class Demo implements AutoCloseable {
        final Process process;
        final List<String> output = new CopyOnWriteArrayList<>();
        private final Thread reader;

        Demo(ProcessBuilder pb) throws IOException {
            process = pb.redirectErrorStream(true).start();
            reader = new Thread(() -> {
                try (BufferedReader r =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        output.add(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            reader.start();
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> output.contains("Ctrl-C stops everything.") || !process.isAlive());
            assertThat(process.isAlive()).as(String.join("\n", output)).isTrue();
        }

        /** The first printed line matching {@code pattern}, group 1. */
        String printed(String pattern) {
            Pattern p = Pattern.compile(pattern);
            return output.stream()
                    .map(p::matcher)
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .findFirst()
                    .orElseThrow(
                            () -> new AssertionError("not printed: " + pattern + "\n" + String.join("\n", output)));
        }

        /** Stops it with SIGTERM, as Ctrl-C would, and checks it ends cleanly. */
        @Override
        public void close() throws Exception {
            if (!process.isAlive()) {
                return;
            }
            List<ProcessHandle> children = process.descendants().toList();
            // Through the handle: Process.destroy() would also close our end of its output, and we
            // want to read what it says while stopping.
            process.toHandle().destroy();
            boolean ended = process.waitFor(40, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            reader.join(5000);
            assertThat(ended).as("the demo stops within 40 s of SIGTERM").isTrue();
            assertThat(output).contains("roomctl demo stopped.");
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(children.stream().filter(ProcessHandle::isAlive))
                            .as("processes the demo started (PostgreSQL among them)")
                            .isEmpty());
        }
    }

    private ProcessBuilder demo(Ports ports) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                demoJar().toString(),
                "--configs",
                Path.of("..", "room-configs").toString(),
                "--mqtt-port",
                Integer.toString(ports.mqtt),
                "--db-port",
                Integer.toString(ports.db),
                "--sim-port",
                Integer.toString(ports.sim),
                "--admin-port",
                Integer.toString(ports.admin),
                "--panel-port",
                Integer.toString(ports.panel),
                "--run-dir",
                run.toString());
        pb.environment().put("ROOMCTL_DEVICE_HOST", "127.0.0.2");
        pb.environment().remove("ROOMCTL_MQTT_URL");
        pb.environment().remove("ROOMCTL_DATABASE_URL");
        return pb;
    }

    private record Ports(int mqtt, int db, int sim, int admin, int panel) {
        static Ports free() throws IOException {
            return new Ports(freePort(), freePort(), freePort(), freePort(), freePort());
        }
    }

    @Test
    void startsEverythingDrivesADeviceKeepsItsDataAndStopsCleanly() throws Exception {
        Ports ports = Ports.free();
        String password;
        Browser panel = null;
        String panelHome = null;
        try (Demo demo = new Demo(demo(ports))) {
            List<String> output = demo.output;
            assertThat(output).contains("roomctl is running: 5 rooms, MQTT broker tcp://127.0.0.1:" + ports.mqtt);
            assertThat(output)
                    .anyMatch(l -> l.contains("[2/7] MQTT 5 broker (embedded HiveMQ CE)")
                            && l.endsWith(" ok" + l.substring(l.lastIndexOf(" ok") + 3)));
            assertThat(output).anyMatch(l -> l.contains("[3/7] PostgreSQL (embedded) on 127.0.0.1:" + ports.db));
            assertThat(output).noneMatch(l -> l.contains("not every device answered"));
            assertThat(output).noneMatch(l -> l.contains("WARN") || l.contains("ERROR"));

            // The database is the embedded one, on the port it was given, and it holds the rooms.
            try (Connection db = DriverManager.getConnection(
                            "jdbc:postgresql://127.0.0.1:" + ports.db + "/roomctl?user=postgres");
                    var rs = db.createStatement().executeQuery("SELECT count(*) FROM room")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(5);
            }

            // An ordinary MQTT client moves a simulated device.
            try (BusClient user =
                    new BusClient(BusOptions.to("tcp://127.0.0.1:" + ports.mqtt, "it-" + UUID.randomUUID()))) {
                user.connect().get(10, TimeUnit.SECONDS);
                BusMessage reply = user.request(
                                BusMessage.of("roomctl/rooms/sydney-harbour/command", "doccam on", 1, false),
                                Duration.ofSeconds(10))
                        .get(15, TimeUnit.SECONDS);
                assertThat(Json.mapper().readTree(reply.payload()).get("ok").asBoolean())
                        .as(reply.text())
                        .isTrue();
            }
            Browser sims = new Browser();
            assertThat(Json.mapper()
                            .readTree(sims.get("http://127.0.0.1:" + ports.sim + "/rooms/sydney-harbour/devices/doccam")
                                    .body())
                            .toString())
                    .contains("\"power\":\"on\"");
            assertThat(Files.isSymbolicLink(run.resolve("tty/sydney-harbour-camera")))
                    .isTrue();

            // The admin console answers, and the printed password signs in.
            String admin = demo.printed("Admin console: (http://\\S+)/");
            password = demo.printed("sign in as 'admin' with password (\\S+)");
            assertThat(admin).isEqualTo("http://127.0.0.1:" + ports.admin);
            Browser operator = new Browser();
            HttpResponse<String> fleet = operator.signIn(admin, password);
            assertThat(fleet.statusCode()).isEqualTo(200);
            assertThat(fleet.body()).contains("sydney-harbour", "auckland-waitemata");

            // Every printed panel link enrols a browser as its room's panel.
            for (String room : List.of(
                    "auckland-waitemata", "melbourne-fitzroy", "melbourne-yarra", "sydney-bondi", "sydney-harbour")) {
                String link = demo.printed("^  " + room + "\\s+(http://\\S+/enrol#\\S+)$");
                Browser b = new Browser();
                HttpResponse<String> home = b.enrol(link);
                assertThat(home.statusCode()).as(room).isEqualTo(200);
                assertThat(home.uri().getPath()).isEqualTo("/room/" + room);
                if (room.equals("sydney-harbour")) {
                    panel = b;
                    panelHome = home.uri().toString();
                }
            }
        }
        assertThat(Files.exists(run.resolve("tty/sydney-harbour-camera"), java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .isFalse();
        assertThat(portOpen(ports.db)).as("PostgreSQL stopped").isFalse();

        // Started again on the same run directory, it keeps its data: the admin and the panel
        // enrolled before are still known.
        try (Demo again = new Demo(demo(ports))) {
            assertThat(again.printed("sign in as 'admin' with password (\\S+)")).isEqualTo(password);
            assertThat(new Browser()
                            .signIn("http://127.0.0.1:" + ports.admin, password)
                            .statusCode())
                    .isEqualTo(200);
            HttpResponse<String> home = panel.get(panelHome);
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.uri().toString()).isEqualTo(panelHome);
        }
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
