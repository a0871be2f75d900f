package org.roomctl.agent.pjlink;

import java.nio.charset.StandardCharsets;

/**
 * Cuts a PJLink byte stream into lines. PJLink ends every message with CR; LF and CRLF are
 * accepted too, empty lines skipped. Pure: no threads, no I/O, no clock. A line longer than the
 * hard maximum is dropped with a diagnostic, and the framer resynchronises at the next line end.
 */
public final class PjlinkFramer {
    /** Class 1 messages are at most 136 bytes; this leaves room for a digest and slack. */
    public static final int DEFAULT_MAX_LINE = 256;

    /** Where the framer delivers what it found. */
    public interface Sink {
        /** A complete line without its terminator. */
        void line(String text);

        /** Bytes were dropped; {@code why} says what, for a debug log. */
        void dropped(String why);
    }

    private final int maxLine;
    private final byte[] buffer;
    private int length;
    private boolean discarding;
    private int discarded;

    /** A framer with the default line limit. */
    public PjlinkFramer() {
        this(DEFAULT_MAX_LINE);
    }

    /** @param maxLine the longest line kept, in bytes */
    public PjlinkFramer(int maxLine) {
        if (maxLine < 16) {
            throw new IllegalArgumentException("maxLine must be at least 16, not " + maxLine);
        }
        this.maxLine = maxLine;
        this.buffer = new byte[maxLine];
    }

    /** Feeds bytes as they came off the wire; complete lines go to {@code sink}. */
    public void feed(byte[] bytes, Sink sink) {
        for (byte b : bytes) {
            if (b == '\r' || b == '\n') {
                endOfLine(sink);
            } else if (discarding) {
                discarded++;
            } else if (length == maxLine) {
                discarding = true;
                discarded = length + 1;
                length = 0;
            } else {
                buffer[length++] = b;
            }
        }
    }

    /** Forgets a partial line, for a new connection. */
    public void reset() {
        length = 0;
        discarding = false;
        discarded = 0;
    }

    private void endOfLine(Sink sink) {
        if (discarding) {
            discarding = false;
            sink.dropped("line of " + discarded + " bytes dropped: longer than the " + maxLine + "-byte maximum");
            discarded = 0;
            return;
        }
        if (length == 0) {
            return;
        }
        // PJLink is ASCII; NAME may carry UTF-8 on newer displays. Bad bytes become U+FFFD.
        String line = new String(buffer, 0, length, StandardCharsets.UTF_8);
        length = 0;
        sink.line(line);
    }
}
