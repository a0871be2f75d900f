package org.roomctl.fleet.schedule;

import java.time.Instant;

/**
 * One change of state of a booking, as recorded.
 *
 * @param bookingId the booking
 * @param at when
 * @param from the state before (null when it was booked)
 * @param to the state after
 * @param detail what happened, in words
 * @param instance the app instance that recorded it
 */
public record BookingEvent(
        long bookingId, Instant at, BookingState from, BookingState to, String detail, String instance) {}
