package org.roomctl.agent.visca;

import java.util.Arrays;
import java.util.Optional;

/** The error a camera reports in {@code y0 6z ee FF}: what {@code ee} means. */
public enum ViscaError {
    /** {@code 01}: the command's length is wrong. */
    MESSAGE_LENGTH(0x01, "message length error"),
    /** {@code 02}: the command is not understood (always on socket 0). */
    SYNTAX(0x02, "syntax error"),
    /** {@code 03}: both command sockets are busy (always on socket 0). */
    BUFFER_FULL(0x03, "command buffer full"),
    /** {@code 04}: the command on the socket was cancelled, by a cancel or a later command. */
    CANCELLED(0x04, "command cancelled"),
    /** {@code 05}: a cancel named a socket with nothing running on it. */
    NO_SOCKET(0x05, "no socket"),
    /** {@code 41}: the command cannot be carried out now (in standby, for example). */
    NOT_EXECUTABLE(0x41, "command not executable");

    private final int code;
    private final String description;

    ViscaError(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The error byte on the wire. */
    public int code() {
        return code;
    }

    /** What the manuals call it. */
    public String description() {
        return description;
    }

    /** The error with this byte, if VISCA defines one. */
    public static Optional<ViscaError> of(int code) {
        return Arrays.stream(values()).filter(e -> e.code == code).findFirst();
    }
}
