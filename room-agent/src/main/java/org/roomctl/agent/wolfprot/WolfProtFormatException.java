package org.roomctl.agent.wolfprot;

/** Bytes that are not what WolfProt says they should be; the message says exactly what is wrong. */
public final class WolfProtFormatException extends Exception {
    public WolfProtFormatException(String message) {
        super(message, null, false, false);
    }
}
