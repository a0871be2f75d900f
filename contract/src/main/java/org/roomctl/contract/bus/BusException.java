package org.roomctl.contract.bus;

/** A bus operation that could not be done: not connected, refused by the broker, no reply in time. */
public class BusException extends Exception {
    public BusException(String message) {
        super(message);
    }

    public BusException(String message, Throwable cause) {
        super(message, cause);
    }
}
