package org.roomctl.sim.transport;

import java.io.ByteArrayOutputStream;
import org.roomctl.sim.wire.ByteSink;

/** Collects what a transport hands on, for tests to wait for. */
final class ReceivedBytes implements ByteSink {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(byte[] data) {
        bytes.writeBytes(data);
    }

    synchronized byte[] all() {
        return bytes.toByteArray();
    }
}
