package org.roomctl.fleet.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.roomctl.schema.jooq.Tables.AUDIT_LOG;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.FleetHarness;
import org.roomctl.fleet.connect.Connection;
import org.roomctl.fleet.connect.ConnectionStatus;
import org.roomctl.fleet.connect.RequestedVia;
import org.roomctl.sim.pjlink.DisplayState;
import org.roomctl.sim.visca.ViscaState;
import org.roomctl.sim.wolfprot.DocCamState;
import org.roomctl.sim.xapi.CodecState;

/**
 * End-of-day shutdowns on real rooms, with two app instances running: Sydney is Room A and Room
 * B, Auckland is Room C.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShutdownsIT {
    FleetHarness h;
    Fleet app;
    Fleet other;

    @BeforeAll
    void start() throws Exception {
        h = new FleetHarness();
        app = QuickFleets.start(h, "app-1");
        other = QuickFleets.start(h, "app-2");
        h.awaitReady(app, "room-a", "room-b", "room-c");
        h.awaitReady(other, "room-a", "room-b", "room-c");
    }

    @AfterAll
    void stop() throws Exception {
        h.close();
    }

    private <T> T sim(String room, String device, Class<T> type) {
        return h.rig.sims.device(room, device).state(type);
    }

    /** A local time a few seconds from now at the site. */
    private static LocalTime inSeconds(int seconds, String zone) {
        return ZonedDateTime.now(ZoneId.of(zone))
                .plusSeconds(seconds)
                .toLocalTime()
                .truncatedTo(ChronoUnit.SECONDS);
    }

    private ShutdownRun awaitRun(String site, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> app.shutdowns().runs(site, 5).stream()
                .anyMatch(r -> r.status().equals(status)));
        return app.shutdowns().runs(site, 5).get(0);
    }

    @Test
    void theSiteIsSwitchedOffAndItsCallsEndedOnceAcrossTwoInstances() throws Exception {
        for (String room : List.of("room-a", "room-b")) {
            assertThat(QuickFleets.command(app, room, "display.power", Map.of("on", true))
                            .ok())
                    .isTrue();
            assertThat(QuickFleets.command(app, room, "doccam.power", Map.of("on", true))
                            .ok())
                    .isTrue();
        }
        await().until(() -> sim("room-a", "display", DisplayState.class).power().equals("on")
                && sim("room-b", "display", DisplayState.class).power().equals("on"));
        Connection c = app.connections().connect("room-a", "room-b", "ivy", RequestedVia.ADMIN, null);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> app.connections().find(c.id()).orElseThrow().status() == ConnectionStatus.CONNECTED);

        SiteShutdown s = app.shutdowns().create("Sydney", inSeconds(3, "Australia/Sydney"), "Australia/Sydney", "ivy");
        try {
            ShutdownRun run = awaitRun("Sydney", ShutdownRun.DONE);
            assertThat(run.shutdownId()).isEqualTo(s.id());
            assertThat(run.scheduledAt()).isBefore(run.finishedAt());
            assertThat(run.rooms())
                    .extracting(ShutdownRun.Room::room, ShutdownRun.Room::outcome, ShutdownRun.Room::reason)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("room-a", "ok", null),
                            org.assertj.core.groups.Tuple.tuple("room-b", "ok", null));
            assertThat(run.note()).isEqualTo("2 rooms: 2 switched off, 0 failed, 0 skipped (in a booking)");

            // The rooms really are off: what the devices themselves say.
            for (String room : List.of("room-a", "room-b")) {
                await().until(() ->
                        sim(room, "display", DisplayState.class).power().equals("standby"));
                assertThat(sim(room, "camera", ViscaState.class).power()).isEqualTo("standby");
                await().until(() ->
                        sim(room, "doccam", DocCamState.class).power().equals("off"));
                assertThat(sim(room, "codec", CodecState.class).calls()).isEmpty();
            }
            // Room C is in Auckland: untouched.
            assertThat(sim("room-c", "camera", ViscaState.class).power()).isEqualTo("on");
            // The call was ended as a connection, not just dropped.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> app.connections().find(c.id()).orElseThrow().status() == ConnectionStatus.ENDED);
            assertThat(app.connections().find(c.id()).orElseThrow().endReason())
                    .isEqualTo("disconnected by shutdown:Sydney");

            Thread.sleep(1000); // both instances keep ticking: the day has its run
            assertThat(app.shutdowns().runs("Sydney", 10)).hasSize(1);
            assertThat(app.database()
                            .dsl()
                            .fetchCount(
                                    AUDIT_LOG,
                                    AUDIT_LOG.ACTION.eq("shutdown.run").and(AUDIT_LOG.TARGET.eq("site:Sydney"))))
                    .isEqualTo(1);
        } finally {
            app.shutdowns().delete(s.id(), "ivy");
        }
    }

    @Test
    void aRoomInABookingIsSkippedThenShutDownWhenTheBookingEnds() throws Exception {
        Instant start = Instant.now().plusSeconds(1);
        Booking b = app.schedules().book("room-c", "room-a", start, start.plusSeconds(8), "Late call", "jo");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> app.schedules().find(b.id()).orElseThrow().state() == BookingState.ACTIVE);

        SiteShutdown s = app.shutdowns().create("Auckland", inSeconds(2, "Pacific/Auckland"), "Pacific/Auckland", "jo");
        try {
            ShutdownRun run = awaitRun("Auckland", ShutdownRun.DONE);
            assertThat(run.rooms()).singleElement().satisfies(r -> {
                assertThat(r.room()).isEqualTo("room-c");
                assertThat(r.outcome()).isEqualTo("skipped");
                assertThat(r.bookingId()).isEqualTo(b.id());
                assertThat(r.reason()).startsWith("in booking " + b.id() + " 'Late call' (Room C calls Room A, ");
            });
            assertThat(sim("room-c", "camera", ViscaState.class).power()).isEqualTo("on");
            assertThat(sim("room-c", "codec", CodecState.class).callStatus()).isEqualTo("Connected");

            // The booking ends; the room is shut down then, and the run says so.
            await().atMost(Duration.ofSeconds(20)).until(() -> app.shutdowns()
                    .runs("Auckland", 1)
                    .get(0)
                    .rooms()
                    .get(0)
                    .outcome()
                    .equals("ok"));
            assertThat(app.shutdowns().runs("Auckland", 1).get(0).rooms().get(0).bookingId())
                    .isEqualTo(b.id());
            await().until(() ->
                    sim("room-c", "camera", ViscaState.class).power().equals("standby"));
            assertThat(app.schedules().find(b.id()).orElseThrow().state()).isEqualTo(BookingState.ENDED);
        } finally {
            app.shutdowns().delete(s.id(), "jo");
        }
    }

    @Test
    void shutdownsAreMadeEditedDisabledAndDeletedAndBadOnesRefused() throws Exception {
        LocalTime past = inSeconds(-7200, "Australia/Sydney"); // never due today: it was made later
        assertThatThrownBy(() -> app.shutdowns().create("Perth", past, "Australia/Perth", "kim"))
                .isInstanceOfSatisfying(ShutdownException.class, e -> assertThat(e.reason())
                        .isEqualTo(ShutdownException.Reason.UNKNOWN_SITE))
                .hasMessage("no room in the catalog is at site 'Perth'; the sites are Auckland, Sydney");
        assertThatThrownBy(() -> app.shutdowns().create("Sydney", past, "Mars/Olympus", "kim"))
                .isInstanceOfSatisfying(ShutdownException.class, e -> assertThat(e.reason())
                        .isEqualTo(ShutdownException.Reason.INVALID))
                .hasMessageContaining("unknown time zone 'Mars/Olympus'");
        assertThatThrownBy(() -> app.shutdowns().create("Sydney", null, "Australia/Sydney", "kim"))
                .isInstanceOf(ShutdownException.class)
                .hasMessageContaining("needs a time of day");

        SiteShutdown s = app.shutdowns().create("Sydney", past, "Australia/Sydney", "kim");
        try {
            assertThatThrownBy(() -> app.shutdowns().create("Sydney", past, "Australia/Sydney", "lee"))
                    .isInstanceOfSatisfying(ShutdownException.class, e -> assertThat(e.reason())
                            .isEqualTo(ShutdownException.Reason.SITE_HAS_ONE))
                    .hasMessageContaining("Sydney already has an end-of-day shutdown");
            SiteShutdown edited = app.shutdowns().edit(s.id(), LocalTime.of(19, 30), "Australia/Melbourne", "lee");
            assertThat(edited.localTime()).isEqualTo(LocalTime.of(19, 30));
            assertThat(edited.zone()).isEqualTo(ZoneId.of("Australia/Melbourne"));
            assertThat(edited.updatedBy()).isEqualTo("lee");
            assertThat(app.shutdowns().setEnabled(s.id(), false, "lee").enabled())
                    .isFalse();
            assertThat(app.shutdowns().all()).extracting(SiteShutdown::site).contains("Sydney");
        } finally {
            app.shutdowns().delete(s.id(), "lee");
        }
        assertThat(app.shutdowns().find(s.id())).isEmpty();
        assertThatThrownBy(() -> app.shutdowns().delete(s.id(), "lee"))
                .isInstanceOfSatisfying(ShutdownException.class, e -> assertThat(e.reason())
                        .isEqualTo(ShutdownException.Reason.NOT_FOUND));
    }
}
