package org.roomctl.fleet.recorder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Deletes recorded messages older than the retention, a small batch per transaction so that no
 * lock is held for long and the recorders keep writing meanwhile. Several instances may purge at
 * once: each skips the rows another is deleting ({@code SKIP LOCKED}) instead of waiting.
 */
final class RecordRetention {
    private static final String DELETE_BATCH =
            """
            DELETE FROM bus_message WHERE id IN (
                SELECT id FROM bus_message WHERE received_at < ?
                ORDER BY received_at LIMIT ? FOR UPDATE SKIP LOCKED)
            """;

    /** A breath between batches, so that a long purge leaves the disk to the writers. */
    private static final Duration PAUSE = Duration.ofMillis(20);

    private final DataSource dataSource;
    private final Duration retention;
    private final int batch;
    private final Clock clock;

    RecordRetention(DataSource dataSource, Duration retention, int batch, Clock clock) {
        this.dataSource = dataSource;
        this.retention = retention;
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * Deletes everything older than the retention, batch by batch.
     *
     * @return how many rows were deleted
     * @throws SQLException when the database fails (what was deleted stays deleted)
     */
    long purge() throws SQLException, InterruptedException {
        Instant cutoff = clock.instant().minus(retention);
        long deleted = 0;
        while (true) {
            int n;
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement(DELETE_BATCH)) {
                s.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
                s.setInt(2, batch);
                n = s.executeUpdate();
            }
            deleted += n;
            if (n < batch) {
                return deleted;
            }
            Thread.sleep(PAUSE.toMillis());
        }
    }
}
