package org.roomctl.admin.http;

import org.roomctl.fleet.connect.ConnectionRefusedException;
import org.roomctl.fleet.schedule.Booking;
import org.roomctl.fleet.schedule.BookingException;
import org.roomctl.fleet.schedule.ShutdownException;

/** The fleet's refusals as HTTP problems. */
public final class Problems {
    private Problems() {}

    public static Problem refused(ConnectionRefusedException e) {
        return switch (e.reason()) {
            case SAME_ROOM -> new Problem(400, "same_room", e.getMessage());
            case UNKNOWN_ROOM, NOT_FOUND -> new Problem(404, "not_found", e.getMessage());
            case DISABLED -> new Problem(409, "room_disabled", e.getMessage());
            case OFFLINE -> new Problem(409, "room_offline", e.getMessage());
            case NO_CODEC -> new Problem(409, "no_codec", e.getMessage());
            case BUSY -> new Problem(409, "room_busy", e.getMessage());
            case DATABASE_UNAVAILABLE, BUS_UNAVAILABLE -> Problem.unavailable(e.getMessage());
        };
    }

    /** A refused booking; an overlap names the booking it overlaps ({@code overlapping}: its id). */
    public static Problem booking(BookingException e) {
        return switch (e.reason()) {
            case INVALID -> Problem.badRequest(e.getMessage());
            case SAME_ROOM -> new Problem(400, "same_room", e.getMessage());
            case UNKNOWN_ROOM, NOT_FOUND -> Problem.notFound(e.getMessage());
            case OVERLAP -> new Problem(409, "booking_overlap", e.getMessage())
                    .with("overlapping", e.overlapping().map(Booking::id).orElse(null));
            case FINISHED -> new Problem(409, "booking_finished", e.getMessage());
            case DATABASE_UNAVAILABLE -> Problem.unavailable(e.getMessage());
        };
    }

    public static Problem shutdown(ShutdownException e) {
        return switch (e.reason()) {
            case INVALID -> Problem.badRequest(e.getMessage());
            case UNKNOWN_SITE, NOT_FOUND -> Problem.notFound(e.getMessage());
            case SITE_HAS_ONE -> new Problem(409, "site_has_shutdown", e.getMessage());
            case DATABASE_UNAVAILABLE -> Problem.unavailable(e.getMessage());
        };
    }
}
