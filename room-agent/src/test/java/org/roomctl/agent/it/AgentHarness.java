package org.roomctl.agent.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.roomctl.agent.AgentSettings;
import org.roomctl.agent.RoomAgent;
import org.roomctl.agent.device.DeviceDrivers;
import org.roomctl.contract.Json;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.contract.config.RoomConfig;
import org.roomctl.contract.config.RoomConfigLoader;
import org.roomctl.sim.SimulatorOptions;
import org.roomctl.sim.Simulators;

/**
 * Two rooms for real: simulators on pseudo-terminals, serial bridges and TCP; a room agent; and a
 * separate MQTT client acting as the user, watching everything under the prefix.
 */
final class AgentHarness implements AutoCloseable {
    static final Path CONFIGS = Path.of("src/test/resources/agent-it");

    final String brokerUri;
    final Path tty;
    final Map<String, String> variables = new HashMap<>();
    final List<RoomConfig> rooms;
    final Simulators sims;
    /** A prefix of its own, so that retained messages of other runs on a shared broker do not mislead. */
    final Topics topics =
            new Topics("roomctl-it-" + UUID.randomUUID().toString().substring(0, 8));

    final BusClient user;
    final Map<String, BusMessage> retained = new ConcurrentHashMap<>();
    final List<BusMessage> events = new CopyOnWriteArrayList<>();
    RoomAgent agent;

    AgentHarness(String brokerUri) throws Exception {
        this.brokerUri = brokerUri;
        this.tty = Files.createTempDirectory("roomctl-it-tty");
        variables.put("TTY", tty.toString());
        for (String port : List.of(
                "ROOM_A_DOCCAM_PORT",
                "ROOM_A_DISPLAY_PORT",
                "ROOM_B_CODEC_PORT",
                "ROOM_B_CAMERA_PORT",
                "ROOM_B_DISPLAY_PORT")) {
            variables.put(port, Integer.toString(freePort()));
        }
        variables.put("ROOM_A_CODEC_PASSWORD", "codec-secret");
        variables.put("ROOM_A_DISPLAY_PASSWORD", "display-secret");
        this.rooms = new RoomConfigLoader(variables::get).loadAll(CONFIGS);
        this.sims = Simulators.start(rooms, SimulatorOptions.defaults());
        // Quick enough for tests, slow enough to be seen.
        sims.device("room-a", "display").setFaults(Map.of("warmUpMillis", 300, "coolDownMillis", 200));
        sims.device("room-b", "display").setFaults(Map.of("warmUpMillis", 300, "coolDownMillis", 200));
        sims.device("room-a", "camera").setFaults(Map.of("moveTimeScale", 0.2));
        sims.device("room-b", "camera").setFaults(Map.of("moveTimeScale", 0.2));

        this.user = new BusClient(BusOptions.to(brokerUri, "user-" + UUID.randomUUID()));
        user.connect().get(20, TimeUnit.SECONDS);
        user.subscribe(topics.all(), 1, m -> {
                    if (m.topic().endsWith("/events")) {
                        events.add(m);
                    } else if (m.retained() || !m.topic().endsWith("/reply")) {
                        retained.put(m.topic(), m);
                    }
                })
                .get(10, TimeUnit.SECONDS);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    AgentSettings settings() {
        return new AgentSettings(
                CONFIGS,
                brokerUri,
                null,
                null,
                null,
                topics.prefix(),
                "it-agent-" + Math.abs(tty.hashCode()) + "-",
                false);
    }

    /** Starts the agent in this JVM and waits until both rooms are online with every device answering. */
    AgentHarness startAgent() throws Exception {
        agent = RoomAgent.create(settings(), rooms, new DeviceDrivers());
        agent.start();
        for (RoomConfig r : rooms) {
            await().atMost(Duration.ofSeconds(30)).until(() -> allOnline(r.id()));
        }
        return this;
    }

    void stopAgent() {
        if (agent != null) {
            agent.close();
            agent = null;
        }
    }

    boolean allOnline(String room) {
        BusMessage a = retained.get(topics.availability(room));
        JsonNode s = state(room);
        if (a == null || !a.text().equals("online") || s == null) {
            return false;
        }
        for (JsonNode d : s.get("devices")) {
            if (!d.get("status").asText().equals("online")) {
                return false;
            }
        }
        return true;
    }

    /** The latest retained snapshot of a room, or null. */
    JsonNode state(String room) {
        return json(retained.get(topics.state(room)));
    }

    JsonNode device(String room, String device) {
        JsonNode s = state(room);
        return s == null ? null : s.get("devices").get(device);
    }

    String availability(String room) {
        BusMessage m = retained.get(topics.availability(room));
        return m == null ? null : m.text();
    }

    static JsonNode json(BusMessage m) {
        if (m == null || m.payload().length == 0) {
            return null;
        }
        try {
            return Json.mapper().readTree(m.payload());
        } catch (IOException e) {
            throw new AssertionError("not JSON on " + m.topic() + ": " + m.text(), e);
        }
    }

    /** Sends a command as an MQTT 5 request and returns the parsed reply. */
    JsonNode command(String room, String command) throws Exception {
        BusMessage reply = user.request(BusMessage.of(topics.command(room), command, 1, false), Duration.ofSeconds(20))
                .get(25, TimeUnit.SECONDS);
        return json(reply);
    }

    @Override
    public void close() throws IOException {
        stopAgent();
        user.close();
        sims.close();
        try (var files = Files.walk(tty)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
