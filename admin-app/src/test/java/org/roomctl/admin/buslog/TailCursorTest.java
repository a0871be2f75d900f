package org.roomctl.admin.buslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TailCursorTest {
    private static final long SECOND = 1_000_000_000L;

    private static List<BusRow> rows(long... ids) {
        return Arrays.stream(ids)
                .mapToObj(id -> new BusRow(id, Instant.EPOCH, "t", "r", "", 0, 1, false))
                .toList();
    }

    private static List<Long> ids(List<BusRow> rows) {
        return rows.stream().map(BusRow::id).toList();
    }

    @Test
    void showsWhatComesInOrderOnceAndMovesOn() {
        TailCursor c = new TailCursor(10);
        assertThat(ids(c.take(rows(11, 12, 13), SECOND))).containsExactly(11L, 12L, 13L);
        assertThat(c.after()).isEqualTo(13);
        assertThat(c.take(rows(), 2 * SECOND)).isEmpty();
    }

    @Test
    void aMessageCommittedAfterAHigherOneIsStillShown() {
        TailCursor c = new TailCursor(10);
        // 11 and 12 are in a transaction not yet committed; 13 and 14 are visible.
        assertThat(ids(c.take(rows(13, 14), SECOND))).containsExactly(13L, 14L);
        assertThat(c.after()).isEqualTo(10); // keeps reading from before the gap
        assertThat(c.take(rows(13, 14), 2 * SECOND)).isEmpty(); // not shown twice
        assertThat(ids(c.take(rows(11, 12, 13, 14, 15), 3 * SECOND))).containsExactly(11L, 12L, 15L);
        assertThat(c.after()).isEqualTo(15);
    }

    @Test
    void aNumberThatNeverComesIsGivenUpAfterAWhile() {
        TailCursor c = new TailCursor(10);
        c.take(rows(12, 13), SECOND); // 11: a duplicate that was not stored
        assertThat(c.after()).isEqualTo(10);
        c.take(rows(12, 13), SECOND + TailCursor.LATE.toNanos() - 1);
        assertThat(c.after()).isEqualTo(10);
        assertThat(ids(c.take(rows(12, 13, 14), SECOND + TailCursor.LATE.toNanos())))
                .containsExactly(14L);
        assertThat(c.after()).isEqualTo(14);
    }

    @Test
    void aGapFurtherOnWaitsItsOwnTime() {
        TailCursor c = new TailCursor(10);
        c.take(rows(12), SECOND);
        c.take(rows(12, 14), SECOND + TailCursor.LATE.toNanos()); // 11 given up; now waiting for 13
        assertThat(c.after()).isEqualTo(12);
        c.take(rows(14), 2 * SECOND + TailCursor.LATE.toNanos() - 1);
        assertThat(c.after()).isEqualTo(12);
        c.take(rows(14), 2 * SECOND + 2 * TailCursor.LATE.toNanos());
        assertThat(c.after()).isEqualTo(14);
    }
}
