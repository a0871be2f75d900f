package org.roomctl.admin.buslog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Where the bus log's live tail has got to. Messages are numbered as they are inserted but
 * become visible as their transactions commit, and those need not commit in number order (two
 * app instances record at once, each a batch in a transaction): after a tail has shown 185..370,
 * 1..184 may still appear. So the tail reads everything above a watermark, below which every
 * number has been shown, and shows each message once. A number still missing is waited for
 * {@link #LATE} and then given up: a batch rolled back, or a duplicate that was not stored,
 * leaves a number unused for ever. While it waits, what was shown above the gap is read again
 * (and skipped), so at rates beyond one read's limit the tail catches up once the wait is over.
 */
public final class TailCursor {
    /** How long a missing number is waited for before it is taken as never coming. */
    public static final Duration LATE = Duration.ofSeconds(5);

    private long watermark;
    /** Numbers above the watermark already shown. */
    private final TreeSet<Long> shown = new TreeSet<>();
    /** Whether the watermark waits at a gap, and since when ({@link System#nanoTime()}). */
    private boolean waiting;

    private long waitingSince;

    /** A tail that starts after message {@code lastId} (the newest when someone starts watching). */
    public TailCursor(long lastId) {
        this.watermark = lastId;
    }

    /** Read the messages numbered above this. */
    public long after() {
        return watermark;
    }

    /**
     * Takes the messages read above {@link #after()}, oldest first, and returns those not shown
     * yet, in the same order.
     */
    public List<BusRow> take(List<BusRow> read, long nowNanos) {
        List<BusRow> fresh = new ArrayList<>();
        for (BusRow r : read) {
            if (r.id() > watermark && shown.add(r.id())) {
                fresh.add(r);
            }
        }
        advance(nowNanos);
        return fresh;
    }

    private void advance(long now) {
        while (true) {
            boolean moved = false;
            while (shown.remove(watermark + 1)) {
                watermark++;
                moved = true;
            }
            if (shown.isEmpty()) {
                waiting = false;
                return;
            }
            if (moved || !waiting) {
                waiting = true;
                waitingSince = now;
                return;
            }
            if (now - waitingSince < LATE.toNanos()) {
                return;
            }
            // Waited long enough: the missing numbers up to the next shown one never come.
            watermark = shown.first() - 1;
            waiting = false;
        }
    }
}
