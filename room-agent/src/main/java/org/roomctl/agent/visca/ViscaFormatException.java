package org.roomctl.agent.visca;

/** Bytes that are not what VISCA says they should be; the message says exactly what is wrong. */
public final class ViscaFormatException extends Exception {
    public ViscaFormatException(String message) {
        super(message, null, false, false);
    }
}
