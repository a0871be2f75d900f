package org.roomctl.fleet.recorder;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** What a recorder's writers have done, shared by them all. */
final class RecordStats {
    final AtomicLong recorded = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong purged = new AtomicLong();
    final AtomicLong writeNanos = new AtomicLong();
    volatile Instant lastCommitAt;
    volatile String lastError;
    volatile Instant lastErrorAt;

    void committed(RecordWriter.Outcome o, long nanos, Instant at) {
        writeNanos.addAndGet(nanos);
        recorded.addAndGet(o.inserted());
        duplicates.addAndGet(o.duplicates());
        rejected.addAndGet(o.rejected());
        batches.incrementAndGet();
        lastCommitAt = at;
    }

    void failed(String message, Instant at) {
        lastError = message;
        lastErrorAt = at;
    }
}
