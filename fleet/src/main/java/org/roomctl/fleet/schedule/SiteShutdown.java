package org.roomctl.fleet.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A site's end-of-day shutdown: each day at {@code localTime} in {@code zone}, every room of the
 * site is hung up and switched off.
 *
 * @param id its number
 * @param site the site, as the catalog shows it
 * @param localTime when, in the site's time
 * @param zone the site's time zone, for example {@code Australia/Sydney}
 * @param enabled whether it runs
 * @param createdBy who made it
 * @param createdAt when
 * @param updatedBy who last changed it
 * @param updatedAt when; a run is due only at times after this
 */
public record SiteShutdown(
        long id,
        String site,
        LocalTime localTime,
        ZoneId zone,
        boolean enabled,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {

    /**
     * When it is due on a day of the site's calendar. A time that the day skips (clocks going
     * forward) is moved later by the gap; a time the day has twice (clocks going back) is the
     * first of the two.
     */
    public Instant dueOn(LocalDate day) {
        return ZonedDateTime.of(day, localTime, zone).toInstant();
    }

    /**
     * The site's days (yesterday and today, in its zone) whose shutdown time has come by {@code
     * now} and is not before the shutdown was last changed, earliest first. Looking at yesterday
     * too lets an instance that was down over the site's midnight see the day it missed.
     */
    public List<LocalDate> daysDue(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        List<LocalDate> due = new ArrayList<>(2);
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            Instant at = dueOn(day);
            if (!at.isAfter(now) && !at.isBefore(updatedAt)) {
                due.add(day);
            }
        }
        return due;
    }
}
