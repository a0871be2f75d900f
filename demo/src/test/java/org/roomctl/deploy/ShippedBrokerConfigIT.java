package org.roomctl.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roomctl.agent.AgentSettings;
import org.roomctl.agent.RoomAgent;
import org.roomctl.agent.device.DeviceDrivers;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.contract.bus.BusTls;
import org.roomctl.contract.config.RoomConfigLoader;

/**
 * The broker configuration shipped in deploy/mosquitto, run for real: Mosquitto with those exact
 * ACLs and settings (only ports and file paths changed for the test), a certificate authority
 * and broker certificate made with openssl, users made with mosquitto_passwd. Skipped, loudly,
 * where Mosquitto or openssl are not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShippedBrokerConfigIT {
    private static final Path SHIPPED = Path.of("..", "deploy", "mosquitto");

    private Path dir;

    private Process mosquitto;
    private int tlsPort;
    private int plainPort;
    private Path ca;
    private final List<BusClient> clients = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startMosquitto() throws Exception {
        boolean tools = Files.isExecutable(Path.of("/usr/sbin/mosquitto"))
                && Files.isExecutable(Path.of("/usr/bin/mosquitto_passwd"))
                && Files.isExecutable(Path.of("/usr/bin/openssl"));
        if (!tools) {
            System.err.println("SKIPPED ShippedBrokerConfigIT: mosquitto, mosquitto_passwd or openssl not installed");
        }
        Assumptions.assumeTrue(tools, "mosquitto and openssl needed");
        dir = Files.createTempDirectory("roomctl-mosquitto");
        makeCertificates();
        run(
                "/usr/bin/mosquitto_passwd",
                "-c",
                "-b",
                dir.resolve("roomctl.passwd").toString(),
                "sydney-harbour",
                "room-secret");
        run("/usr/bin/mosquitto_passwd", "-b", dir.resolve("roomctl.passwd").toString(), "roomctl-app", "app-secret");
        run("/usr/bin/mosquitto_passwd", "-b", dir.resolve("roomctl.passwd").toString(), "ops-viewer", "viewer-secret");
        Files.copy(SHIPPED.resolve("roomctl.acl"), dir.resolve("roomctl.acl"));
        tlsPort = freePort();
        plainPort = freePort();
        String conf = Files.readString(SHIPPED.resolve("roomctl.conf"))
                .replace(
                        "/etc/mosquitto/roomctl.passwd",
                        dir.resolve("roomctl.passwd").toString())
                .replace(
                        "/etc/mosquitto/roomctl.acl", dir.resolve("roomctl.acl").toString())
                .replace("/etc/mosquitto/certs/", dir + "/")
                .replace("listener 8883", "listener " + tlsPort + " 127.0.0.1")
                .replace("listener 1883 127.0.0.1", "listener " + plainPort + " 127.0.0.1")
                .replace("persistence true", "persistence false")
                .replace("log_dest syslog", "log_dest stderr");
        assertThat(conf).doesNotContain("/etc/mosquitto");
        Files.writeString(dir.resolve("mosquitto.conf"), conf);
        // Started as root, Mosquitto drops to its own user: let it read the test's files (in
        // production they are in /etc/mosquitto, owned accordingly).
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        mosquitto = new ProcessBuilder(
                        "/usr/sbin/mosquitto",
                        "-c",
                        dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(10)).until(() -> listening(tlsPort) && listening(plainPort));
    }

    private void makeCertificates() throws Exception {
        ca = dir.resolve("ca.crt");
        run(
                "/usr/bin/openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-keyout",
                dir.resolve("ca.key").toString(),
                "-out",
                ca.toString(),
                "-subj",
                "/CN=roomctl test CA");
        run(
                "/usr/bin/openssl",
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                dir.resolve("broker.key").toString(),
                "-out",
                dir.resolve("broker.csr").toString(),
                "-subj",
                "/CN=127.0.0.1");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        run(
                "/usr/bin/openssl",
                "x509",
                "-req",
                "-in",
                dir.resolve("broker.csr").toString(),
                "-CA",
                ca.toString(),
                "-CAkey",
                dir.resolve("ca.key").toString(),
                "-CAcreateserial",
                "-days",
                "2",
                "-extfile",
                dir.resolve("san.ext").toString(),
                "-out",
                dir.resolve("broker.crt").toString());
    }

    private void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @AfterAll
    void stop() {
        clients.forEach(BusClient::close);
        if (mosquitto != null) {
            mosquitto.destroy();
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory; the system cleans it eventually
            }
        }
    }

    private BusClient tls(String user, String password) throws Exception {
        BusClient c = new BusClient(BusOptions.to("ssl://127.0.0.1:" + tlsPort, user + "-" + UUID.randomUUID())
                .withCredentials(user, password)
                .withTls(BusTls.trusting(ca)));
        clients.add(c);
        c.connect().get(10, TimeUnit.SECONDS);
        return c;
    }

    @Test
    void nobodyGetsInWithoutAPassword() {
        BusClient anonymous = new BusClient(BusOptions.to("tcp://127.0.0.1:" + plainPort, "anon-" + UUID.randomUUID()));
        clients.add(anonymous);
        anonymous.connect();
        await().atMost(Duration.ofSeconds(10)).until(() -> anonymous.lastDisconnectReason() != null);
        assertThat(anonymous.isConnected()).isFalse();
        BusClient wrong = new BusClient(BusOptions.to("tcp://127.0.0.1:" + plainPort, "wrong-" + UUID.randomUUID())
                .withCredentials("roomctl-app", "not-it"));
        clients.add(wrong);
        wrong.connect();
        await().atMost(Duration.ofSeconds(10)).until(() -> wrong.lastDisconnectReason() != null);
        assertThat(wrong.isConnected()).isFalse();
    }

    @Test
    void tlsWithoutTrustingTheCaIsRefused() {
        BusClient untrusting =
                new BusClient(BusOptions.to("ssl://127.0.0.1:" + tlsPort, "untrusting-" + UUID.randomUUID())
                        .withCredentials("ops-viewer", "viewer-secret"));
        clients.add(untrusting);
        untrusting.connect();
        await().atMost(Duration.ofSeconds(10)).until(() -> untrusting.lastDisconnectReason() != null);
        assertThat(untrusting.isConnected()).isFalse();
    }

    @Test
    void aRoomAgentSpeaksOnlyForItsRoom() throws Exception {
        BusClient viewer = tls("ops-viewer", "viewer-secret");
        List<String> seen = new CopyOnWriteArrayList<>();
        viewer.subscribe("roomctl/#", 1, m -> seen.add(m.topic() + "=" + m.text()))
                .get(5, TimeUnit.SECONDS);
        BusClient agent = tls("sydney-harbour", "room-secret");
        agent.publish(BusMessage.of("roomctl/rooms/sydney-harbour/events", "mine", 1, false))
                .get(5, TimeUnit.SECONDS);
        agent.publish(BusMessage.of("roomctl/rooms/melbourne-yarra/state", "forged", 1, false))
                .exceptionally(e -> null)
                .get(5, TimeUnit.SECONDS);
        await().until(() -> seen.contains("roomctl/rooms/sydney-harbour/events=mine"));
        Thread.sleep(300);
        assertThat(seen).noneMatch(s -> s.contains("forged"));
        // It cannot read another room's commands (Mosquitto takes the subscription but never
        // delivers what the ACL does not allow).
        List<String> stolen = new CopyOnWriteArrayList<>();
        agent.subscribe("roomctl/rooms/melbourne-yarra/command", 1, m -> stolen.add(m.text()))
                .get(5, TimeUnit.SECONDS);
        BusClient app = tls("roomctl-app", "app-secret");
        app.publish(BusMessage.of("roomctl/rooms/melbourne-yarra/command", "camera home", 1, false))
                .get(5, TimeUnit.SECONDS);
        await().until(() -> seen.contains("roomctl/rooms/melbourne-yarra/command=camera home"));
        Thread.sleep(300);
        assertThat(stolen).isEmpty();
    }

    @Test
    void theAppsCommandRoomsAndGetRepliesButCannotForgeState() throws Exception {
        BusClient agent = tls("sydney-harbour", "room-secret");
        agent.subscribe(
                        "roomctl/rooms/sydney-harbour/command",
                        1,
                        m -> agent.publish(BusMessage.of(m.responseTopic(), "{\"ok\":true}", 1, false)
                                .withResponse(null, m.correlationData())))
                .get(5, TimeUnit.SECONDS);
        BusClient app = tls("roomctl-app", "app-secret");
        BusMessage reply = app.request(
                        BusMessage.of("roomctl/rooms/sydney-harbour/command", "doccam on", 1, false),
                        Duration.ofSeconds(5))
                .get(10, TimeUnit.SECONDS);
        assertThat(reply.text()).isEqualTo("{\"ok\":true}");
        // The bus recorder's shared subscription is allowed.
        app.subscribe("$share/roomctl-recorder/roomctl/#", 1, m -> {}).get(5, TimeUnit.SECONDS);

        BusClient viewer = tls("ops-viewer", "viewer-secret");
        List<String> seen = new CopyOnWriteArrayList<>();
        viewer.subscribe("roomctl/#", 1, m -> seen.add(m.topic())).get(5, TimeUnit.SECONDS);
        app.publish(BusMessage.of("roomctl/rooms/sydney-harbour/state", "forged", 1, true))
                .exceptionally(e -> null)
                .get(5, TimeUnit.SECONDS);
        viewer.publish(BusMessage.of("roomctl/rooms/sydney-harbour/command", "shutdown", 1, false))
                .exceptionally(e -> null)
                .get(5, TimeUnit.SECONDS);
        Thread.sleep(500);
        assertThat(seen).doesNotContain("roomctl/rooms/sydney-harbour/state", "roomctl/rooms/sydney-harbour/command");
    }

    @Test
    void aRealRoomAgentComesOnlineOverTlsWithItsPassword() throws Exception {
        Path room = dir.resolve("sydney-harbour.yaml");
        Files.writeString(
                room,
                """
                id: sydney-harbour
                name: Harbour
                site: Sydney
                devices:
                  - id: display
                    type: pjlink
                    transport: tcp://127.0.0.1:1
                """);
        AgentSettings settings = new AgentSettings(
                room,
                "ssl://127.0.0.1:" + tlsPort,
                "sydney-harbour",
                "room-secret",
                ca,
                Topics.DEFAULT_PREFIX,
                "roomctl-agent-",
                false);
        BusClient viewer = tls("ops-viewer", "viewer-secret");
        List<String> availability = new CopyOnWriteArrayList<>();
        viewer.subscribe("roomctl/rooms/sydney-harbour/availability", 1, m -> availability.add(m.text()))
                .get(5, TimeUnit.SECONDS);
        try (RoomAgent agent = RoomAgent.create(settings, new RoomConfigLoader().loadAll(room), new DeviceDrivers())) {
            agent.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> availability.contains("online"));
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() -> availability.get(availability.size() - 1).equals("offline"));
    }
}
