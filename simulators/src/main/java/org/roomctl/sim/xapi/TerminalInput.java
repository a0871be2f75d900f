package org.roomctl.sim.xapi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Assembles terminal input into lines the way a serial console does: a line ends at CR, LF or
 * CRLF; backspace and DEL rub out the last character; a line longer than {@link #MAX_LINE} bytes
 * is cut there. It also says what to echo for each byte.
 */
final class TerminalInput {
    static final int MAX_LINE = 4096;
    private static final byte[] NEW_LINE = {'\r', '\n'};
    private static final byte[] RUB_OUT = {'\b', ' ', '\b'};

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean afterCr;

    /**
     * Takes one byte.
     *
     * @param echo where the echo goes, or null when echo is off
     * @return the line it completes (without its terminator), or null
     */
    String feed(byte b, ByteArrayOutputStream echo) {
        boolean wasAfterCr = afterCr;
        afterCr = b == '\r';
        if (b == '\n' && wasAfterCr) {
            return null; // the LF of a CRLF
        }
        if (b == '\r' || b == '\n') {
            if (echo != null) {
                echo.writeBytes(NEW_LINE);
            }
            String complete = line.toString(StandardCharsets.UTF_8);
            line.reset();
            return complete;
        }
        if (b == '\b' || b == 0x7F) {
            if (line.size() > 0) {
                byte[] kept = line.toByteArray();
                line.reset();
                line.write(kept, 0, kept.length - 1);
                if (echo != null) {
                    echo.writeBytes(RUB_OUT);
                }
            }
            return null;
        }
        if (line.size() < MAX_LINE) {
            line.write(b);
            if (echo != null) {
                echo.write(b);
            }
        }
        return null;
    }

    /** Forgets a half-typed line. */
    void reset() {
        line.reset();
        afterCr = false;
    }
}
