package org.roomctl.agent.wolfprot;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Cuts the bytes from a WolfProt line into frames: a header byte, a command byte (two with the
 * long-command bit), a length byte (two with the long-length bit) and that many data bytes; an
 * error reply is header, command and error number.
 *
 * <p>A byte-fed state machine: no threads, no I/O, no clock. A byte that cannot be a header is
 * skipped; a header that declares a frame longer than {@value #MAX_FRAME} bytes is skipped too, and
 * the bytes after it are scanned again. WolfProt has no terminator, so a stray byte that looks like
 * a header can swallow the next real frame; the caller {@link #reset() resets} the framer when an
 * answer does not come (the line was quiet, so nothing real is lost). Garbage is reported to the
 * {@link Sink}, never thrown. One framer per line; not thread-safe.
 */
public final class WolfProtFramer {
    /** The longest frame: header, two-byte command, length, 255 data bytes. */
    public static final int MAX_FRAME = 259;

    /** How many dropped bytes a garbage report shows. */
    private static final int SHOWN = 16;

    /** What the framer finds in the byte stream. */
    public interface Sink {
        /** One whole frame. The array is the sink's. */
        void frame(byte[] frame);

        /** Bytes were skipped; {@code diagnostic} says how many, which, and why, for a debug line. */
        void garbage(String diagnostic);
    }

    private final byte[] buffer = new byte[MAX_FRAME];
    private int length;
    private final byte[] dropped = new byte[SHOWN];
    private int droppedCount;
    private String dropReason;

    /** Feeds bytes as they came off the line, in any pieces. */
    public void feed(byte[] bytes, Sink sink) {
        for (byte b : bytes) {
            buffer[length++] = b;
            scan(sink);
        }
        report(sink);
    }

    /**
     * Forgets a partial frame: the line was quiet where the rest should have come, or was re-opened.
     *
     * @return how many bytes were forgotten
     */
    public int reset() {
        int forgotten = length + droppedCount;
        length = 0;
        droppedCount = 0;
        dropReason = null;
        return forgotten;
    }

    /** Whether part of a frame is waiting for the rest. */
    public boolean partial() {
        return length > 0;
    }

    private void scan(Sink sink) {
        while (length > 0) {
            int header = buffer[0] & 0xFF;
            if (!WolfProtHeader.valid(header)) {
                dropFirst(String.format("%02X cannot start a frame", header));
                continue;
            }
            int headerLength = WolfProtHeader.headerLength(header);
            if ((header & WolfProtHeader.ERROR) != 0) {
                if (length < headerLength + 1) {
                    return;
                }
                emit(headerLength + 1, sink);
                continue;
            }
            if (length < headerLength) {
                return;
            }
            int frameLength = headerLength + WolfProtDecoder.declaredLength(buffer, header);
            if (frameLength > MAX_FRAME) {
                dropFirst("a header declaring " + frameLength + " bytes, more than the " + MAX_FRAME + "-byte maximum");
                continue;
            }
            if (length < frameLength) {
                return;
            }
            emit(frameLength, sink);
        }
    }

    private void emit(int frameLength, Sink sink) {
        report(sink);
        sink.frame(Arrays.copyOf(buffer, frameLength));
        shift(frameLength);
    }

    private void dropFirst(String why) {
        if (droppedCount < SHOWN) {
            dropped[droppedCount] = buffer[0];
        }
        droppedCount++;
        if (dropReason == null) {
            dropReason = why;
        }
        shift(1);
    }

    private void shift(int n) {
        System.arraycopy(buffer, n, buffer, 0, length - n);
        length -= n;
    }

    private void report(Sink sink) {
        if (droppedCount == 0) {
            return;
        }
        String shown = HexFormat.ofDelimiter(" ").withUpperCase().formatHex(dropped, 0, Math.min(droppedCount, SHOWN));
        sink.garbage("skipped " + droppedCount + (droppedCount == 1 ? " byte " : " bytes ") + shown
                + (droppedCount > SHOWN ? " ..." : "") + " (first: " + dropReason + ")");
        droppedCount = 0;
        dropReason = null;
    }
}
