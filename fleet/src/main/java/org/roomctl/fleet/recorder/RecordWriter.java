package org.roomctl.fleet.recorder;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes rows to {@code bus_message}: a batch is one multi-row insert (the rows passed as one
 * array per column and unnested, so the statement is the same whatever the batch size and
 * PostgreSQL plans it once), one transaction, and a row whose dedupe key is already there is
 * skipped. A batch the database refuses for what is in it (not for being unreachable) is written
 * row by row, and a row refused even then is written without its text and properties.
 */
final class RecordWriter {
    private static final Logger log = LoggerFactory.getLogger(RecordWriter.class);

    private static final String INSERT =
            """
            INSERT INTO bus_message
                (received_at, topic, room_id, payload, payload_text, qos, retained, properties, dedupe_key)
            SELECT timestamptz 'epoch' + r.micros * interval '1 microsecond', r.topic, r.room_id, r.payload,
                   r.payload_text, r.qos, r.retained, r.properties::jsonb, r.dedupe_key
            FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::bytea[], ?::varchar[], ?::smallint[],
                        ?::boolean[], ?::varchar[], ?::varchar[])
                AS r(micros, topic, room_id, payload, payload_text, qos, retained, properties, dedupe_key)
            ON CONFLICT (dedupe_key) DO NOTHING
            """;

    /** What a write did. */
    record Outcome(int inserted, int duplicates, int rejected) {}

    private final DataSource dataSource;

    RecordWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Writes the rows, committed when this returns.
     *
     * @throws SQLException when the database is unavailable (nothing or part was written; writing
     *     the same rows again is safe)
     */
    Outcome write(List<RecordRow> rows) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try {
                int inserted = insert(c, rows);
                return new Outcome(inserted, rows.size() - inserted, 0);
            } catch (SQLException e) {
                if (!refusedForContent(e)) {
                    throw e;
                }
                log.warn(
                        "bus record: the database refused a batch of {} ({}); writing it row by row",
                        rows.size(),
                        e.getMessage());
                return oneByOne(c, rows);
            }
        }
    }

    private Outcome oneByOne(Connection c, List<RecordRow> rows) throws SQLException {
        int inserted = 0;
        int duplicates = 0;
        int rejected = 0;
        for (RecordRow row : rows) {
            int n;
            try {
                n = insert(c, List.of(row));
            } catch (SQLException e) {
                if (!refusedForContent(e)) {
                    throw e;
                }
                try {
                    n = insert(c, List.of(row.bare()));
                    log.warn(
                            "bus record: message on {} stored without text and properties: {}",
                            row.topic(),
                            e.getMessage());
                } catch (SQLException again) {
                    if (!refusedForContent(again)) {
                        throw again;
                    }
                    log.error("bus record: message on {} cannot be stored: {}", row.topic(), again.getMessage());
                    rejected++;
                    continue;
                }
            }
            inserted += n;
            duplicates += 1 - n;
        }
        return new Outcome(inserted, duplicates, rejected);
    }

    private static int insert(Connection c, List<RecordRow> rows) throws SQLException {
        int n = rows.size();
        long[] micros = new long[n];
        String[] topic = new String[n];
        String[] room = new String[n];
        byte[][] payload = new byte[n][];
        String[] text = new String[n];
        short[] qos = new short[n];
        boolean[] retained = new boolean[n];
        String[] properties = new String[n];
        String[] key = new String[n];
        for (int i = 0; i < n; i++) {
            RecordRow r = rows.get(i);
            micros[i] = r.receivedAt().getEpochSecond() * 1_000_000L
                    + r.receivedAt().getNano() / 1000;
            topic[i] = r.topic();
            room[i] = r.roomId();
            payload[i] = r.payload();
            text[i] = r.payloadText();
            qos[i] = (short) r.qos();
            retained[i] = r.retained();
            properties[i] = r.properties();
            key[i] = r.dedupeKey();
        }
        // The driver's own arrays take primitives too, and send them in binary.
        PGConnection pg = c.unwrap(PGConnection.class);
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            Array[] arrays = {
                pg.createArrayOf("int8", micros),
                pg.createArrayOf("varchar", topic),
                pg.createArrayOf("varchar", room),
                pg.createArrayOf("bytea", payload),
                pg.createArrayOf("varchar", text),
                pg.createArrayOf("int2", qos),
                pg.createArrayOf("bool", retained),
                pg.createArrayOf("varchar", properties),
                pg.createArrayOf("varchar", key)
            };
            for (int i = 0; i < arrays.length; i++) {
                s.setArray(i + 1, arrays[i]);
            }
            return s.executeUpdate();
        }
    }

    /**
     * Whether the database refused the statement for what the rows hold (data exception,
     * constraint, a value too large for an index) rather than for being unreachable, shutting
     * down or overloaded: only then does writing it again, the same way, fail again.
     */
    static boolean refusedForContent(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"));
    }
}
