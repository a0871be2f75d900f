package org.roomctl.admin.connections;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.roomctl.admin.http.Fmt;
import org.roomctl.admin.http.Problem;

/**
 * A search of the connection history.
 *
 * @param room a room id, or part of a room's name (either end)
 * @param site a site (either end)
 * @param from requested at or after (null: any time)
 * @param to requested before (null: now)
 * @param outcome all, open, connected (reached the call), ended, failed
 * @param before only connections with a smaller id (the next page), or null
 * @param limit at most this many
 */
public record HistoryFilter(
        String room, String site, Instant from, Instant to, String outcome, Long before, int limit) {
    public static final List<String> OUTCOMES = List.of("all", "open", "connected", "ended", "failed");
    public static final int PAGE = 50;
    public static final int MAX_EXPORT = 100_000;

    public HistoryFilter {
        outcome = outcome == null ? "all" : outcome;
        if (!OUTCOMES.contains(outcome)) {
            throw Problem.badRequest("outcome '" + outcome + "' is not one of " + String.join(", ", OUTCOMES));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw Problem.badRequest("the start of the range must be before its end");
        }
    }

    /** As query parameters, for the next page's link and the CSV export. */
    public String query(ZoneId zone) {
        StringBuilder q = new StringBuilder("outcome=" + outcome);
        add(q, "room", room);
        add(q, "site", site);
        add(q, "from", from == null ? null : Fmt.input(from, zone));
        add(q, "to", to == null ? null : Fmt.input(to, zone));
        return q.toString();
    }

    private static void add(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
