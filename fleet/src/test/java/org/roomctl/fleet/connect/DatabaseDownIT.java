package org.roomctl.fleet.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.roomctl.embedded.EmbeddedDatabase;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.FleetHarness;
import org.roomctl.schema.Database;

/** PostgreSQL unavailable: connect and disconnect fail fast, saying so, and change nothing. */
class DatabaseDownIT {
    @Test
    void connectAndDisconnectFailFastWithTheReason() throws Exception {
        try (FleetHarness h = new FleetHarness()) {
            EmbeddedDatabase pg = EmbeddedDatabase.temporary();
            Database db = Database.open(pg.jdbcUrl("postgres"), null, null, "down-test", 2);
            Fleet app = h.fleet("down-app", db);
            h.awaitReady(app, "room-a", "room-b");
            pg.close(); // the database goes away

            long t0 = System.nanoTime();
            assertThatThrownBy(() -> app.connections().connect("room-a", "room-b", "x", RequestedVia.PANEL, null))
                    .isInstanceOfSatisfying(ConnectionRefusedException.class, e -> assertThat(e.reason())
                            .isEqualTo(ConnectionRefusedException.Reason.DATABASE_UNAVAILABLE))
                    .hasMessageStartingWith("the database is unavailable, so nothing was changed: ");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));

            t0 = System.nanoTime();
            assertThatThrownBy(() -> app.connections().disconnect(1, "x"))
                    .isInstanceOfSatisfying(ConnectionRefusedException.class, e -> assertThat(e.reason())
                            .isEqualTo(ConnectionRefusedException.Reason.DATABASE_UNAVAILABLE));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            // Nothing was sent to the rooms.
            assertThat(h.rig.sims
                            .device("room-a", "codec")
                            .state(org.roomctl.sim.xapi.CodecState.class)
                            .calls())
                    .isEmpty();
        }
    }
}
