package org.roomctl.fleet.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One day's run of a site's shutdown, and what it did to each room.
 *
 * @param id its number
 * @param shutdownId the shutdown it ran (null if that was deleted since)
 * @param site the site
 * @param localDate the site's day it ran for
 * @param scheduledAt when it was due
 * @param status {@code running}, {@code done}, or {@code missed} (no instance ran it in time)
 * @param claimedBy the app instance that ran it
 * @param claimedAt when that instance took it
 * @param finishedAt when it finished (null while running)
 * @param note a summary, in words
 * @param rooms each room's outcome
 */
public record ShutdownRun(
        long id,
        Long shutdownId,
        String site,
        LocalDate localDate,
        Instant scheduledAt,
        String status,
        String claimedBy,
        Instant claimedAt,
        Instant finishedAt,
        String note,
        List<Room> rooms) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String MISSED = "missed";

    /**
     * What a run did to one room.
     *
     * @param room the room id
     * @param outcome {@code ok}, {@code failed} or {@code skipped}
     * @param reason why it failed or was skipped (null when ok)
     * @param bookingId the booking it was skipped for (kept once the room is shut down after it)
     * @param at when
     */
    public record Room(String room, String outcome, String reason, Long bookingId, Instant at) {
        public static final String OK = "ok";
        public static final String FAILED = "failed";
        public static final String SKIPPED = "skipped";
    }
}
