package org.roomctl.agent.xapi;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Cuts the codec's terminal output into lines. A line ends with CR, LF or CRLF; empty lines are
 * skipped. A login prompt ({@code login:}, {@code Password:}) arrives without a line ending, so
 * whatever is left at the end of a chunk is delivered as a line when it is such a prompt.
 *
 * <p>Pure: no threads, no I/O, no clock. A line longer than the hard maximum is dropped with a
 * diagnostic and the framer resynchronises at the next line ending.
 */
public final class XapiLineFramer {
    /** Longest line kept by default; xAPI status lines are far shorter. */
    public static final int DEFAULT_MAX_LINE = 4096;

    private static final Pattern PROMPT = Pattern.compile("(?i)(\\S+\\s+)?login:|password:");

    /** Where the framer delivers what it found. */
    public interface Sink {
        /** A complete line (or a prompt), without its line ending, decoded as UTF-8. */
        void line(String text);

        /** Bytes were dropped; {@code why} says what and why, for a debug log. */
        void dropped(String why);
    }

    private final int maxLine;
    private final byte[] buffer;
    private int length;
    private boolean discarding;
    private int discarded;

    /** A framer with the default line limit. */
    public XapiLineFramer() {
        this(DEFAULT_MAX_LINE);
    }

    /** @param maxLine the longest line kept, in bytes; longer lines are dropped */
    public XapiLineFramer(int maxLine) {
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
        if (!discarding && length > 0) {
            String partial = text();
            if (PROMPT.matcher(partial.strip()).matches()) {
                length = 0;
                sink.line(partial.strip());
            }
        }
    }

    /** Forgets a partial line, for example when the link was re-established. */
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
            return; // the LF of a CRLF, or an empty line
        }
        String line = text();
        length = 0;
        sink.line(line);
    }

    private String text() {
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }
}
