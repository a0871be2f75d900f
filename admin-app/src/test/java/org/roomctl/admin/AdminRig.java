package org.roomctl.admin;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.roomctl.admin.auth.Role;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.FleetOptions;
import org.roomctl.fleet.catalog.RoomSnapshot;
import org.roomctl.fleet.connect.ConnectionSettings;
import org.roomctl.fleet.schedule.ScheduleSettings;
import org.roomctl.schema.Database;
import org.roomctl.sim.pjlink.DisplayState;
import org.roomctl.sim.visca.ViscaState;
import org.roomctl.sim.xapi.CodecState;
import org.roomctl.testkit.RoomsRig;

/** The testkit's three rooms, a fleet instance on them, and the console on a random port. */
final class AdminRig implements AutoCloseable {
    static final String ROOT = "root";
    static final String ROOT_PASSWORD = "root password, long enough";
    static final String PASSWORD = "a password of some length";

    /** Quick timings, so failures show in seconds. */
    static final ConnectionSettings QUICK = new ConnectionSettings(
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(4),
            Duration.ofSeconds(4),
            Duration.ofMillis(200),
            Duration.ofSeconds(1));

    /**
     * Bookings and shutdowns looked for five times a second, a failed start retried for 2 s: the
     * real engine, on a test's time scale.
     */
    static final ScheduleSettings SCHEDULES = new ScheduleSettings(
            Duration.ofMillis(200),
            Duration.ofSeconds(2),
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofHours(1));

    final RoomsRig rooms;
    final Database database;
    final Fleet fleet;
    final AdminApp app;
    final String base;

    AdminRig() throws Exception {
        rooms = new RoomsRig();
        database = Database.open(rooms.databaseUrl, null, null, "admin-test", 6);
        fleet = fleet("admin", database);
        app = AdminApp.create(fleet, AdminSettings.defaults().withBootstrap(ROOT, ROOT_PASSWORD), Clock.systemUTC())
                .start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
        awaitReady(fleet, "room-a", "room-b", "room-c");
        app.console().catalogCache().refresh();
    }

    /** Another app instance on the same rooms, database and broker, with a connection pool of its own. */
    Fleet fleet(String name) {
        return fleet(name, rooms.closeLater(Database.open(rooms.databaseUrl, null, null, name, 4)));
    }

    private Fleet fleet(String name, Database db) {
        String instance = name + "-" + UUID.randomUUID().toString().substring(0, 4);
        return rooms.closeLater(Fleet.start(
                db,
                BusOptions.to(rooms.broker.uri(), instance),
                rooms.topics,
                instance,
                Clock.systemUTC(),
                FleetOptions.defaults().withConnections(QUICK).withSchedules(SCHEDULES)));
    }

    /** Waits until the instance sees every room online, every codec online and no call. */
    static void awaitReady(Fleet fleet, String... roomIds) {
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

    /** Makes a user with {@link #PASSWORD}. */
    void user(String name, Role role) {
        app.console().users().create(name, role, PASSWORD.toCharArray(), "test");
    }

    /** Issues an API token. */
    String token(String name, Role role) {
        return app.console().tokens().issue(name, role, "test").secret();
    }

    /** A client signed in as {@code name} (with {@link #PASSWORD}, or root's). */
    Client signedIn(String name) throws Exception {
        Client c = new Client(base);
        c.login(name, name.equals(ROOT) ? ROOT_PASSWORD : PASSWORD);
        return c;
    }

    /** A time as the console's booking form takes it: local to the console's zone, to the second. */
    String local(java.time.Instant t) {
        return java.time.LocalDateTime.ofInstant(t, app.console().settings().zone())
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
    }

    String call(String room) {
        return fleet.rooms().room(room).map(s -> s.call().state()).orElse("?");
    }

    /** The simulated codec as it is: its calls. */
    CodecState codec(String room) {
        return rooms.sims.device(room, "codec").state(CodecState.class);
    }

    DisplayState display(String room) {
        return rooms.sims.device(room, "display").state(DisplayState.class);
    }

    ViscaState camera(String room) {
        return rooms.sims.device(room, "camera").state(ViscaState.class);
    }

    @Override
    public void close() throws Exception {
        app.close();
        rooms.close();
        database.close();
    }
}
