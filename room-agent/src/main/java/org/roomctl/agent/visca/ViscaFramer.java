package org.roomctl.agent.visca;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Cuts the bytes from a VISCA line into packets. A packet is 3 to 16 bytes: a header byte (high bit
 * set), data, and the terminator {@code FF}, which never occurs inside a packet, so framing is
 * "split on FF".
 *
 * <p>A byte-fed state machine: no threads, no I/O, no clock. Garbage is reported to the {@link Sink},
 * never thrown: bytes before a header byte, packets shorter than 3 bytes, and packets longer than 16
 * bytes, which are dropped up to and including the next {@code FF}, where the framer is in step
 * again. One framer per line; not thread-safe.
 */
public final class ViscaFramer {
    /** The longest packet, terminator included. */
    public static final int MAX_PACKET = 16;
    /** The shortest packet: header, one byte, terminator. */
    public static final int MIN_PACKET = 3;
    /** Ends every packet and occurs nowhere else. */
    public static final int TERMINATOR = 0xFF;

    /** How many dropped bytes a garbage report shows. */
    private static final int SHOWN = 16;

    /** What the framer finds in the byte stream. */
    public interface Sink {
        /** A packet from its header up to and including its terminator. The array is the sink's. */
        void packet(byte[] packet);

        /** Bytes were dropped; {@code diagnostic} says how many, which, and why, for a debug line. */
        void garbage(String diagnostic);
    }

    private final byte[] packet = new byte[MAX_PACKET];
    private int length;
    private boolean overlong;
    private final byte[] dropped = new byte[SHOWN];
    private int droppedCount;

    /** Feeds bytes as they came off the line, in any pieces. */
    public void feed(byte[] bytes, Sink sink) {
        for (byte b : bytes) {
            accept(b & 0xFF, sink);
        }
    }

    /**
     * Forgets a partial packet, for example when the line was re-opened.
     *
     * @return how many bytes were forgotten
     */
    public int reset() {
        int forgotten = length + droppedCount;
        length = 0;
        overlong = false;
        droppedCount = 0;
        return forgotten;
    }

    private void accept(int b, Sink sink) {
        if (overlong) {
            drop(b);
            if (b == TERMINATOR) {
                overlong = false;
                report(sink, "packet longer than " + MAX_PACKET + " bytes");
            }
        } else if (length == 0) {
            acceptFirst(b, sink);
        } else if (b == TERMINATOR) {
            packet[length++] = (byte) b;
            if (length < MIN_PACKET) {
                dropPacket();
                report(sink, "packet shorter than " + MIN_PACKET + " bytes");
            } else {
                sink.packet(Arrays.copyOf(packet, length));
                length = 0;
            }
        } else if (length == MAX_PACKET - 1) {
            // No room left for the terminator: drop everything up to the next FF.
            dropPacket();
            drop(b);
            overlong = true;
        } else {
            packet[length++] = (byte) b;
        }
    }

    private void acceptFirst(int b, Sink sink) {
        if (b == TERMINATOR) {
            drop(b);
            report(
                    sink,
                    droppedCount == 1 ? "terminator with no packet before it" : "no header byte before the terminator");
        } else if ((b & 0x80) != 0) {
            report(sink, "no header byte (80..FE) before them");
            packet[length++] = (byte) b;
        } else {
            drop(b);
        }
    }

    private void dropPacket() {
        for (int i = 0; i < length; i++) {
            drop(packet[i] & 0xFF);
        }
        length = 0;
    }

    private void drop(int b) {
        if (droppedCount < SHOWN) {
            dropped[droppedCount] = (byte) b;
        }
        droppedCount++;
    }

    private void report(Sink sink, String why) {
        if (droppedCount == 0) {
            return;
        }
        String shown = HexFormat.ofDelimiter(" ").withUpperCase().formatHex(dropped, 0, Math.min(droppedCount, SHOWN));
        sink.garbage("dropped " + droppedCount + (droppedCount == 1 ? " byte " : " bytes ") + shown
                + (droppedCount > SHOWN ? " ..." : "") + ": " + why);
        droppedCount = 0;
    }
}
