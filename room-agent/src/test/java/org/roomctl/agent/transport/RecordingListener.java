package org.roomctl.agent.transport;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a transport reports, for assertions. */
final class RecordingListener implements Transport.Listener {
    final List<String> events = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public void connected() {
        events.add("connected");
    }

    @Override
    public void received(byte[] data) {
        synchronized (bytes) {
            bytes.write(data, 0, data.length);
        }
    }

    @Override
    public void disconnected(String reason) {
        events.add("disconnected: " + reason);
    }

    byte[] bytes() {
        synchronized (bytes) {
            return bytes.toByteArray();
        }
    }

    long count(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).count();
    }
}
