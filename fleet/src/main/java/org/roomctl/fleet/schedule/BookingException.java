package org.roomctl.fleet.schedule;

import java.util.Optional;

/** A booking that cannot be made or changed, with the reason in words for the person who asked. */
public class BookingException extends Exception {
    /** Why, for code that reacts differently (the console's wording, an API's status code). */
    public enum Reason {
        INVALID,
        SAME_ROOM,
        UNKNOWN_ROOM,
        OVERLAP,
        NOT_FOUND,
        FINISHED,
        DATABASE_UNAVAILABLE
    }

    private final Reason reason;
    private final Booking overlapping;

    public BookingException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    BookingException(Reason reason, String message, Booking overlapping, Throwable cause) {
        super(message, cause, false, false);
        this.reason = reason;
        this.overlapping = overlapping;
    }

    public Reason reason() {
        return reason;
    }

    /** The booking the refused one overlaps (OVERLAP only, when it could be found). */
    public Optional<Booking> overlapping() {
        return Optional.ofNullable(overlapping);
    }
}
