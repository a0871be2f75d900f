package org.roomctl.fleet.recorder;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.roomctl.contract.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what the recorder's connections receive, batch after batch, and acknowledges each
 * message on its connection once its batch is committed. One thread writes, so messages are
 * committed, and acknowledged, in the order they arrived (MQTT requires acknowledgements in
 * the order messages came on a connection); batches mix the connections, so every commit
 * carries as much as arrived meanwhile. While the database fails, it keeps the batch and tries
 * again with growing pauses, acknowledging nothing: the broker holds back once a connection's
 * receive maximum is unacknowledged, and keeps the rest.
 */
final class Committer implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Committer.class);

    private final String name;
    private final Inbox inbox;
    private final RecordWriter writer;
    private final Topics topics;
    private final RecorderSettings settings;
    private final Clock clock;
    private final RecordStats stats;
    private volatile int inBatch;
    private volatile boolean failing;
    private volatile long stopDeadline = Long.MAX_VALUE;
    private volatile boolean stopping;

    Committer(
            String name,
            Inbox inbox,
            RecordWriter writer,
            Topics topics,
            RecorderSettings settings,
            Clock clock,
            RecordStats stats) {
        this.name = name;
        this.inbox = inbox;
        this.writer = writer;
        this.topics = topics;
        this.settings = settings;
        this.clock = clock;
        this.stats = stats;
    }

    /** Received here and not yet committed. */
    int pending() {
        return inbox.size() + inBatch;
    }

    /** Whether the last attempt to write failed. */
    boolean failing() {
        return failing;
    }

    /** Finish what was received, giving up at {@code deadlineNanos} ({@link System#nanoTime()}). */
    void stop(long deadlineNanos) {
        stopDeadline = deadlineNanos;
        stopping = true;
    }

    @Override
    public void run() {
        long backoff = settings.retryMin().toNanos();
        List<Lane.Received> batch = List.of();
        List<RecordRow> rows = List.of();
        long failingSince = 0;
        try {
            while (true) {
                if (batch.isEmpty()) {
                    if (stopping && (inbox.size() == 0 || System.nanoTime() > stopDeadline)) {
                        return;
                    }
                    batch = inbox.nextBatch(
                            settings.batchSize(),
                            settings.batchBytes(),
                            settings.batchDelay().toNanos(),
                            settings.quietGap().toNanos(),
                            100);
                    inBatch = batch.size();
                    if (batch.isEmpty()) {
                        continue;
                    }
                    rows = rows(batch);
                }
                try {
                    long t0 = System.nanoTime();
                    RecordWriter.Outcome o = writer.write(rows);
                    long took = System.nanoTime() - t0;
                    for (Lane.Received r : batch) {
                        r.lane().ack(r);
                    }
                    stats.committed(o, took, clock.instant());
                    if (failing) {
                        failing = false;
                        log.info(
                                "bus record {}: writing again after {} s, {} messages waiting",
                                name,
                                (System.nanoTime() - failingSince) / 1_000_000_000L,
                                inbox.size());
                    }
                    batch = List.of();
                    inBatch = 0;
                    backoff = settings.retryMin().toNanos();
                } catch (SQLException | RuntimeException e) {
                    // Unreachable, shutting down, out of connections: keep the batch, acknowledge
                    // nothing, try again.
                    stats.failed(e.getMessage(), clock.instant());
                    if (!failing) {
                        failing = true;
                        failingSince = System.nanoTime();
                        log.warn(
                                "bus record {}: cannot write {} messages, trying again until it works: {}",
                                name,
                                batch.size(),
                                e.getMessage());
                    }
                    if (stopping && System.nanoTime() > stopDeadline) {
                        log.warn(
                                "bus record {}: closing with {} messages unwritten; the broker sends them again",
                                name,
                                batch.size() + inbox.size());
                        return;
                    }
                    TimeUnit.NANOSECONDS.sleep(backoff);
                    backoff = Math.min(backoff * 2, settings.retryMax().toNanos());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<RecordRow> rows(List<Lane.Received> batch) {
        List<RecordRow> list = new ArrayList<>(batch.size());
        Instant now = clock.instant();
        for (Lane.Received r : batch) {
            try {
                list.add(RecordRow.of(r.message(), topics, now));
            } catch (RuntimeException e) {
                // A bug, not input: any message makes a row. Keep recording the others.
                log.error("bus record {}: cannot make a row of {}", name, r.message(), e);
                stats.rejected.incrementAndGet();
            }
        }
        return list;
    }
}
