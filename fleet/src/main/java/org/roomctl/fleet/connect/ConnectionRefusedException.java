package org.roomctl.fleet.connect;

/** A connect or disconnect that cannot be done, with the reason in words for the person who asked. */
public class ConnectionRefusedException extends Exception {
    /** Why, for code that reacts differently (the touch panel's wording, the API's status code). */
    public enum Reason {
        SAME_ROOM,
        UNKNOWN_ROOM,
        DISABLED,
        OFFLINE,
        NO_CODEC,
        BUSY,
        NOT_FOUND,
        DATABASE_UNAVAILABLE,
        BUS_UNAVAILABLE
    }

    private final Reason reason;

    public ConnectionRefusedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public ConnectionRefusedException(Reason reason, String message, Throwable cause) {
        super(message, cause, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
