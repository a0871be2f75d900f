package org.roomctl.fleet.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roomctl.schema.jooq.Tables.ROOM;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roomctl.embedded.TestDatabases;
import org.roomctl.fleet.TestClock;
import org.roomctl.schema.Database;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsIT {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T09:00:00Z"));
    private Database db;
    private Alerts alerts;

    @BeforeAll
    void open() {
        db = Database.open(TestDatabases.fresh(), null, null, "alerts-test", 2);
        db.dsl()
                .insertInto(ROOM, ROOM.ID, ROOM.NAME, ROOM.SITE)
                .values("room-a", "Room A", "Sydney")
                .execute();
        alerts = new Alerts(db, clock);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void aConditionIsRaisedOnceUntilResolved() {
        assertThat(alerts.raise(
                        Alert.DEVICE_OFFLINE,
                        "room-a",
                        "camera",
                        "room-a/camera",
                        "camera offline 5 min",
                        "rule@app-1"))
                .isPresent();
        // Another instance notices the same thing.
        assertThat(alerts.raise(
                        Alert.DEVICE_OFFLINE,
                        "room-a",
                        "camera",
                        "room-a/camera",
                        "camera offline 5 min",
                        "rule@app-2"))
                .isEmpty();
        assertThat(alerts.resolve(Alert.DEVICE_OFFLINE, "room-a/camera", "rule@app-1"))
                .isTrue();
        assertThat(alerts.raise(
                        Alert.DEVICE_OFFLINE, "room-a", "camera", "room-a/camera", "offline again", "rule@app-1"))
                .isPresent();
    }

    @Test
    void helpIsRaisedEveryTime() {
        Alert first = alerts.help("room-a", "The screen is blank", "panel:room-a#1");
        clock.advance(java.time.Duration.ofMillis(5));
        Alert second = alerts.help("room-a", "The screen is blank", "panel:room-a#1");
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(alerts.open()).extracting(Alert::id).contains(first.id(), second.id());
    }

    @Test
    void acknowledgeThenResolveSaysWho() {
        Alert a = alerts.raise(Alert.AGENT_OFFLINE, "room-a", null, "room-a", "agent offline", "rule")
                .orElseThrow();
        assertThat(alerts.acknowledge(a.id(), "olivia")).isTrue();
        assertThat(alerts.acknowledge(a.id(), "peter")).isFalse();
        assertThat(alerts.resolve(a.id(), "peter")).isTrue();
        assertThat(alerts.resolve(a.id(), "peter")).isFalse();
        Alert done = alerts.find(a.id()).orElseThrow();
        assertThat(done.acknowledgedBy()).isEqualTo("olivia");
        assertThat(done.resolvedBy()).isEqualTo("peter");
        assertThat(done.open()).isFalse();
        assertThat(alerts.open()).extracting(Alert::id).doesNotContain(a.id());
    }
}
