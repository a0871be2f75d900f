package org.roomctl.fleet;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roomctl.agent.AgentSettings;
import org.roomctl.agent.RoomAgent;
import org.roomctl.agent.device.DeviceDrivers;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.contract.config.RoomConfig;
import org.roomctl.contract.config.RoomConfigLoader;
import org.roomctl.embedded.EmbeddedBroker;
import org.roomctl.embedded.TestDatabases;
import org.roomctl.fleet.catalog.RoomSnapshot;
import org.roomctl.fleet.connect.ConnectionSettings;
import org.roomctl.schema.Database;
import org.roomctl.sim.SimulatorOptions;
import org.roomctl.sim.Simulators;

/**
 * Three rooms for real, as the apps see them: simulated devices, room agents (room A and B in
 * one agent process, room C in another so it can go away alone), a broker and a database.
 */
public final class FleetHarness implements AutoCloseable {
    static final Path CONFIGS = Path.of("src/test/resources/fleet-it");
    /** Quick timings, so failures show in seconds. */
    public static final ConnectionSettings QUICK = new ConnectionSettings(
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(4),
            Duration.ofSeconds(4),
            Duration.ofMillis(200),
            Duration.ofSeconds(1));

    public final EmbeddedBroker broker;
    public final String databaseUrl;
    public final Topics topics =
            new Topics("roomctl-" + UUID.randomUUID().toString().substring(0, 6));
    public final Simulators sims;
    public final List<RoomConfig> rooms;
    private final Map<String, String> variables = new HashMap<>();
    private final List<AutoCloseable> closing = new ArrayList<>();
    public RoomAgent agentAB;
    public RoomAgent agentC;

    public FleetHarness() throws Exception {
        broker = EmbeddedBroker.onFreePort().start();
        databaseUrl = TestDatabases.fresh();
        for (String r : List.of("A", "B", "C")) {
            for (String d : List.of("CODEC", "CAMERA", "DOCCAM", "DISPLAY")) {
                variables.put("ROOM_" + r + "_" + d + "_PORT", Integer.toString(freePort()));
            }
        }
        rooms = new RoomConfigLoader(variables::get).loadAll(CONFIGS);
        sims = Simulators.start(rooms, SimulatorOptions.defaults());
        agentAB = agent("room-a", "room-b");
        agentC = agent("room-c");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Starts an agent process (in this JVM) for some of the rooms. */
    public RoomAgent agent(String... roomIds) throws IOException {
        List<RoomConfig> mine =
                rooms.stream().filter(r -> List.of(roomIds).contains(r.id())).toList();
        AgentSettings settings = new AgentSettings(
                CONFIGS, broker.uri(), null, null, null, topics.prefix(), "agent-" + topics.prefix() + "-", false);
        RoomAgent agent = RoomAgent.create(settings, mine, new DeviceDrivers());
        agent.start();
        return agent;
    }

    public Database database(String name) {
        Database db = Database.open(databaseUrl, null, null, name, 4);
        closing.add(db);
        return db;
    }

    /** An app instance, with its own database pool and bus connection, following the rooms. */
    public Fleet fleet(String instance) {
        return fleet(instance, database(instance));
    }

    public Fleet fleet(String instance, Database db) {
        Fleet f = Fleet.start(
                db,
                BusOptions.to(broker.uri(), instance),
                topics,
                instance + "-" + UUID.randomUUID().toString().substring(0, 4),
                Clock.systemUTC(),
                QUICK);
        closing.add(f);
        return f;
    }

    /** Waits until the instance sees every room online with every device online and an idle call. */
    public void awaitReady(Fleet fleet, String... roomIds) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (String id : roomIds) {
                RoomSnapshot s = fleet.rooms().room(id).orElse(null);
                if (s == null
                        || !s.online()
                        || s.info() == null
                        || s.state() == null
                        || !s.codecOnline()
                        || !s.call().isIdle()) {
                    return false;
                }
            }
            return true;
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fleet.catalog().rooms().size() >= roomIds.length && fleet.catalogUpToDate());
    }

    public String call(Fleet fleet, String room) {
        return fleet.rooms().room(room).map(s -> s.call().state()).orElse("?");
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
}
