package org.roomctl.agent.pjlink;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.roomctl.agent.device.DeviceRuntime;
import org.roomctl.agent.transport.Transport;

/**
 * A transport that hides a display hanging up an idle connection. Many projectors close a PJLink
 * connection after about 30 s without a command; the wrapped transport reconnects at once, and
 * the display has not gone anywhere. While the display is healthy ({@link Session#mayHideLoss}),
 * a loss is reported to the session ({@link Session#lostQuietly}) instead of to the device's
 * supervision, and the following connection to {@link Session#reconnectedQuietly}. Only when the
 * reconnect fails, or does not succeed within the grace period, is the loss passed on as usual
 * (and the device goes offline).
 *
 * <p>Thread-safe: the wrapped transport calls from its reader thread, the grace timer from the
 * runtime's scheduler. The listener and session only enqueue work on the device's executor, so
 * they are called under this object's lock to keep their order.
 */
final class QuietReconnectTransport implements Transport {

    /** The display's side of the arrangement. Its methods must return at once. */
    interface Session {
        /** Whether a loss now may be hidden: the display was answering. Any thread. */
        boolean mayHideLoss();

        /** The link dropped and is being re-established without telling supervision. */
        void lostQuietly(String reason);

        /** A hidden loss is over: a new connection is up. */
        void reconnectedQuietly();
    }

    private final Transport inner;
    private final DeviceRuntime runtime;
    private final Duration grace;
    private final Object lock = new Object();
    private Session session;
    private Listener outer;
    private String hiddenLoss;
    private ScheduledFuture<?> graceTimer;

    /**
     * @param grace how long a reconnect may take before the loss is reported after all
     */
    QuietReconnectTransport(Transport inner, DeviceRuntime runtime, Duration grace) {
        this.inner = inner;
        this.runtime = runtime;
        this.grace = grace;
    }

    /** Sets who decides and hears about hidden losses; call before {@link #start}. */
    void bind(Session session) {
        synchronized (lock) {
            this.session = session;
        }
    }

    @Override
    public void start(Listener listener) {
        synchronized (lock) {
            outer = listener;
        }
        inner.start(new Listener() {
            @Override
            public void connected() {
                synchronized (lock) {
                    if (hiddenLoss != null) {
                        endHiding();
                        session.reconnectedQuietly();
                    } else {
                        outer.connected();
                    }
                }
            }

            @Override
            public void received(byte[] bytes) {
                synchronized (lock) {
                    outer.received(bytes);
                }
            }

            @Override
            public void disconnected(String reason) {
                synchronized (lock) {
                    if (hiddenLoss != null) {
                        // The reconnect itself failed: the display is really gone.
                        endHiding();
                        outer.disconnected(reason);
                    } else if (session != null && session.mayHideLoss()) {
                        hiddenLoss = reason;
                        graceTimer = runtime.scheduler()
                                .schedule(
                                        QuietReconnectTransport.this::graceOver,
                                        grace.toNanos(),
                                        java.util.concurrent.TimeUnit.NANOSECONDS);
                        session.lostQuietly(reason);
                    } else {
                        outer.disconnected(reason);
                    }
                }
            }
        });
    }

    private void graceOver() {
        synchronized (lock) {
            if (hiddenLoss != null) {
                String reason = hiddenLoss;
                endHiding();
                outer.disconnected(reason + " (not reconnected within " + grace.toMillis() + " ms)");
            }
        }
    }

    private void endHiding() {
        hiddenLoss = null;
        if (graceTimer != null) {
            graceTimer.cancel(false);
            graceTimer = null;
        }
    }

    @Override
    public boolean send(byte[] bytes) {
        return inner.send(bytes);
    }

    @Override
    public void reconnect(String reason) {
        inner.reconnect(reason);
    }

    @Override
    public boolean isConnected() {
        return inner.isConnected();
    }

    @Override
    public String description() {
        return inner.description();
    }

    @Override
    public void close() {
        synchronized (lock) {
            endHiding();
        }
        inner.close();
    }

    @Override
    public String toString() {
        return inner.toString();
    }
}
