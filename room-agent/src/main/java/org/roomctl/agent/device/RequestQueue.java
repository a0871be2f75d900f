package org.roomctl.agent.device;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Predicate;
import org.roomctl.agent.transport.Transport;

/**
 * For protocols with one request on the wire at a time (PJLink, WolfProt, VISCA inquiries): a
 * FIFO of requests, each sent when the one before has its answer, each with its own timeout.
 * Every method must be called on the device's executor.
 *
 * @param <R> a decoded reply
 */
public final class RequestQueue<R> {
    private record Pending<R>(byte[] bytes, Predicate<R> accepts, String what, CompletableFuture<R> result) {}

    private final Transport transport;
    private final DeviceRuntime runtime;
    private final Executor executor;
    private final Duration timeout;
    private final int capacity;
    private final Deque<Pending<R>> waiting = new ArrayDeque<>();
    private Pending<R> inFlight;
    private ScheduledFuture<?> timer;

    /**
     * @param timeout how long one request may wait for its answer once sent
     * @param capacity requests that may wait behind the one in flight before BUSY is answered
     */
    public RequestQueue(Transport transport, DeviceRuntime runtime, Executor executor, Duration timeout, int capacity) {
        this.transport = transport;
        this.runtime = runtime;
        this.executor = executor;
        this.timeout = timeout;
        this.capacity = capacity;
    }

    /**
     * Queues a request.
     *
     * @param bytes what to send
     * @param accepts whether a decoded reply answers this request
     * @param what for messages, for example "power query"
     * @return the reply that answered it; fails with TIMEOUT, BUSY or DEVICE_OFFLINE
     */
    public CompletableFuture<R> submit(byte[] bytes, Predicate<R> accepts, String what) {
        CompletableFuture<R> result = new CompletableFuture<>();
        if (waiting.size() >= capacity) {
            result.completeExceptionally(
                    DeviceException.busy(what + ": " + capacity + " commands are already waiting"));
            return result;
        }
        waiting.add(new Pending<>(bytes, accepts, what, result));
        sendNext();
        return result;
    }

    /**
     * A reply arrived. If it answers the request in flight, that request completes with it.
     *
     * @return whether the reply was taken; false for an unsolicited or stray reply
     */
    public boolean offer(R reply) {
        Pending<R> p = inFlight;
        if (p == null || !p.accepts.test(reply)) {
            return false;
        }
        finish();
        p.result.complete(reply);
        sendNext();
        return true;
    }

    /** Whether a request is waiting for its answer. */
    public boolean busy() {
        return inFlight != null;
    }

    /** Fails the request in flight and every waiting one. */
    public void failAll(DeviceException why) {
        Pending<R> p = inFlight;
        finish();
        if (p != null) {
            p.result.completeExceptionally(why);
        }
        while (!waiting.isEmpty()) {
            waiting.poll().result.completeExceptionally(why);
        }
    }

    private void finish() {
        inFlight = null;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void sendNext() {
        while (inFlight == null && !waiting.isEmpty()) {
            Pending<R> p = waiting.poll();
            if (p.result.isDone()) {
                continue;
            }
            if (!transport.send(p.bytes)) {
                p.result.completeExceptionally(DeviceException.offline(p.what + ": not connected"));
                continue;
            }
            inFlight = p;
            timer = runtime.schedule(executor, timeout, () -> {
                if (inFlight == p) {
                    finish();
                    p.result.completeExceptionally(
                            DeviceException.timeout(p.what + ": no answer within " + timeout.toMillis() + " ms"));
                    sendNext();
                }
            });
        }
    }
}
