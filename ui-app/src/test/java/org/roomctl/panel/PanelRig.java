package org.roomctl.panel;

import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.FleetSettings;
import org.roomctl.fleet.catalog.RoomSnapshot;
import org.roomctl.fleet.connect.ConnectionSettings;
import org.roomctl.fleet.panels.PairingCode;
import org.roomctl.schema.Database;
import org.roomctl.testkit.RoomsRig;

/** The testkit's three rooms, a fleet following them, and the panel app on a random port. */
final class PanelRig implements AutoCloseable {
    /** Quick timings, so failures show in seconds. */
    static final ConnectionSettings QUICK = new ConnectionSettings(
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(4),
            Duration.ofSeconds(4),
            Duration.ofMillis(200),
            Duration.ofSeconds(1));

    final RoomsRig rooms;
    final Fleet fleet;
    private final PanelSettings settings;
    private Javalin app;
    private final int port;
    final String base;

    PanelRig() throws Exception {
        rooms = new RoomsRig();
        Database database = rooms.closeLater(Database.open(rooms.databaseUrl, null, null, "panel-test", 8));
        String instance = "panel-test-" + UUID.randomUUID().toString().substring(0, 6);
        fleet = rooms.closeLater(Fleet.start(
                database,
                BusOptions.to(rooms.broker.uri(), instance),
                rooms.topics,
                instance,
                Clock.systemUTC(),
                QUICK));
        awaitReady("room-a", "room-b", "room-c");
        FleetSettings fleetSettings = new FleetSettings(
                rooms.databaseUrl, null, null, rooms.broker.uri(), null, null, null, rooms.topics.prefix(), instance);
        settings = new PanelSettings(fleetSettings, "127.0.0.1", 0, Duration.ofSeconds(4), Duration.ofMillis(300));
        app = PanelApp.create(fleet, settings, Clock.systemUTC()).start("127.0.0.1", 0);
        port = app.port();
        base = "http://127.0.0.1:" + port;
    }

    /** Stops the panel app (its live streams drop), for {@link #startAgain}. */
    void stopApp() {
        app.stop();
    }

    /** A new panel app on the same port, as after a restart. */
    void startAgain() {
        app = PanelApp.create(fleet, settings, Clock.systemUTC()).start("127.0.0.1", port);
    }

    /** Ends any call a test left behind, then waits for every room to be ready. */
    void reset() throws Exception {
        for (String room : RoomsRig.ROOMS) {
            var open = fleet.connections().openFor(room);
            if (open.isPresent()) {
                fleet.connections().disconnect(open.get().id(), "test reset");
            }
        }
        awaitReady("room-a", "room-b", "room-c");
    }

    /** Waits until every room is online with every device online and no call, and in the catalog. */
    void awaitReady(String... roomIds) {
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            for (String id : roomIds) {
                RoomSnapshot s = fleet.rooms().room(id).orElse(null);
                if (s == null
                        || !s.online()
                        || s.info() == null
                        || s.state() == null
                        || !s.codecOnline()
                        || !s.call().isIdle()
                        || s.state().devices().values().stream()
                                .anyMatch(d -> d.status() != org.roomctl.contract.state.DeviceStatus.ONLINE)) {
                    return false;
                }
            }
            return fleet.catalog().rooms().size() >= roomIds.length && fleet.catalogUpToDate();
        });
    }

    /** A fresh pairing code for {@code room}. */
    String pairingCode(String room) {
        PairingCode code = fleet.panels().issueCode(room, "test", Duration.ofMinutes(15));
        return code.code();
    }

    /** A panel credential for {@code room}, as the enrolment cookie holds it. */
    String credential(String room) throws Exception {
        return fleet.panels().enrol(pairingCode(room), "test panel").token();
    }

    /** A device's property as the room reports it. */
    Object property(String room, String device, String property) {
        return fleet.rooms()
                .room(room)
                .map(s -> s.state() == null ? null : s.state().devices().get(device))
                .map(d -> d.properties().get(property))
                .orElse(null);
    }

    String call(String room) {
        return fleet.rooms().room(room).map(s -> s.call().state()).orElse("?");
    }

    @Override
    public void close() throws Exception {
        app.stop();
        rooms.close();
    }
}
