package org.roomctl.fleet.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.exception.DataAccessException;
import org.roomctl.fleet.audit.AuditLog;
import org.roomctl.fleet.catalog.CatalogStore;
import org.roomctl.fleet.connect.ConnectionService;
import org.roomctl.schema.DatabaseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bookings: two rooms connected for a time window, what the admin console shows and edits.
 *
 * <p>At its start a booking's rooms are connected through {@link ConnectionService} (requested
 * via {@code schedule}, with an idempotency key made of the booking and its attempt, so a retry or
 * a second instance never makes a second connection); at its end the booking's connection is
 * disconnected if it is still open. Which instance acts is decided in the database (see {@link
 * BookingRunner}). The database refuses a room in two overlapping bookings; the refusal names the
 * booking it overlaps.
 */
public final class Schedules {
    private static final Logger log = LoggerFactory.getLogger(Schedules.class);
    static final int MAX_TITLE = 200;

    private final BookingStore store;
    private final CatalogStore catalog;
    private final RoomWords words;
    private final AuditLog audit;
    private final Clock clock;
    private final BookingRunner runner;

    /** @param runner drives the bookings' starts and ends (on the instance's scheduler) */
    Schedules(BookingStore store, CatalogStore catalog, AuditLog audit, Clock clock, BookingRunner runner) {
        this.store = store;
        this.catalog = catalog;
        this.words = new RoomWords(catalog);
        this.audit = audit;
        this.clock = clock;
        this.runner = runner;
    }

    /**
     * Books {@code caller} to call {@code callee} from {@code start} to {@code end}.
     *
     * @throws BookingException saying what is wrong: times, rooms, or the booking it overlaps
     */
    public Booking book(String caller, String callee, Instant start, Instant end, String title, String bookedBy)
            throws BookingException {
        if (start == null || end == null) {
            throw invalid("a booking needs a start and an end");
        }
        if (!start.isBefore(end)) {
            throw invalid("the start (" + RoomWords.at(start) + ") must be before the end (" + RoomWords.at(end) + ")");
        }
        Instant now = clock.instant();
        if (!end.isAfter(now)) {
            throw invalid("the end (" + RoomWords.at(end) + ") is in the past");
        }
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > MAX_TITLE) {
            throw invalid("a booking needs a title of 1 to " + MAX_TITLE + " characters");
        }
        if (bookedBy == null || bookedBy.isBlank()) {
            throw invalid("a booking needs the name of who booked it");
        }
        if (caller == null || callee == null) {
            throw invalid("a booking needs two rooms");
        }
        if (caller.equals(callee)) {
            throw new BookingException(BookingException.Reason.SAME_ROOM, "a room cannot call itself");
        }
        try {
            known(caller);
            known(callee);
            Booking b;
            try {
                b = store.insert(caller, callee, start, end, t, bookedBy, now);
            } catch (BookingStore.OverlapException e) {
                throw overlap(caller, callee, start, end);
            }
            log.info("booking {}: {} -> {} from {} to {} booked by {}", b.id(), caller, callee, start, end, bookedBy);
            audit.record(bookedBy, "booking.create", "booking:" + b.id(), details(b));
            return b;
        } catch (DataAccessException | DatabaseUnavailableException e) {
            throw databaseDown(e);
        }
    }

    /**
     * Cancels a booking before or during its window; during it, its connection is hung up.
     *
     * @return the cancelled booking
     * @throws BookingException if there is no such booking or it has already finished
     */
    public Booking cancel(long id, String by) throws BookingException {
        try {
            Booking b = store.find(id)
                    .orElseThrow(
                            () -> new BookingException(BookingException.Reason.NOT_FOUND, "there is no booking " + id));
            Instant now = clock.instant();
            String outcome = "cancelled by " + by + (b.covers(now) ? " during the booking" : "");
            Optional<Booking> cancelled = store.transition(
                    id, BookingState.HOLDING, BookingState.CANCELLED, BookingStore.none(), outcome, now, u -> u.set(
                                    org.roomctl.schema.jooq.Tables.BOOKING.CANCELLED_BY, by)
                            .set(org.roomctl.schema.jooq.Tables.BOOKING.OUTCOME, outcome));
            if (cancelled.isEmpty()) {
                Booking now2 = store.find(id).orElse(b);
                throw new BookingException(
                        BookingException.Reason.FINISHED,
                        "booking " + id + " has already finished: "
                                + now2.state().wireName()
                                + (now2.outcome() == null ? "" : " (" + now2.outcome() + ")"));
            }
            Booking c = cancelled.get();
            log.info("booking {}: {}", id, outcome);
            audit.record(by, "booking.cancel", "booking:" + id, details(c));
            runner.cancelled(c);
            return c;
        } catch (DataAccessException | DatabaseUnavailableException e) {
            throw databaseDown(e);
        }
    }

    public Optional<Booking> find(long id) {
        return store.find(id);
    }

    /** Bookings still to start, soonest first. */
    public List<Booking> upcoming(int limit) {
        return store.upcoming(clock.instant(), limit);
    }

    /** Bookings whose window is open now (active, starting, ending, or waiting to retry their start). */
    public List<Booking> current() {
        return store.inProgress(clock.instant(), null);
    }

    /** Finished bookings (ended, failed, missed, cancelled), the latest first. */
    public List<Booking> past(int limit) {
        return store.past(limit);
    }

    /** What happened to a booking, in order. */
    public List<BookingEvent> events(long id) {
        return store.events(id);
    }

    private void known(String room) throws BookingException {
        if (catalog.room(room).isEmpty()) {
            throw new BookingException(BookingException.Reason.UNKNOWN_ROOM, "there is no room '" + room + "'");
        }
    }

    private BookingException overlap(String caller, String callee, Instant start, Instant end) {
        Booking other = store.overlapping(List.of(caller, callee), start, end).stream()
                .findFirst()
                .orElse(null);
        if (other == null) {
            return new BookingException(
                    BookingException.Reason.OVERLAP, "one of the rooms is booked at an overlapping time");
        }
        String room = other.involves(caller) ? caller : callee;
        return new BookingException(
                BookingException.Reason.OVERLAP,
                words.name(room) + " is already booked then: " + words.describe(other),
                other,
                null);
    }

    static Map<String, Object> details(Booking b) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("caller", b.caller());
        d.put("callee", b.callee());
        d.put("startsAt", b.startsAt().toString());
        d.put("endsAt", b.endsAt().toString());
        d.put("title", b.title());
        d.put("state", b.state().wireName());
        if (b.connectionId() != null) {
            d.put("connection", b.connectionId());
        }
        if (b.outcome() != null) {
            d.put("outcome", b.outcome());
        }
        return d;
    }

    private static BookingException invalid(String message) {
        return new BookingException(BookingException.Reason.INVALID, message);
    }

    private static BookingException databaseDown(RuntimeException e) {
        return new BookingException(
                BookingException.Reason.DATABASE_UNAVAILABLE,
                "the database is unavailable, so nothing was changed: " + org.roomctl.contract.Errors.rootMessage(e),
                null,
                e);
    }
}
