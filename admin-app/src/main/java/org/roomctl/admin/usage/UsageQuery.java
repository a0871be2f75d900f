package org.roomctl.admin.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.roomctl.schema.Database;

/** Counts calls from the {@code connection} table, by day and by room, over the last weeks. */
public final class UsageQuery {
    private final DSLContext sql;
    private final Clock clock;

    public UsageQuery(Database database, Clock clock) {
        this.sql = database.dsl();
        this.clock = clock;
    }

    /** The last {@code weeks} weeks up to today, days counted in {@code zone}. */
    public Usage lastWeeks(int weeks, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate first = today.minusDays(7L * weeks - 1);
        // Times go to plain SQL as ISO text, cast there: no guessing of bind types.
        String since = first.atStartOfDay(zone).toInstant().toString();
        String now = clock.instant().toString();

        Map<LocalDate, int[]> perDay = new HashMap<>();
        for (Record r : sql.resultQuery(
                """
                SELECT (requested_at AT TIME ZONE ?)::date AS day,
                       count(*) FILTER (WHERE connected_at IS NOT NULL) AS connected,
                       count(*) FILTER (WHERE status = 'failed') AS failed
                FROM connection
                WHERE requested_at >= CAST(? AS timestamptz)
                GROUP BY 1
                """,
                zone.getId(),
                since)) {
            perDay.put(
                    r.get("day", LocalDate.class),
                    new int[] {r.get("connected", Integer.class), r.get("failed", Integer.class)});
        }
        List<Usage.Day> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            int[] n = perDay.getOrDefault(d, new int[2]);
            days.add(new Usage.Day(d, n[0], n[1]));
        }

        List<Usage.RoomCalls> rooms = sql.resultQuery(
                        """
                SELECT m.room, coalesce(r.display_name, r.name) AS name, count(*) AS calls,
                       coalesce(sum(extract(epoch FROM (coalesce(m.ended_at, CAST(? AS timestamptz)) - m.connected_at))), 0) / 60 AS minutes
                FROM (SELECT caller_room AS room, connected_at, ended_at FROM connection
                        WHERE connected_at IS NOT NULL AND requested_at >= CAST(? AS timestamptz)
                      UNION ALL
                      SELECT callee_room AS room, connected_at, ended_at FROM connection
                        WHERE connected_at IS NOT NULL AND requested_at >= CAST(? AS timestamptz)) m
                JOIN room r ON r.id = m.room
                GROUP BY m.room, r.display_name, r.name
                ORDER BY calls DESC, name
                """,
                        now,
                        since,
                        since)
                .fetch(r -> new Usage.RoomCalls(
                        r.get("room", String.class),
                        r.get("name", String.class),
                        r.get("calls", Integer.class),
                        Math.round(r.get("minutes", Double.class))));
        return new Usage(first, today, days, rooms);
    }
}
