package org.roomctl.sim.wolfprot;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a WolfProt byte stream into messages: header ({@code 00} GET or {@code 01} SET), command,
 * length, then that many data bytes. A byte that cannot start a message, or a length beyond
 * {@link #MAX_DATA}, is skipped and the search starts again at the next byte; a message left
 * half-finished for longer than the inter-byte gap is dropped, as a device's receiver times out,
 * so a truncated message cannot swallow the next one.
 */
public final class WolfProtFramer {
    /** The most data bytes a message to the device carries. */
    public static final int MAX_DATA = 32;

    private final long gapNanos;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private long lastByteAt;

    /** @param gapNanos a pause this long between bytes abandons a half-received message */
    public WolfProtFramer(long gapNanos) {
        this.gapNanos = gapNanos;
    }

    /** Feeds bytes that arrived at {@code now}; returns the messages they complete. */
    public List<byte[]> feed(byte[] data, long now) {
        if (buffer.size() > 0 && now - lastByteAt > gapNanos) {
            buffer.reset();
        }
        lastByteAt = now;
        List<byte[]> messages = new ArrayList<>();
        for (byte b : data) {
            buffer.write(b);
            byte[] pending = buffer.toByteArray();
            int start = 0;
            while (start < pending.length) {
                int header = pending[start] & 0xFF;
                if (header != 0x00 && header != 0x01) {
                    start++;
                    continue;
                }
                if (pending.length - start < 3) {
                    break;
                }
                int length = pending[start + 2] & 0xFF;
                if (length > MAX_DATA) {
                    start++;
                    continue;
                }
                if (pending.length - start < 3 + length) {
                    break;
                }
                messages.add(Arrays.copyOfRange(pending, start, start + 3 + length));
                start += 3 + length;
            }
            buffer.reset();
            buffer.write(pending, start, pending.length - start);
        }
        return messages;
    }
}
