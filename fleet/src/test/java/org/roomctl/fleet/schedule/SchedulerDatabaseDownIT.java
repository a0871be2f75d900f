package org.roomctl.fleet.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.embedded.EmbeddedDatabase;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.FleetHarness;
import org.roomctl.fleet.FleetOptions;
import org.roomctl.fleet.connect.ConnectionStatus;
import org.roomctl.schema.Database;

/** PostgreSQL goes away across a booking's start: the scheduler keeps going and starts it when it returns. */
class SchedulerDatabaseDownIT {
    @Test
    void aBookingDueWhileTheDatabaseIsDownStartsWhenItReturns() throws Exception {
        Path data = Files.createTempDirectory("roomctl-pg-outage");
        try (FleetHarness h = new FleetHarness()) {
            EmbeddedDatabase pg = EmbeddedDatabase.start(data, 0);
            int port = pg.port();
            pg.createDatabase("outage");
            Database db = h.rig.closeLater(Database.open(pg.jdbcUrl("outage"), null, null, "outage", 4));
            Fleet app = h.rig.closeLater(Fleet.start(
                    db,
                    BusOptions.to(h.rig.broker.uri(), "outage-app"),
                    h.rig.topics,
                    "outage-app",
                    Clock.systemUTC(),
                    FleetOptions.defaults().withConnections(FleetHarness.QUICK).withSchedules(QuickFleets.SCHEDULES)));
            h.awaitReady(app, "room-a", "room-b");
            Instant start = Instant.now().plusSeconds(2);
            Booking b = app.schedules().book("room-a", "room-b", start, start.plusSeconds(60), "Outage", "nina");

            pg.close(); // the database goes away before the start
            Thread.sleep(Duration.between(Instant.now(), start.plusSeconds(2)).toMillis());
            assertThat(app.rooms().room("room-a").orElseThrow().call().isIdle()).isTrue();

            pg = EmbeddedDatabase.start(data, port);
            try {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> app.schedules().find(b.id()).orElseThrow().state() == BookingState.ACTIVE);
                long connection = app.schedules().find(b.id()).orElseThrow().connectionId();
                await().atMost(Duration.ofSeconds(15))
                        .until(() ->
                                app.connections().find(connection).orElseThrow().status()
                                        == ConnectionStatus.CONNECTED);
                app.schedules().cancel(b.id(), "nina");
                await().atMost(Duration.ofSeconds(15))
                        .until(() ->
                                app.rooms().room("room-a").orElseThrow().call().isIdle());
            } finally {
                app.close();
                pg.close();
            }
        }
    }
}
