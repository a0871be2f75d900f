package org.roomctl.sim.runtime;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** Small helpers for byte arrays. */
public final class Bytes {
    private Bytes() {}

    /** The packets one after another. */
    public static byte[] concat(List<byte[]> packets) {
        if (packets.isEmpty()) {
            return StreamDevice.NOTHING;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        packets.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
