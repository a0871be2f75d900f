package org.roomctl.fleet.schedule;

import java.time.Instant;

/**
 * A connection between two rooms booked for a time window.
 *
 * @param id its number
 * @param caller the room that dials
 * @param callee the room that is called
 * @param startsAt when the rooms are connected
 * @param endsAt when they are hung up
 * @param title what it is for, as people see it
 * @param bookedBy who booked it
 * @param bookedAt when
 * @param state where it is now
 * @param attempts how many times its start was attempted
 * @param firstAttemptAt when its start was first attempted (null if never)
 * @param lastFailure why the last start attempt did not connect (null if none failed)
 * @param connectionId the connection it made (null until it started)
 * @param outcome how it finished, in words (finished bookings)
 * @param cancelledBy who cancelled it (cancelled bookings)
 * @param finishedAt when it ended, failed, was missed or cancelled
 */
public record Booking(
        long id,
        String caller,
        String callee,
        Instant startsAt,
        Instant endsAt,
        String title,
        String bookedBy,
        Instant bookedAt,
        BookingState state,
        int attempts,
        Instant firstAttemptAt,
        String lastFailure,
        Long connectionId,
        String outcome,
        String cancelledBy,
        Instant finishedAt) {

    public boolean involves(String room) {
        return caller.equals(room) || callee.equals(room);
    }

    /** Whether {@code at} is inside its window (start included, end excluded). */
    public boolean covers(Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt);
    }
}
