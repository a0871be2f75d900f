package org.roomctl.fleet.schedule;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jooq.exception.DataAccessException;
import org.roomctl.fleet.catalog.CatalogRoom;
import org.roomctl.fleet.catalog.CatalogStore;
import org.roomctl.schema.DatabaseUnavailableException;

/** Rooms and bookings in words, for messages people read. Times are in UTC: rooms span time zones. */
final class RoomWords {
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final CatalogStore catalog;

    RoomWords(CatalogStore catalog) {
        this.catalog = catalog;
    }

    /** The room's name as people see it, or its id if the catalog cannot say. */
    String name(String room) {
        try {
            return catalog.room(room).map(CatalogRoom::name).orElse(room);
        } catch (DataAccessException | DatabaseUnavailableException e) {
            return room;
        }
    }

    static String at(Instant t) {
        return DAY_TIME.format(t) + " UTC";
    }

    /** {@code booking 12 'Weekly sync' (Room A calls Room B, 2026-11-22 10:00 to 11:00 UTC, booked by alice)}. */
    String describe(Booking b) {
        String start = DAY_TIME.format(b.startsAt());
        String end = DAY_TIME.format(b.endsAt());
        boolean sameDay = start.substring(0, 10).equals(end.substring(0, 10));
        return "booking " + b.id() + " '" + b.title() + "' (" + name(b.caller()) + " calls " + name(b.callee()) + ", "
                + start + " to " + (sameDay ? TIME.format(b.endsAt()) : end) + " UTC, booked by " + b.bookedBy() + ")";
    }
}
