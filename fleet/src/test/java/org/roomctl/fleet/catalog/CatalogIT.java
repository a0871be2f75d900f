package org.roomctl.fleet.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.roomctl.schema.jooq.Tables.DEVICE_STATUS;
import static org.roomctl.schema.jooq.Tables.ROOM_STATUS;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.FleetHarness;

/** The catalog fills itself from the agents' announcements and keeps what admins change. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogIT {
    FleetHarness h;
    Fleet app;

    @BeforeAll
    void start() throws Exception {
        h = new FleetHarness();
        app = h.fleet("catalog-app");
        h.awaitReady(app, "room-a", "room-b", "room-c");
    }

    @AfterAll
    void stop() throws Exception {
        h.close();
    }

    @Test
    void roomsAppearFromTheirAnnouncementsWithStatusAndDevices() {
        CatalogRoom a = app.catalog().room("room-a").orElseThrow();
        assertThat(a.name()).isEqualTo("Room A");
        assertThat(a.site()).isEqualTo("Sydney");
        assertThat(a.codecUri()).isEqualTo("sip:room-a@rooms.example.org");
        assertThat(a.enabled()).isTrue();
        await().until(() ->
                "online".equals(app.catalog().room("room-a").orElseThrow().availability()));
        assertThat(app.catalog().room("room-a").orElseThrow().callState()).isEqualTo("idle");
        assertThat(app.catalog().rooms())
                .extracting(CatalogRoom::id)
                .containsExactlyInAnyOrder("room-a", "room-b", "room-c");
        await().until(() -> app.database().dsl().fetchCount(DEVICE_STATUS, DEVICE_STATUS.ROOM_ID.eq("room-a")) == 4);
        assertThat(app.database().dsl().fetchValue(ROOM_STATUS.STATE_SEQ, ROOM_STATUS.ROOM_ID.eq("room-a")))
                .isPositive();
    }

    @Test
    void anAdminsNamesSurviveTheNextAnnouncement() throws Exception {
        assertThat(app.catalog().editDisplay("room-b", "Bondi Beach Room", "Sydney CBD"))
                .isTrue();
        // The agent restarts and announces itself again.
        h.rig.agentAB.close();
        h.rig.agentAB = h.rig.agent("room-a", "room-b");
        h.awaitReady(app, "room-a", "room-b");
        CatalogRoom b = app.catalog().room("room-b").orElseThrow();
        assertThat(b.name()).isEqualTo("Bondi Beach Room");
        assertThat(b.site()).isEqualTo("Sydney CBD");
        assertThat(b.announcedName()).isEqualTo("Room B");
        assertThat(app.catalog().editDisplay("room-b", "", null)).isTrue();
        assertThat(app.catalog().room("room-b").orElseThrow().name()).isEqualTo("Room B");
        assertThat(app.catalog().editDisplay("room-nope", "x", "y")).isFalse();
    }

    @Test
    void aRoomWhoseAgentIsGoneStaysMarkedOffline() throws Exception {
        h.rig.stopC();

        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> "offline"
                    .equals(app.catalog().room("room-c").orElseThrow().availability()));
            assertThat(app.rooms().room("room-c").orElseThrow().online()).isFalse();
        } finally {
            h.rig.restartC();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> "online"
                .equals(app.catalog().room("room-c").orElseThrow().availability()));
    }

    @Test
    void aDisabledRoomStaysDisabledAcrossAnnouncements() {
        app.catalog().setEnabled("room-a", false);
        try {
            assertThat(app.catalog().room("room-a").orElseThrow().enabled()).isFalse();
        } finally {
            app.catalog().setEnabled("room-a", true);
        }
    }
}
