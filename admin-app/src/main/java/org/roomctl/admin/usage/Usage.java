package org.roomctl.admin.usage;

import java.time.LocalDate;
import java.util.List;

/**
 * Calls over a period: per day and per room.
 *
 * @param from the first day
 * @param to the last day
 * @param days every day of the period, oldest first (days without calls too)
 * @param rooms rooms with calls, most calls first
 */
public record Usage(LocalDate from, LocalDate to, List<Day> days, List<RoomCalls> rooms) {
    /**
     * @param day the day, in the console's time zone
     * @param connected connections that reached the call
     * @param failed connections that failed
     */
    public record Day(LocalDate day, int connected, int failed) {}

    /**
     * @param room the room id
     * @param name its name
     * @param calls connections it took part in that reached the call
     * @param minutes minutes it spent in them
     */
    public record RoomCalls(String room, String name, int calls, long minutes) {}

    public int totalCalls() {
        return days.stream().mapToInt(Day::connected).sum();
    }

    public int totalFailed() {
        return days.stream().mapToInt(Day::failed).sum();
    }
}
