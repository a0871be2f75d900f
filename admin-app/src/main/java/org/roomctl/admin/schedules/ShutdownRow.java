package org.roomctl.admin.schedules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.roomctl.fleet.schedule.ShutdownRun;
import org.roomctl.fleet.schedule.SiteShutdown;

/**
 * A site's end-of-day shutdown as the console lists it.
 *
 * @param shutdown the shutdown
 * @param nextRun when it runs next (null when disabled)
 * @param runs its site's latest runs, the latest first
 */
public record ShutdownRow(SiteShutdown shutdown, Instant nextRun, List<ShutdownRun> runs) {
    /** How many days ahead a next run is looked for: today, tomorrow, and the day after. */
    static final int DAYS_AHEAD = 3;

    public long id() {
        return shutdown.id();
    }

    /**
     * Its next run as the scheduler will do it: the first of the site's days, from today, whose
     * shutdown time is still to come, is not before the shutdown was last changed, and has no
     * run yet (a time moved later on a day it already ran waits for tomorrow). Null when disabled.
     *
     * @param daysRun the site's days that have a run already
     */
    static Instant nextRun(SiteShutdown s, Collection<LocalDate> daysRun, Instant now) {
        if (!s.enabled()) {
            return null;
        }
        LocalDate today = now.atZone(s.zone()).toLocalDate();
        for (int i = 0; i < DAYS_AHEAD; i++) {
            LocalDate day = today.plusDays(i);
            Instant at = s.dueOn(day);
            if (at.isAfter(now) && !at.isBefore(s.updatedAt()) && !daysRun.contains(day)) {
                return at;
            }
        }
        return null;
    }

    /** How a run went for the rooms, counted: "3 ok, 1 skipped". */
    public static String summary(ShutdownRun run) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        run.rooms().forEach(r -> counts.merge(r.outcome(), 1L, Long::sum));
        if (counts.isEmpty()) {
            return "no room";
        }
        return String.join(
                ", ",
                counts.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey())
                        .toList());
    }

    /** The site's latest runs and its next. */
    static ShutdownRow of(SiteShutdown s, List<ShutdownRun> runs, Instant now) {
        return new ShutdownRow(
                s, nextRun(s, runs.stream().map(ShutdownRun::localDate).toList(), now), runs);
    }
}
