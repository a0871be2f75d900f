package org.roomctl.fleet;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.fleet.catalog.RoomSnapshot;
import org.roomctl.fleet.connect.ConnectionSettings;
import org.roomctl.schema.Database;
import org.roomctl.testkit.RoomsRig;

/** The testkit's three rooms, and app instances ({@link Fleet}s) on them. */
public final class FleetHarness implements AutoCloseable {
    /** Quick timings, so failures show in seconds. */
    public static final ConnectionSettings QUICK = new ConnectionSettings(
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(4),
            Duration.ofSeconds(4),
            Duration.ofMillis(200),
            Duration.ofSeconds(1));

    public final RoomsRig rig;

    public FleetHarness() throws Exception {
        rig = new RoomsRig();
    }

    public Database database(String name) {
        return rig.closeLater(Database.open(rig.databaseUrl, null, null, name, 4));
    }

    /** An app instance, with its own database pool and bus connection, following the rooms. */
    public Fleet fleet(String instance) {
        return fleet(instance, database(instance));
    }

    public Fleet fleet(String instance, Database db) {
        return rig.closeLater(Fleet.start(
                db,
                BusOptions.to(rig.broker.uri(), instance),
                rig.topics,
                instance + "-" + UUID.randomUUID().toString().substring(0, 4),
                Clock.systemUTC(),
                QUICK));
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
        rig.close();
    }
}
