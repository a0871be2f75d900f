package org.roomctl.agent.simit;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.roomctl.agent.transport.Transport;

/**
 * A bare link to a simulated device without a driver: what a technician with a terminal would
 * have. Used to set up the far side of a test (a codec's auto-answer, say), never to test a driver.
 */
final class RawLine implements AutoCloseable {
    private final Transport transport;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private volatile boolean connected;

    RawLine(Transport transport) {
        this.transport = transport;
        transport.start(new Transport.Listener() {
            @Override
            public void connected() {
                connected = true;
            }

            @Override
            public void received(byte[] bytes) {
                synchronized (received) {
                    received.writeBytes(bytes);
                }
            }

            @Override
            public void disconnected(String reason) {
                connected = false;
            }
        });
    }

    /** Types a line (CR LF) once the link is up, and waits until the answer contains {@code expected}. */
    void type(String line, String expected) {
        await().atMost(Driven.WAIT).until(() -> connected);
        transport.send((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        await().alias("answer to " + line + " containing " + expected)
                .atMost(Driven.WAIT)
                .until(() -> text().contains(expected));
    }

    String text() {
        synchronized (received) {
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
