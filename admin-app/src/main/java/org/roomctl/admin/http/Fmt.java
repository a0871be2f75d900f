package org.roomctl.admin.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How times and durations read on the console's pages. */
public final class Fmt {
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM d HH:mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private Fmt() {}

    public static String time(Instant t, ZoneId zone) {
        return t == null ? "" : FULL.format(t.atZone(zone));
    }

    public static String shortTime(Instant t, ZoneId zone) {
        return t == null ? "" : SHORT.format(t.atZone(zone));
    }

    /** As a datetime-local field shows it. */
    public static String input(Instant t, ZoneId zone) {
        return t == null ? "" : INPUT.format(t.atZone(zone));
    }

    /** "12 s", "4 min", "1 h 05 min", "3 d 2 h". */
    public static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min";
        }
        if (s < 86_400) {
            return (s / 3600) + " h " + String.format("%02d", (s % 3600) / 60) + " min";
        }
        return (s / 86_400) + " d " + (s % 86_400) / 3600 + " h";
    }

    public static String since(Instant t, Instant now) {
        return t == null ? "" : duration(Duration.between(t, now));
    }

    public static String ago(Instant t, Instant now) {
        return t == null ? "never" : duration(Duration.between(t, now)) + " ago";
    }
}
