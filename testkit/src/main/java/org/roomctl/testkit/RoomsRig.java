package org.roomctl.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roomctl.agent.AgentSettings;
import org.roomctl.agent.RoomAgent;
import org.roomctl.agent.device.DeviceDrivers;
import org.roomctl.contract.Topics;
import org.roomctl.contract.config.RoomConfig;
import org.roomctl.contract.config.RoomConfigLoader;
import org.roomctl.embedded.EmbeddedBroker;
import org.roomctl.embedded.TestDatabases;
import org.roomctl.sim.SimulatorOptions;
import org.roomctl.sim.Simulators;

/**
 * Three real rooms for the apps' tests: Room A and Room B (Sydney) served by one room agent,
 * Room C (Auckland) by another so it can go away on its own; every device simulated (codecs on
 * one call network) behind serial bridges and TCP on free ports; an embedded MQTT broker; a
 * fresh database (embedded PostgreSQL, or the server in ROOMCTL_TEST_DATABASE_URL); topics
 * under a prefix of their own.
 */
public final class RoomsRig implements AutoCloseable {
    public static final List<String> ROOMS = List.of("room-a", "room-b", "room-c");

    public final EmbeddedBroker broker;
    public final String databaseUrl;
    public final Topics topics =
            new Topics("roomctl-" + UUID.randomUUID().toString().substring(0, 6));
    public final Simulators sims;
    public final List<RoomConfig> rooms;
    private final Path configs;
    private final Map<String, String> variables = new HashMap<>();
    public RoomAgent agentAB;
    public RoomAgent agentC;

    public RoomsRig() throws Exception {
        configs = extractConfigs();
        broker = EmbeddedBroker.onFreePort().start();
        databaseUrl = TestDatabases.fresh();
        List<RoomConfig> loaded = null;
        Simulators started = null;
        for (int attempt = 1; started == null; attempt++) {
            choosePorts();
            loaded = new RoomConfigLoader(variables::get).loadAll(configs);
            try {
                // No iTach settings ports beside the bridges: nothing here uses them.
                started = Simulators.start(loaded, new SimulatorOptions(false, -1));
            } catch (IOException e) {
                // Something else took a chosen port between choosing and listening: choose again.
                if (attempt == 5 || !String.valueOf(e.getMessage()).contains("Address already in use")) {
                    broker.close();
                    throw e;
                }
            }
        }
        rooms = loaded;
        sims = started;
        // Displays warm up in a moment rather than the simulator's two seconds.
        for (String room : ROOMS) {
            sims.device(room, "display").setFaults(Map.of("warmUpMillis", 300, "coolDownMillis", 200));
        }
        agentAB = agent("room-a", "room-b");
        agentC = agent("room-c");
    }

    /** Chooses a free port for every device (see {@link Ports#free}). */
    private void choosePorts() throws IOException {
        int[] ports = Ports.free(12);
        int i = 0;
        for (String r : List.of("A", "B", "C")) {
            for (String d : List.of("CODEC", "CAMERA", "DOCCAM", "DISPLAY")) {
                variables.put("ROOM_" + r + "_" + d + "_PORT", Integer.toString(ports[i++]));
            }
        }
    }

    private static Path extractConfigs() throws IOException {
        Path dir = Files.createTempDirectory("roomctl-rig-rooms");
        for (String room : ROOMS) {
            try (InputStream in = RoomsRig.class.getResourceAsStream("rooms/" + room + ".yaml")) {
                if (in == null) {
                    throw new IllegalStateException("testkit lacks its room config " + room);
                }
                Files.copy(in, dir.resolve(room + ".yaml"));
            }
        }
        return dir;
    }

    /** Starts a room agent (in this JVM) for some of the rooms. */
    public RoomAgent agent(String... roomIds) {
        List<RoomConfig> mine =
                rooms.stream().filter(r -> List.of(roomIds).contains(r.id())).toList();
        AgentSettings settings = new AgentSettings(
                configs, broker.uri(), null, null, null, topics.prefix(), "agent-" + topics.prefix() + "-", false);
        try {
            RoomAgent agent = RoomAgent.create(settings, mine, new DeviceDrivers());
            agent.start();
            return agent;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops room C's agent (it goes offline); {@link #restartC()} brings it back. */
    public void stopC() {
        agentC.close();
        agentC = null;
    }

    public void restartC() {
        agentC = agent("room-c");
    }

    /** Closes things the tests made, in reverse order, after the rig's own. */
    private final List<AutoCloseable> closing = new ArrayList<>();

    public <T extends AutoCloseable> T closeLater(T thing) {
        closing.add(thing);
        return thing;
    }

    @Override
    public void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        if (agentAB != null) {
            agentAB.close();
        }
        if (agentC != null) {
            agentC.close();
        }
        sims.close();
        broker.close();
    }

    /** Waits, at most {@code seconds}, until {@code ready} holds. */
    public static void await(int seconds, java.util.concurrent.Callable<Boolean> ready) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(seconds))
                .until(ready);
    }
}
