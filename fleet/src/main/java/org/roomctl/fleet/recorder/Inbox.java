package org.roomctl.fleet.recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The messages received and not yet written, in arrival order, taken out a batch at a time. QoS 0
 * messages are dropped (and counted) when too much is waiting, as when the database has been
 * down for a while: they were sent at most once anyway. QoS 1 messages are always kept (dropping
 * one unacknowledged would leave it with the broker until the next reconnect): the broker's flow
 * control bounds them, as it sends a connection no more than its receive maximum (1000) of them
 * unacknowledged.
 */
final class Inbox {
    /** Payload bytes held at most before QoS 0 messages are dropped. */
    static final long MAX_BYTES = 64L << 20;

    private final LinkedBlockingQueue<Lane.Received> queue = new LinkedBlockingQueue<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final int maxMessages;

    Inbox(int maxMessages) {
        this.maxMessages = maxMessages;
    }

    /** Takes a message in; false if it was dropped. Never blocks. */
    boolean offer(Lane.Received r) {
        if (r.message().qos() == 0 && (queue.size() >= maxMessages || bytes.get() >= MAX_BYTES)) {
            dropped.incrementAndGet();
            return false;
        }
        bytes.addAndGet(r.message().payload().length);
        queue.add(r);
        return true;
    }

    /**
     * The next batch: waits up to {@code waitMillis} for a first message (empty if none came),
     * then takes more until the batch has {@code maxRows} rows or {@code maxBytes} payload bytes,
     * {@code maxDelayNanos} have passed since the first was taken, or nothing arrived for
     * {@code quietNanos}: under load batches fill up, and a quiet bus is written at once.
     */
    List<Lane.Received> nextBatch(int maxRows, long maxBytes, long maxDelayNanos, long quietNanos, long waitMillis)
            throws InterruptedException {
        List<Lane.Received> batch = new ArrayList<>();
        Lane.Received first = queue.poll(waitMillis, TimeUnit.MILLISECONDS);
        if (first == null) {
            return batch;
        }
        long deadline = System.nanoTime() + maxDelayNanos;
        long size = take(batch, first);
        while (batch.size() < maxRows && size < maxBytes) {
            Lane.Received next = queue.poll();
            if (next == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                next = queue.poll(Math.min(left, quietNanos), TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
            }
            size += take(batch, next);
        }
        return batch;
    }

    private long take(List<Lane.Received> batch, Lane.Received r) {
        batch.add(r);
        int n = r.message().payload().length;
        bytes.addAndGet(-n);
        return n;
    }

    int size() {
        return queue.size();
    }

    long dropped() {
        return dropped.get();
    }
}
