package org.roomctl.fleet.schedule;

import static org.roomctl.schema.jooq.Tables.BOOKING;
import static org.roomctl.schema.jooq.Tables.BOOKING_EVENT;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.UpdateSetMoreStep;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.roomctl.schema.Database;
import org.roomctl.schema.jooq.tables.records.BookingRecord;

/**
 * Bookings in PostgreSQL. Every change of state is a compare-and-set recorded with its event in
 * one transaction: when several app instances see the same booking due, one moves it and only
 * that one acts. The database keeps a room out of two overlapping bookings.
 */
final class BookingStore {
    private static final List<String> HOLDING =
            BookingState.HOLDING.stream().map(BookingState::wireName).toList();

    private final DSLContext sql;
    private final String instance;

    BookingStore(Database database, String instance) {
        this.sql = database.dsl();
        this.instance = instance;
    }

    String instance() {
        return instance;
    }

    /** The database refused a booking because one of its rooms is booked at an overlapping time. */
    static final class OverlapException extends Exception {
        OverlapException() {
            super(null, null, false, false);
        }
    }

    Booking insert(String caller, String callee, Instant start, Instant end, String title, String by, Instant now)
            throws OverlapException {
        try {
            return sql.transactionResult(tx -> {
                DSLContext t = tx.dsl();
                BookingRecord r = t.insertInto(BOOKING)
                        .set(BOOKING.CALLER_ROOM, caller)
                        .set(BOOKING.CALLEE_ROOM, callee)
                        .set(BOOKING.STARTS_AT, start)
                        .set(BOOKING.ENDS_AT, end)
                        .set(BOOKING.TITLE, title)
                        .set(BOOKING.BOOKED_BY, by)
                        .set(BOOKING.BOOKED_AT, now)
                        .set(BOOKING.STATE, BookingState.BOOKED.wireName())
                        .set(BOOKING.UPDATED_AT, now)
                        .returning()
                        .fetchOne();
                event(t, r.getId(), null, BookingState.BOOKED, "booked by " + by, now);
                return booking(r);
            });
        } catch (IntegrityConstraintViolationException e) {
            if (String.valueOf(e.getMessage()).contains("booking_room_no_overlap")) {
                throw new OverlapException();
            }
            throw e;
        }
    }

    /** Bookings holding any of {@code rooms} at some time in [start, end), earliest first. */
    List<Booking> overlapping(Collection<String> rooms, Instant start, Instant end) {
        return sql.selectFrom(BOOKING)
                .where(BOOKING.STATE.in(HOLDING))
                .and(BOOKING.CALLER_ROOM.in(rooms).or(BOOKING.CALLEE_ROOM.in(rooms)))
                .and(BOOKING.STARTS_AT.lt(end))
                .and(BOOKING.ENDS_AT.gt(start))
                .orderBy(BOOKING.STARTS_AT)
                .fetch(BookingStore::booking);
    }

    /**
     * Moves a booking to {@code to} if it is in one of {@code from} and meets {@code condition},
     * and records the event. Moving to starting or ending claims it for this instance; moving
     * anywhere else lets go of the claim; moving to a final state sets when it finished.
     *
     * @param fields further columns to set
     * @return the booking after the change, or empty if another instance got there first or it
     *     moved on
     */
    Optional<Booking> transition(
            long id,
            Set<BookingState> from,
            BookingState to,
            Condition condition,
            String detail,
            Instant now,
            Consumer<UpdateSetMoreStep<BookingRecord>> fields) {
        return sql.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            // The row stays locked until the transaction ends: concurrent transitions take turns.
            Record1<String> before = t.select(BOOKING.STATE)
                    .from(BOOKING)
                    .where(BOOKING.ID.eq(id))
                    .and(BOOKING.STATE.in(
                            from.stream().map(BookingState::wireName).toList()))
                    .and(condition)
                    .forUpdate()
                    .fetchOne();
            if (before == null) {
                return Optional.<Booking>empty();
            }
            UpdateSetMoreStep<BookingRecord> update =
                    t.update(BOOKING).set(BOOKING.STATE, to.wireName()).set(BOOKING.UPDATED_AT, now);
            if (to == BookingState.STARTING || to == BookingState.ENDING) {
                update = update.set(BOOKING.CLAIMED_BY, instance).set(BOOKING.CLAIMED_AT, now);
            } else {
                update = update.setNull(BOOKING.CLAIMED_BY).setNull(BOOKING.CLAIMED_AT);
            }
            if (to.finished()) {
                update = update.set(BOOKING.FINISHED_AT, now);
            }
            fields.accept(update);
            BookingRecord r = update.where(BOOKING.ID.eq(id)).returning().fetchOne();
            event(t, id, BookingState.of(before.value1()), to, detail, now);
            return Optional.of(booking(r));
        });
    }

    private void event(DSLContext t, long id, BookingState from, BookingState to, String detail, Instant now) {
        t.insertInto(BOOKING_EVENT)
                .set(BOOKING_EVENT.BOOKING_ID, id)
                .set(BOOKING_EVENT.AT, now)
                .set(BOOKING_EVENT.FROM_STATE, from == null ? null : from.wireName())
                .set(BOOKING_EVENT.TO_STATE, to.wireName())
                .set(BOOKING_EVENT.DETAIL, detail)
                .set(BOOKING_EVENT.INSTANCE, instance)
                .execute();
    }

    Optional<Booking> find(long id) {
        return sql.selectFrom(BOOKING).where(BOOKING.ID.eq(id)).fetchOptional(BookingStore::booking);
    }

    /** Booked bookings whose window is open and whose next attempt is due, and stale starts. */
    List<Booking> dueToStart(Instant now, Instant staleBefore) {
        Condition booked = BOOKING.STATE
                .eq(BookingState.BOOKED.wireName())
                .and(BOOKING.STARTS_AT.le(now))
                .and(BOOKING.NEXT_ATTEMPT_AT.isNull().or(BOOKING.NEXT_ATTEMPT_AT.le(now)));
        Condition stale = BOOKING.STATE.eq(BookingState.STARTING.wireName()).and(BOOKING.CLAIMED_AT.lt(staleBefore));
        return select(booked.or(stale).and(BOOKING.ENDS_AT.gt(now)));
    }

    /** Active bookings whose window has closed, and stale ends. */
    List<Booking> dueToEnd(Instant now, Instant staleBefore) {
        Condition active = BOOKING.STATE.eq(BookingState.ACTIVE.wireName()).and(BOOKING.ENDS_AT.le(now));
        Condition stale = BOOKING.STATE.eq(BookingState.ENDING.wireName()).and(BOOKING.CLAIMED_AT.lt(staleBefore));
        return select(active.or(stale));
    }

    /** Bookings whose window closed before they were started: nobody ran them, or every attempt failed. */
    List<Booking> passed(Instant now, Instant staleBefore) {
        Condition booked = BOOKING.STATE.eq(BookingState.BOOKED.wireName());
        Condition stale = BOOKING.STATE.eq(BookingState.STARTING.wireName()).and(BOOKING.CLAIMED_AT.lt(staleBefore));
        return select(booked.or(stale).and(BOOKING.ENDS_AT.le(now)));
    }

    /** Active bookings inside their window (their connection is followed). */
    List<Booking> active(Instant now) {
        return select(BOOKING.STATE.eq(BookingState.ACTIVE.wireName()).and(BOOKING.ENDS_AT.gt(now)));
    }

    /** Bookings holding rooms at {@code now}, of these rooms only if not null. */
    List<Booking> inProgress(Instant now, Collection<String> rooms) {
        Condition c = BOOKING.STATE.in(HOLDING).and(BOOKING.STARTS_AT.le(now)).and(BOOKING.ENDS_AT.gt(now));
        if (rooms != null) {
            c = c.and(BOOKING.CALLER_ROOM.in(rooms).or(BOOKING.CALLEE_ROOM.in(rooms)));
        }
        return select(c);
    }

    /** Booked bookings that start after {@code now}, soonest first. */
    List<Booking> upcoming(Instant now, int limit) {
        return sql.selectFrom(BOOKING)
                .where(BOOKING.STATE.eq(BookingState.BOOKED.wireName()))
                .and(BOOKING.STARTS_AT.gt(now))
                .orderBy(BOOKING.STARTS_AT, BOOKING.ID)
                .limit(limit)
                .fetch(BookingStore::booking);
    }

    /** Finished bookings, the latest window first. */
    List<Booking> past(int limit) {
        return sql.selectFrom(BOOKING)
                .where(BOOKING.STATE.notIn(HOLDING))
                .orderBy(BOOKING.ENDS_AT.desc(), BOOKING.ID.desc())
                .limit(limit)
                .fetch(BookingStore::booking);
    }

    List<BookingEvent> events(long id) {
        return sql.selectFrom(BOOKING_EVENT)
                .where(BOOKING_EVENT.BOOKING_ID.eq(id))
                .orderBy(BOOKING_EVENT.ID)
                .fetch(r -> new BookingEvent(
                        r.getBookingId(),
                        r.getAt(),
                        r.getFromState() == null ? null : BookingState.of(r.getFromState()),
                        BookingState.of(r.getToState()),
                        r.getDetail(),
                        r.getInstance()));
    }

    private List<Booking> select(Condition c) {
        return sql.selectFrom(BOOKING)
                .where(c)
                .orderBy(BOOKING.STARTS_AT, BOOKING.ID)
                .fetch(BookingStore::booking);
    }

    static Condition claimedByMe(String instance) {
        return BOOKING.CLAIMED_BY.eq(instance);
    }

    static Condition none() {
        return DSL.noCondition();
    }

    static Booking booking(BookingRecord r) {
        return new Booking(
                r.getId(),
                r.getCallerRoom(),
                r.getCalleeRoom(),
                r.getStartsAt(),
                r.getEndsAt(),
                r.getTitle(),
                r.getBookedBy(),
                r.getBookedAt(),
                BookingState.of(r.getState()),
                r.getAttempts(),
                r.getFirstAttemptAt(),
                r.getLastFailure(),
                r.getConnectionId(),
                r.getOutcome(),
                r.getCancelledBy(),
                r.getFinishedAt());
    }
}
