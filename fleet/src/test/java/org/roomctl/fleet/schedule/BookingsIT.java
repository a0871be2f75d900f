package org.roomctl.fleet.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.roomctl.schema.jooq.Tables.AUDIT_LOG;
import static org.roomctl.schema.jooq.Tables.BOOKING;
import static org.roomctl.schema.jooq.Tables.CONNECTION;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.FleetHarness;
import org.roomctl.fleet.alerts.Alert;
import org.roomctl.fleet.connect.Connection;
import org.roomctl.fleet.connect.ConnectionStatus;
import org.roomctl.fleet.connect.RequestedVia;
import org.roomctl.sim.xapi.CodecState;

/**
 * Bookings on real rooms: simulated codecs on a simulated call network, room agents, a broker,
 * PostgreSQL, and one or two app instances with schedules timed in fractions of a second.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingsIT {
    private static final List<String> ROOMS = List.of("room-a", "room-b", "room-c");

    FleetHarness h;
    Fleet app;

    @BeforeAll
    void start() throws Exception {
        h = new FleetHarness();
        app = QuickFleets.start(h, "app-1");
        h.awaitReady(app, "room-a", "room-b", "room-c");
    }

    @AfterAll
    void stop() throws Exception {
        h.close();
    }

    /** Every test leaves no booking holding a room, and the rooms idle. */
    @AfterEach
    void cancelEverything() throws Exception {
        for (Booking b : app.schedules().upcoming(100)) {
            app.schedules().cancel(b.id(), "test cleanup");
        }
        for (Booking b : app.schedules().current()) {
            app.schedules().cancel(b.id(), "test cleanup");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ROOMS.stream()
                .allMatch(r -> app.connections().openFor(r).isEmpty() && "idle".equals(h.call(app, r))));
    }

    private Booking awaitState(Fleet f, long id, BookingState state) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> f.schedules().find(id).orElseThrow().state() == state);
        return f.schedules().find(id).orElseThrow();
    }

    private CodecState codec(String room) {
        return h.rig.sims.device(room, "codec").state(CodecState.class);
    }

    @Test
    void aBookingConnectsAtItsStartAndHangsUpAtItsEnd() throws Exception {
        Instant start = Instant.now().plusSeconds(3);
        Instant end = start.plusSeconds(8);
        Booking b = app.schedules().book("room-a", "room-b", start, end, "Weekly sync", "alice");
        assertThat(b.state()).isEqualTo(BookingState.BOOKED);
        assertThat(app.schedules().upcoming(10)).extracting(Booking::id).contains(b.id());

        Thread.sleep(1500);
        assertThat(codec("room-a").calls())
                .as("nothing happens before the start")
                .isEmpty();

        Booking active = awaitState(app, b.id(), BookingState.ACTIVE);
        Connection c = app.connections().find(active.connectionId()).orElseThrow();
        assertThat(c.via()).isEqualTo(RequestedVia.SCHEDULE);
        assertThat(c.requestedAt()).isAfterOrEqualTo(start);
        assertThat(app.database()
                        .dsl()
                        .select(CONNECTION.REQUESTED_VIA)
                        .from(CONNECTION)
                        .where(CONNECTION.ID.eq(c.id()))
                        .fetchOne(CONNECTION.REQUESTED_VIA))
                .isEqualTo("schedule");
        // Both codecs really are in the call with each other.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> app.connections().find(c.id()).orElseThrow().status() == ConnectionStatus.CONNECTED);
        assertThat(codec("room-a").callStatus()).isEqualTo("Connected");
        assertThat(codec("room-b").callStatus()).isEqualTo("Connected");
        assertThat(codec("room-a").peer()).contains("room-b");
        assertThat(app.schedules().current()).extracting(Booking::id).contains(b.id());

        Booking ended = awaitState(app, b.id(), BookingState.ENDED);
        assertThat(ended.finishedAt()).isAfterOrEqualTo(end);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> codec("room-a").calls().isEmpty()
                        && codec("room-b").calls().isEmpty());
        Connection done = app.connections().find(c.id()).orElseThrow();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.connections().find(c.id()).orElseThrow().status() == ConnectionStatus.ENDED);
        assertThat(app.connections().find(c.id()).orElseThrow().endReason())
                .isEqualTo("disconnected by booking:" + b.id());
        assertThat(done.endedAt() == null || !done.endedAt().isBefore(end)).isTrue();
        assertThat(app.schedules().events(b.id()))
                .extracting(BookingEvent::to)
                .containsExactly(
                        BookingState.BOOKED,
                        BookingState.STARTING,
                        BookingState.ACTIVE,
                        BookingState.ENDING,
                        BookingState.ENDED);
        assertThat(app.schedules().past(10)).extracting(Booking::id).contains(b.id());
    }

    @Test
    void twoInstancesMakeOneConnectionAndRecordOneStartAndOneEnd() throws Exception {
        Fleet other = QuickFleets.start(h, "app-2");
        try {
            h.awaitReady(other, "room-a", "room-c");
            Instant start = Instant.now().plusSeconds(2);
            Booking b = other.schedules().book("room-c", "room-a", start, start.plusSeconds(7), "Board", "bob");
            Booking active = awaitState(app, b.id(), BookingState.ACTIVE);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> app.connections()
                                    .find(active.connectionId())
                                    .orElseThrow()
                                    .status()
                            == ConnectionStatus.CONNECTED);
            assertThat(codec("room-c").calls()).hasSize(1);
            awaitState(other, b.id(), BookingState.ENDED);

            assertThat(app.database()
                            .dsl()
                            .fetchCount(CONNECTION, CONNECTION.IDEMPOTENCY_KEY.like("booking:" + b.id() + ":%")))
                    .as("one connection")
                    .isEqualTo(1);
            List<BookingEvent> events = app.schedules().events(b.id());
            assertThat(events.stream().filter(e -> e.to() == BookingState.STARTING))
                    .hasSize(1);
            assertThat(events.stream().filter(e -> e.to() == BookingState.ACTIVE))
                    .hasSize(1);
            assertThat(events.stream().filter(e -> e.to() == BookingState.ENDING))
                    .hasSize(1);
            assertThat(events.stream().filter(e -> e.to() == BookingState.ENDED))
                    .hasSize(1);
            for (String action : List.of("booking.start", "booking.end")) {
                assertThat(app.database()
                                .dsl()
                                .fetchCount(
                                        AUDIT_LOG,
                                        AUDIT_LOG.ACTION.eq(action).and(AUDIT_LOG.TARGET.eq("booking:" + b.id()))))
                        .as(action)
                        .isEqualTo(1);
            }
        } finally {
            other.close();
        }
    }

    @Test
    void anOverlappingBookingIsRefusedByTheDatabaseNamingTheBooking() throws Exception {
        Instant start = Instant.now().plus(Duration.ofHours(2));
        Booking first =
                app.schedules().book("room-a", "room-b", start, start.plus(Duration.ofHours(1)), "Sales", "carol");

        assertThatThrownBy(() -> app.schedules()
                        .book(
                                "room-c",
                                "room-b",
                                start.plus(Duration.ofMinutes(30)),
                                start.plus(Duration.ofMinutes(90)),
                                "Clash",
                                "dave"))
                .isInstanceOfSatisfying(BookingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BookingException.Reason.OVERLAP);
                    assertThat(e.overlapping()).map(Booking::id).contains(first.id());
                })
                .hasMessageContaining(
                        "Room B is already booked then: booking " + first.id() + " 'Sales' (Room A calls Room B");

        // The database itself refuses it, whoever writes the row.
        assertThatThrownBy(() -> app.database()
                        .dsl()
                        .insertInto(BOOKING)
                        .set(BOOKING.CALLER_ROOM, "room-b")
                        .set(BOOKING.CALLEE_ROOM, "room-c")
                        .set(BOOKING.STARTS_AT, start.minus(Duration.ofMinutes(10)))
                        .set(BOOKING.ENDS_AT, start.plus(Duration.ofMinutes(10)))
                        .set(BOOKING.TITLE, "Raw")
                        .set(BOOKING.BOOKED_BY, "sql")
                        .set(BOOKING.BOOKED_AT, Instant.now())
                        .set(BOOKING.STATE, "booked")
                        .set(BOOKING.UPDATED_AT, Instant.now())
                        .execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("booking_room_no_overlap");

        // Back to back is not an overlap, and a cancelled booking holds nothing.
        Booking next = app.schedules()
                .book(
                        "room-c",
                        "room-b",
                        start.plus(Duration.ofHours(1)),
                        start.plus(Duration.ofHours(2)),
                        "Next",
                        "dave");
        app.schedules().cancel(first.id(), "carol");
        Booking again = app.schedules()
                .book(
                        "room-c",
                        "room-b",
                        start.plus(Duration.ofMinutes(30)),
                        start.plus(Duration.ofMinutes(60)),
                        "Clash",
                        "dave");
        assertThat(again.id()).isNotEqualTo(next.id());
    }

    @Test
    void badBookingsAreRefusedSayingWhy() {
        Instant soon = Instant.now().plusSeconds(600);
        assertRefused(
                "room-a", "room-b", soon, soon, "the start", BookingException.Reason.INVALID, "must be before the end");
        assertRefused(
                "room-a",
                "room-b",
                soon.minusSeconds(7200),
                soon.minusSeconds(3600),
                "past",
                BookingException.Reason.INVALID,
                "is in the past");
        assertRefused(
                "room-a",
                "room-a",
                soon,
                soon.plusSeconds(60),
                "self",
                BookingException.Reason.SAME_ROOM,
                "a room cannot call itself");
        assertRefused(
                "room-a",
                "room-z",
                soon,
                soon.plusSeconds(60),
                "ghost",
                BookingException.Reason.UNKNOWN_ROOM,
                "there is no room 'room-z'");
        assertRefused(
                "room-a", "room-b", soon, soon.plusSeconds(60), " ", BookingException.Reason.INVALID, "needs a title");
    }

    private void assertRefused(
            String caller,
            String callee,
            Instant start,
            Instant end,
            String title,
            BookingException.Reason reason,
            String message) {
        assertThatThrownBy(() -> app.schedules().book(caller, callee, start, end, title, "erin"))
                .isInstanceOfSatisfying(
                        BookingException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(message);
    }

    @Test
    void aStartThatFailsIsRecordedWithTheReasonAndRaisesAnAlert() throws Exception {
        h.rig.stopC();
        try {
            await().until(() -> app.rooms().room("room-c").map(s -> !s.online()).orElse(false));
            Instant start = Instant.now().plusSeconds(1);
            Booking b =
                    app.schedules().book("room-a", "room-c", start, start.plusSeconds(60), "Auckland call", "frank");

            Booking failed = awaitState(app, b.id(), BookingState.FAILED);
            assertThat(failed.attempts()).as("retried within the retry window").isGreaterThan(1);
            assertThat(failed.lastFailure()).isEqualTo("Room C is offline: its room agent is not connected");
            assertThat(failed.outcome())
                    .isEqualTo("could not connect the rooms: Room C is offline: its room agent is not connected");
            assertThat(failed.connectionId()).isNull();
            // The alert follows the booking's failure (the same instance raises it just after).
            await().atMost(Duration.ofSeconds(5)).until(() -> app.alerts().open().stream()
                    .anyMatch(a -> a.message().contains("booking " + b.id() + " ")));
            assertThat(app.alerts().open())
                    .filteredOn(a -> a.kind().equals(Alert.CONNECTION_FAILED))
                    .filteredOn(a -> a.message().contains("booking " + b.id() + " 'Auckland call'"))
                    .singleElement()
                    .satisfies(a -> {
                        assertThat(a.room()).isEqualTo("room-a");
                        assertThat(a.message()).endsWith("Room C is offline: its room agent is not connected");
                    });
            // The rooms are free again for the rest of the window.
            app.schedules().book("room-a", "room-c", start.plusSeconds(30), start.plusSeconds(40), "Later", "frank");
        } finally {
            h.rig.restartC();
            h.awaitReady(app, "room-c");
        }
    }

    @Test
    void cancellingDuringTheBookingHangsUp() throws Exception {
        Instant start = Instant.now().plusSeconds(1);
        Booking b = app.schedules().book("room-b", "room-c", start, start.plusSeconds(120), "Long one", "gina");
        Booking active = awaitState(app, b.id(), BookingState.ACTIVE);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "Connected".equals(codec("room-b").callStatus()));

        Booking cancelled = app.schedules().cancel(b.id(), "gina");
        assertThat(cancelled.state()).isEqualTo(BookingState.CANCELLED);
        assertThat(cancelled.outcome()).isEqualTo("cancelled by gina during the booking");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> codec("room-b").calls().isEmpty()
                        && codec("room-c").calls().isEmpty());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.connections()
                                .find(active.connectionId())
                                .orElseThrow()
                                .status()
                        == ConnectionStatus.ENDED);
        assertThatThrownBy(() -> app.schedules().cancel(b.id(), "gina"))
                .isInstanceOfSatisfying(BookingException.class, e -> assertThat(e.reason())
                        .isEqualTo(BookingException.Reason.FINISHED));
    }

    @Test
    void anInstanceStartedInsideTheWindowStillConnectsAndAPassedWindowIsMissed() throws Exception {
        Instant now = Instant.now();
        Booking missed =
                app.schedules().book("room-c", "room-b", now.plusMillis(1500), now.plusMillis(2500), "Nobody", "hal");
        Instant start = now.plusMillis(2500);
        Booking late = app.schedules().book("room-a", "room-b", start, start.plusSeconds(60), "Late start", "hal");
        app.close(); // no instance runs at the start
        try {
            Thread.sleep(Duration.between(Instant.now(), start.plusSeconds(2)).toMillis());
            assertThat(h.database("peek")
                            .dsl()
                            .fetchCount(
                                    CONNECTION,
                                    CONNECTION.IDEMPOTENCY_KEY.in(
                                            "booking:" + late.id() + ":1", "booking:" + missed.id() + ":1")))
                    .as("nothing starts while no instance runs")
                    .isZero();
        } finally {
            app = QuickFleets.start(h, "app-late");
        }
        Booking started = awaitState(app, late.id(), BookingState.ACTIVE);
        Connection c = app.connections().find(started.connectionId()).orElseThrow();
        assertThat(c.requestedAt()).isAfter(start.plusSeconds(2));
        assertThat(c.via()).isEqualTo(RequestedVia.SCHEDULE);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "Connected".equals(codec("room-a").callStatus())
                        && "Connected".equals(codec("room-b").callStatus()));
        assertThat(app.schedules().events(late.id()))
                .filteredOn(e -> e.to() == BookingState.STARTING)
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).matches("start attempt 1, \\d+ s after its start"));

        Booking gone = awaitState(app, missed.id(), BookingState.MISSED);
        assertThat(gone.outcome()).startsWith("missed: no roomctl app instance was running between ");
        h.awaitReady(app, "room-c");
    }
}
