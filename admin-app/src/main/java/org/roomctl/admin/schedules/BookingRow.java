package org.roomctl.admin.schedules;

import org.roomctl.admin.connections.ConnectionRow;
import org.roomctl.fleet.schedule.Booking;

/**
 * A booking as the console lists it: with its rooms' names and the connection it made.
 *
 * @param booking the booking
 * @param callerName the calling room's name
 * @param calleeName the called room's name
 * @param connection the connection it made (null until it started, or if that is gone)
 */
public record BookingRow(Booking booking, String callerName, String calleeName, ConnectionRow connection) {

    public long id() {
        return booking.id();
    }

    /** booked, starting, active, ending, ended, failed, missed or cancelled. */
    public String state() {
        return booking.state().wireName();
    }

    /** Whether it can still be cancelled (it holds its rooms). */
    public boolean cancellable() {
        return !booking.state().finished();
    }

    /** Its connection's status (requested, dialling, connected...), or "" if it has none. */
    public String connectionStatus() {
        return connection == null ? "" : connection.status();
    }

    /** What went wrong, or how it finished, in words: the outcome, else the last failed start. */
    public String reason() {
        if (booking.outcome() != null) {
            return booking.outcome();
        }
        return booking.lastFailure() == null ? "" : "start failed: " + booking.lastFailure();
    }
}
