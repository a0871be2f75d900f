package org.roomctl.agent.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connect / read / reconnect loop shared by every transport: one named reader thread per
 * port, a short read timeout so the thread notices {@link #close()} and {@link #reconnect}, and
 * exponential backoff between attempts. Subclasses only know how to open a {@link Link}.
 */
abstract class ReconnectingTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(ReconnectingTransport.class);
    private static final int READ_BUFFER = 4096;

    private final Backoff backoff;
    private final Object writeLock = new Object();
    private final Object pauseLock = new Object();
    private volatile Link link;
    private volatile boolean closed;
    private volatile String reconnectReason;
    private Thread reader;

    ReconnectingTransport(Backoff backoff) {
        this.backoff = backoff;
    }

    /**
     * Opens the link once.
     *
     * @throws IOException whose message says, for a person, why it could not be opened
     */
    protected abstract Link open() throws IOException;

    /** Name of the reader thread, for example {@code serial /dev/ttyUSB0}. */
    protected abstract String threadName();

    @Override
    public synchronized void start(Listener listener) {
        if (reader != null) {
            throw new IllegalStateException(description() + " already started");
        }
        reader = new Thread(() -> run(listener), threadName());
        reader.setDaemon(true);
        reader.start();
    }

    private void run(Listener listener) {
        byte[] buffer = new byte[READ_BUFFER];
        String announced = null;
        while (!closed) {
            Link current;
            try {
                current = open();
            } catch (IOException | RuntimeException e) {
                String reason = reasonOf(e);
                if (!reason.equals(announced)) {
                    log.debug("{}: {}", description(), reason);
                    notify(listener, () -> listener.disconnected(reason));
                    announced = reason;
                }
                pause(backoff.next());
                continue;
            }
            if (closed) {
                current.close();
                break;
            }
            link = current;
            reconnectReason = null;
            announced = null;
            log.debug("{}: connected", description());
            notify(listener, listener::connected);
            String reason = readUntilLost(current, listener, buffer);
            link = null;
            current.close();
            if (!closed) {
                log.debug("{}: {}", description(), reason);
                String lost = reason;
                notify(listener, () -> listener.disconnected(lost));
                announced = reason;
                pause(backoff.next());
            }
        }
    }

    private String readUntilLost(Link current, Listener listener, byte[] buffer) {
        try {
            while (!closed && reconnectReason == null) {
                int n = current.read(buffer);
                if (n > 0) {
                    // Only a link that carried bytes has proven itself: a peer that accepts and
                    // drops at once keeps backing off instead of being hammered.
                    backoff.reset();
                    byte[] bytes = Arrays.copyOf(buffer, n);
                    notify(listener, () -> listener.received(bytes));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (reconnectReason == null && !closed) {
                return reasonOf(e);
            }
        }
        String requested = reconnectReason;
        return requested != null ? requested : "closed";
    }

    /** A listener bug must not end the reader thread: log it as the bug it is and go on. */
    private void notify(Listener listener, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.error("{}: listener failed", description(), e);
        }
    }

    private static String reasonOf(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private void pause(Duration delay) {
        synchronized (pauseLock) {
            if (closed) {
                return;
            }
            try {
                pauseLock.wait(Math.max(1, delay.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
    }

    @Override
    public boolean send(byte[] bytes) {
        Link current = link;
        if (current == null) {
            return false;
        }
        try {
            synchronized (writeLock) {
                current.write(bytes);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            reconnect("write failed: " + reasonOf(e));
            return false;
        }
    }

    @Override
    public void reconnect(String reason) {
        Link current = link;
        if (current != null) {
            reconnectReason = reason;
            current.close();
        }
    }

    @Override
    public boolean isConnected() {
        return link != null;
    }

    @Override
    public void close() {
        closed = true;
        Link current = link;
        if (current != null) {
            current.close();
        }
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
        Thread t;
        synchronized (this) {
            t = reader;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return description();
    }
}
