package org.roomctl.fleet.schedule;

import static org.roomctl.schema.jooq.Tables.BOOKING;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jooq.impl.DSL;
import org.roomctl.fleet.alerts.Alert;
import org.roomctl.fleet.alerts.Alerts;
import org.roomctl.fleet.audit.AuditLog;
import org.roomctl.fleet.connect.Connection;
import org.roomctl.fleet.connect.ConnectionRefusedException;
import org.roomctl.fleet.connect.ConnectionService;
import org.roomctl.fleet.connect.ConnectionStatus;
import org.roomctl.fleet.connect.RequestedVia;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and ends bookings, on the instance's scheduler thread.
 *
 * <p>Every instance looks for due bookings at each tick; each start and end is first claimed in
 * the database (a compare-and-set from booked to starting, or from active to ending), so only one
 * instance acts. An instance that stops while holding a claim loses it after {@link
 * ScheduleSettings#claimTimeout()}; another takes it over and, using the same idempotency key,
 * finds the connection the first one made rather than making another. An instance that starts
 * after a booking's start, inside its window, starts it late; a window that closes before any
 * instance started it is recorded as missed.
 *
 * <p>A start that fails (a room offline, busy, the call not answered) is retried every {@link
 * ScheduleSettings#startRetryInterval()} until {@link ScheduleSettings#startRetryWindow()} after
 * the first attempt (so a meeting that runs over or an agent that restarts does not lose the
 * booking); each failure is recorded on the booking; when no retry is left the booking fails and
 * a {@code connection_failed} alert is raised for it.
 */
final class BookingRunner {
    private static final Logger log = LoggerFactory.getLogger(BookingRunner.class);
    private static final String SYSTEM = "system";

    private final BookingStore store;
    private final ConnectionService connections;
    private final Alerts alerts;
    private final AuditLog audit;
    private final RoomWords words;
    private final Clock clock;
    private final ScheduleSettings settings;
    private final ViewSettling settling;
    private final List<Consumer<Booking>> finished = new CopyOnWriteArrayList<>();

    BookingRunner(
            BookingStore store,
            ConnectionService connections,
            Alerts alerts,
            AuditLog audit,
            RoomWords words,
            ViewSettling settling,
            Clock clock,
            ScheduleSettings settings) {
        this.store = store;
        this.connections = connections;
        this.alerts = alerts;
        this.audit = audit;
        this.words = words;
        this.settling = settling;
        this.clock = clock;
        this.settings = settings;
    }

    void start(Scheduler scheduler) {
        scheduler.every("bookings", settings.tick(), this::tick);
    }

    /** Hears of bookings that this instance ended or cancelled inside their window. */
    void onFinished(Consumer<Booking> listener) {
        finished.add(listener);
    }

    void tick() {
        Instant now = clock.instant();
        Instant staleBefore = now.minus(settings.claimTimeout());
        for (Booking b : store.dueToStart(now, staleBefore)) {
            if (!settling.waitFor(List.of(b.caller(), b.callee()), now)) {
                start(b, now);
            }
        }
        for (Booking b : store.active(now)) {
            follow(b, now);
        }
        for (Booking b : store.dueToEnd(now, staleBefore)) {
            end(b, now);
        }
        for (Booking b : store.passed(now, staleBefore)) {
            passed(b, now);
        }
    }

    // ---- start ----

    private void start(Booking due, Instant now) {
        Optional<Booking> claimed;
        if (due.state() == BookingState.BOOKED) {
            claimed = store.transition(
                    due.id(),
                    EnumSet.of(BookingState.BOOKED),
                    BookingState.STARTING,
                    BOOKING.STARTS_AT.le(now).and(BOOKING.ENDS_AT.gt(now)),
                    "start attempt " + (due.attempts() + 1) + (lateBy(due, now)),
                    now,
                    u -> u.set(BOOKING.ATTEMPTS, BOOKING.ATTEMPTS.plus(1))
                            .set(BOOKING.FIRST_ATTEMPT_AT, DSL.coalesce(BOOKING.FIRST_ATTEMPT_AT, now))
                            .setNull(BOOKING.NEXT_ATTEMPT_AT));
        } else {
            claimed = store.transition(
                    due.id(),
                    EnumSet.of(BookingState.STARTING),
                    BookingState.STARTING,
                    BOOKING.CLAIMED_AT.lt(now.minus(settings.claimTimeout())),
                    "start taken over: the instance starting it did not finish",
                    now,
                    u -> {});
        }
        if (claimed.isEmpty()) {
            return; // another instance has it
        }
        Booking b = claimed.get();
        // The attempt is in the key: a retry after a failed call makes a new connection, while an
        // instance that takes over a start, or asks twice, gets the same one.
        String key = "booking:" + b.id() + ":" + b.attempts();
        Connection c;
        try {
            c = connections.connect(b.caller(), b.callee(), "booking:" + b.id(), RequestedVia.SCHEDULE, key);
        } catch (ConnectionRefusedException e) {
            if (e.reason() == ConnectionRefusedException.Reason.DATABASE_UNAVAILABLE) {
                // Nothing was recorded; the claim runs out and the start is tried again.
                log.warn("booking {}: cannot start now: {}", b.id(), e.getMessage());
                return;
            }
            startFailed(b, e.getMessage(), now);
            return;
        }
        if (c.status() == ConnectionStatus.FAILED) {
            startFailed(b, c.failureReason(), now);
            return;
        }
        Optional<Booking> active = store.transition(
                b.id(),
                EnumSet.of(BookingState.STARTING),
                BookingState.ACTIVE,
                BookingStore.claimedByMe(store.instance()),
                "connection " + c.id(),
                now,
                u -> u.set(BOOKING.CONNECTION_ID, c.id()).setNull(BOOKING.LAST_FAILURE));
        if (active.isEmpty()) {
            // Cancelled (or taken over) while connecting: the connection made here is not wanted.
            log.info("booking {}: no longer starting here; connection {} is let go", b.id(), c.id());
            if (store.find(b.id()).map(x -> x.state() == BookingState.CANCELLED).orElse(false)) {
                disconnect(c.id(), b);
            }
            return;
        }
        log.info("booking {}: started, connection {}", b.id(), c.id());
        audit.record(SYSTEM, "booking.start", "booking:" + b.id(), Schedules.details(active.get()));
    }

    /** Says how late a first attempt is, when it is later than ticking explains (no instance was running). */
    private String lateBy(Booking b, Instant now) {
        Duration late = Duration.between(b.startsAt(), now);
        boolean unexplained = late.compareTo(settings.tick().multipliedBy(2).plusSeconds(1)) > 0;
        return b.attempts() == 0 && unexplained ? ", " + late.toSeconds() + " s after its start" : "";
    }

    /** A start did not connect: try again later if there is time, or give up. */
    private void startFailed(Booking b, String reason, Instant now) {
        Instant first = store.find(b.id()).map(Booking::firstAttemptAt).orElse(now);
        Instant next = now.plus(settings.startRetryInterval());
        boolean retry = !next.isAfter(first.plus(settings.startRetryWindow())) && next.isBefore(b.endsAt());
        if (retry) {
            store.transition(
                            b.id(),
                            EnumSet.of(BookingState.STARTING),
                            BookingState.BOOKED,
                            BookingStore.claimedByMe(store.instance()),
                            "start failed, retrying at " + next + ": " + reason,
                            now,
                            u -> u.set(BOOKING.LAST_FAILURE, reason).set(BOOKING.NEXT_ATTEMPT_AT, next))
                    .ifPresent(x -> log.info("booking {}: start failed, will retry: {}", b.id(), reason));
            return;
        }
        String outcome = "could not connect the rooms: " + reason;
        store.transition(
                        b.id(),
                        EnumSet.of(BookingState.STARTING),
                        BookingState.FAILED,
                        BookingStore.claimedByMe(store.instance()),
                        outcome,
                        now,
                        u -> u.set(BOOKING.LAST_FAILURE, reason).set(BOOKING.OUTCOME, outcome))
                .ifPresent(x -> failed(x, outcome));
    }

    private void failed(Booking b, String outcome) {
        log.info("booking {}: failed: {}", b.id(), outcome);
        audit.record(SYSTEM, "booking.fail", "booking:" + b.id(), Schedules.details(b));
        alerts.raise(
                        Alert.CONNECTION_FAILED,
                        b.caller(),
                        null,
                        "booking/" + b.id(),
                        "The " + words.describe(b) + " did not start: " + outcome,
                        "rule@" + store.instance())
                .ifPresent(a -> audit.record(
                        SYSTEM, "alert.raise", "alert:" + a.id(), Map.of("kind", a.kind(), "message", a.message())));
    }

    // ---- during ----

    /** An active booking whose call failed before it connected counts as a failed start. */
    private void follow(Booking b, Instant now) {
        Optional<Connection> c = connections.find(b.connectionId());
        if (c.isEmpty() || c.get().status() != ConnectionStatus.FAILED) {
            return;
        }
        store.transition(
                        b.id(),
                        EnumSet.of(BookingState.ACTIVE),
                        BookingState.STARTING,
                        BOOKING.CONNECTION_ID.eq(c.get().id()),
                        "connection " + c.get().id() + " failed",
                        now,
                        u -> u.setNull(BOOKING.CONNECTION_ID))
                .ifPresent(x -> startFailed(x, c.get().failureReason(), now));
    }

    // ---- end ----

    private void end(Booking due, Instant now) {
        Optional<Booking> claimed = store.transition(
                due.id(),
                EnumSet.of(BookingState.ACTIVE, BookingState.ENDING),
                BookingState.ENDING,
                due.state() == BookingState.ACTIVE
                        ? BOOKING.ENDS_AT.le(now)
                        : BOOKING.CLAIMED_AT.lt(now.minus(settings.claimTimeout())),
                due.state() == BookingState.ACTIVE
                        ? "its end"
                        : "end taken over: the instance ending it did not finish",
                now,
                u -> {});
        if (claimed.isEmpty()) {
            return;
        }
        Booking b = claimed.get();
        Connection c = connections.find(b.connectionId()).orElse(null);
        String outcome;
        if (c != null && c.status().open()) {
            disconnect(c.id(), b);
            outcome = "ended at its end time: connection " + c.id() + " hung up";
        } else if (c != null && c.status() == ConnectionStatus.ENDED) {
            outcome = "ended; the call had ended before: " + c.endReason();
        } else {
            outcome = "ended; connection " + b.connectionId() + " had "
                    + (c == null ? "gone" : "failed: " + c.failureReason());
        }
        store.transition(
                        b.id(),
                        EnumSet.of(BookingState.ENDING),
                        BookingState.ENDED,
                        BookingStore.claimedByMe(store.instance()),
                        outcome,
                        now,
                        u -> u.set(BOOKING.OUTCOME, outcome))
                .ifPresent(x -> {
                    log.info("booking {}: {}", b.id(), outcome);
                    audit.record(SYSTEM, "booking.end", "booking:" + b.id(), Schedules.details(x));
                    tellFinished(x);
                });
    }

    /** A window that closed before the booking started: nobody was running, or no attempt connected. */
    private void passed(Booking b, Instant now) {
        boolean tried = b.attempts() > 0;
        String outcome = tried
                ? "could not connect the rooms before the booking ended: "
                        + (b.lastFailure() != null ? b.lastFailure() : "the instance starting it stopped")
                : "missed: no roomctl app instance was running between " + RoomWords.at(b.startsAt()) + " and "
                        + RoomWords.at(b.endsAt());
        BookingState to = tried ? BookingState.FAILED : BookingState.MISSED;
        store.transition(
                        b.id(),
                        EnumSet.of(b.state()),
                        to,
                        b.state() == BookingState.STARTING
                                ? BOOKING.CLAIMED_AT.lt(now.minus(settings.claimTimeout()))
                                : BOOKING.ENDS_AT.le(now),
                        outcome,
                        now,
                        u -> u.set(BOOKING.OUTCOME, outcome))
                .ifPresent(x -> {
                    if (to == BookingState.FAILED) {
                        failed(x, outcome);
                    } else {
                        log.warn("booking {}: {}", b.id(), outcome);
                        audit.record(SYSTEM, "booking.miss", "booking:" + b.id(), Schedules.details(x));
                    }
                });
    }

    /** A booking was cancelled (by this instance): hang up its connection if it has one open. */
    void cancelled(Booking b) {
        if (b.connectionId() != null) {
            connections.find(b.connectionId()).filter(c -> c.status().open()).ifPresent(c -> disconnect(c.id(), b));
        }
        tellFinished(b);
    }

    private void disconnect(long connectionId, Booking b) {
        try {
            connections.disconnect(connectionId, "booking:" + b.id());
        } catch (ConnectionRefusedException e) {
            log.warn("booking {}: could not hang up connection {}: {}", b.id(), connectionId, e.getMessage());
        }
    }

    private void tellFinished(Booking b) {
        for (Consumer<Booking> l : finished) {
            try {
                l.accept(b);
            } catch (RuntimeException e) {
                log.error("booking listener failed", e);
            }
        }
    }
}
