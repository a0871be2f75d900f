package org.roomctl.admin.buslog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.roomctl.admin.http.Fmt;
import org.roomctl.admin.http.Problem;
import org.roomctl.contract.bus.TopicFilter;

/**
 * A search of the bus record.
 *
 * @param topic an MQTT topic filter: {@code +} matches one level, a final {@code #} any number
 *     (null: any topic)
 * @param room a room id (null: any)
 * @param from received at or after (null: any time)
 * @param to received before (null: now)
 * @param text words the payload contains, in any case (null: any)
 * @param before only messages with a smaller id (the next page), or null
 */
public record BusSearch(String topic, String room, Instant from, Instant to, String text, Long before) {
    public static final int PAGE = 100;

    public BusSearch {
        if (topic != null) {
            checkFilter(topic);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw Problem.badRequest("the start of the range must be before its end");
        }
    }

    /**
     * @throws Problem saying what is wrong with the filter
     */
    static void checkFilter(String filter) {
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String l = levels[i];
            if (l.contains("#") && (!l.equals("#") || i != levels.length - 1)) {
                throw Problem.badRequest("topic filter '" + filter + "': '#' must be a whole level, and the last one");
            }
            if (l.contains("+") && !l.equals("+")) {
                throw Problem.badRequest("topic filter '" + filter + "': '+' must be a whole level, as in a/+/c");
            }
        }
    }

    /** Whether the filter has wildcards (without them it is one exact topic). */
    boolean wildcard() {
        return topic != null && (topic.contains("+") || topic.contains("#"));
    }

    /** The filter as a PostgreSQL regular expression over the whole topic. */
    String topicRegex() {
        StringBuilder re = new StringBuilder("^");
        String[] levels = topic.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String l = levels[i];
            if (l.equals("#")) {
                // 'a/#' matches 'a' itself too; '#' alone matches everything.
                if (i == 0) {
                    return ".*";
                }
                re.setLength(re.length() - 1); // the '/' before it
                re.append("(/.*)?");
                break;
            }
            re.append(l.equals("+") ? "[^/]*" : quote(l));
            if (i < levels.length - 1) {
                re.append('/');
            }
        }
        return re.append('$').toString();
    }

    /** A literal for a PostgreSQL regular expression (ARE): every non-alphanumeric character escaped. */
    static String quote(String literal) {
        StringBuilder sb = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if (!Character.isLetterOrDigit(c) && c != '_' && c != '-') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Whether a message matches (for the live tail, which filters in memory). */
    public boolean matches(BusRow m) {
        if (topic != null && !TopicFilter.matches(topic, m.topic())) {
            return false;
        }
        if (room != null && !room.equals(m.room())) {
            return false;
        }
        if (text != null
                && (m.text() == null || !m.text().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT)))) {
            return false;
        }
        return (from == null || !m.receivedAt().isBefore(from))
                && (to == null || m.receivedAt().isBefore(to));
    }

    public String query(ZoneId zone) {
        StringBuilder q = new StringBuilder();
        add(q, "topic", topic);
        add(q, "room", room);
        add(q, "from", from == null ? null : Fmt.input(from, zone));
        add(q, "to", to == null ? null : Fmt.input(to, zone));
        add(q, "text", text);
        return q.toString();
    }

    private static void add(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append(q.isEmpty() ? "" : "&")
                    .append(name)
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
