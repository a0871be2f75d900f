package org.roomctl.fleet.schedule;

/** A site shutdown that cannot be made or changed, with the reason in words for the person who asked. */
public class ShutdownException extends Exception {
    /** Why, for code that reacts differently. */
    public enum Reason {
        INVALID,
        UNKNOWN_SITE,
        SITE_HAS_ONE,
        NOT_FOUND,
        DATABASE_UNAVAILABLE
    }

    private final Reason reason;

    public ShutdownException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    ShutdownException(Reason reason, String message, Throwable cause) {
        super(message, cause, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
