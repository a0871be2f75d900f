package org.roomctl.sim.visca;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a VISCA byte stream into packets. {@code FF} never occurs inside a packet, so a packet is
 * everything up to and including the next {@code FF}; one longer than 16 bytes is garbage and is
 * reported as too long (with its first 16 bytes, so the header is known) once its {@code FF} has
 * resynchronised the stream.
 */
public final class ViscaFramer {
    /** The longest packet: header, 14 data bytes, terminator. */
    public static final int MAX_PACKET = 16;

    private static final byte TERMINATOR = (byte) 0xFF;

    /**
     * One packet cut from the stream.
     *
     * @param bytes the packet with its terminator, or the first 16 bytes of one too long
     * @param tooLong whether the packet was longer than 16 bytes
     */
    public record Frame(byte[] bytes, boolean tooLong) {}

    private final byte[] buffer = new byte[MAX_PACKET];
    private int length;
    private boolean overflow;

    /** Feeds bytes in any pieces; returns the packets they complete. */
    public List<Frame> feed(byte[] data) {
        List<Frame> frames = new ArrayList<>();
        for (byte b : data) {
            if (!overflow && length == MAX_PACKET) {
                overflow = true;
            }
            if (overflow) {
                if (b == TERMINATOR) {
                    frames.add(new Frame(Arrays.copyOf(buffer, MAX_PACKET), true));
                    length = 0;
                    overflow = false;
                }
                continue;
            }
            buffer[length++] = b;
            if (b == TERMINATOR) {
                frames.add(new Frame(Arrays.copyOf(buffer, length), false));
                length = 0;
            }
        }
        return frames;
    }
}
