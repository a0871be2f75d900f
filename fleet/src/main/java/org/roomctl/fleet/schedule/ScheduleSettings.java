package org.roomctl.fleet.schedule;

import java.time.Duration;

/**
 * Timing of bookings and shutdowns.
 *
 * @param tick how often due bookings and shutdowns are looked for
 * @param startRetryWindow how long after its first attempt a booking's start is retried (a room
 *     busy with a meeting that runs over, an agent restarting) before the booking fails
 * @param startRetryInterval how long between two start attempts
 * @param claimTimeout how long an instance may hold a start, end or shutdown run before another
 *     instance takes it over (it is taken to have stopped)
 * @param commandTimeout how long a room agent may take to answer {@code room.shutdown}
 * @param shutdownLateness how late a shutdown still runs when no instance was running at its
 *     time; later than that, the day's run is recorded as missed
 */
public record ScheduleSettings(
        Duration tick,
        Duration startRetryWindow,
        Duration startRetryInterval,
        Duration claimTimeout,
        Duration commandTimeout,
        Duration shutdownLateness) {

    public static ScheduleSettings defaults() {
        return new ScheduleSettings(
                Duration.ofSeconds(1),
                Duration.ofMinutes(2),
                Duration.ofSeconds(15),
                Duration.ofSeconds(60),
                Duration.ofSeconds(15),
                Duration.ofHours(1));
    }
}
