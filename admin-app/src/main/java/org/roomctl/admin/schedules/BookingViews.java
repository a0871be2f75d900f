package org.roomctl.admin.schedules;

import static org.roomctl.schema.jooq.Tables.BOOKING_EVENT;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.impl.DSL;
import org.roomctl.admin.connections.ConnectionQueries;
import org.roomctl.admin.connections.ConnectionRow;
import org.roomctl.admin.rooms.CatalogCache;
import org.roomctl.fleet.catalog.CatalogRoom;
import org.roomctl.fleet.schedule.Booking;
import org.roomctl.fleet.schedule.Schedules;
import org.roomctl.schema.Database;

/** Bookings as the console shows them: in progress, upcoming and past, with names and connections. */
public final class BookingViews {
    /** How many upcoming bookings the page and the API list at most. */
    public static final int UPCOMING = 50;
    /** How many finished bookings the page lists. */
    public static final int PAST = 30;

    private final Schedules schedules;
    private final CatalogCache catalog;
    private final ConnectionQueries connections;
    private final Database database;

    public BookingViews(Schedules schedules, CatalogCache catalog, ConnectionQueries connections, Database database) {
        this.schedules = schedules;
        this.catalog = catalog;
        this.connections = connections;
        this.database = database;
    }

    /**
     * The bookings page's three lists.
     *
     * @param current those whose window is open now, earliest first
     * @param upcoming those still to start, soonest first
     * @param past finished ones, the latest first
     */
    public record Lists(List<BookingRow> current, List<BookingRow> upcoming, List<BookingRow> past) {}

    public Lists lists() {
        return new Lists(rows(schedules.current()), rows(schedules.upcoming(UPCOMING)), rows(schedules.past(PAST)));
    }

    public Optional<BookingRow> find(long id) {
        return schedules.find(id).map(b -> rows(List.of(b)).get(0));
    }

    /** Bookings as rows: the rooms' names from the catalog, their connections in one query. */
    public List<BookingRow> rows(List<Booking> bookings) {
        Map<Long, ConnectionRow> made = connections.byIds(bookings.stream()
                .map(Booking::connectionId)
                .filter(Objects::nonNull)
                .toList());
        return bookings.stream()
                .map(b -> new BookingRow(
                        b,
                        name(b.caller()),
                        name(b.callee()),
                        b.connectionId() == null ? null : made.get(b.connectionId())))
                .toList();
    }

    /** A room's name as people see it (its id if the catalog does not have it yet). */
    public String name(String room) {
        CatalogRoom r = catalog.get(room);
        return r == null ? room : r.name();
    }

    /** The rooms a booking may name, by site and name. */
    public List<CatalogRoom> rooms() {
        return catalog.all().values().stream()
                .sorted(java.util.Comparator.comparing(CatalogRoom::site).thenComparing(CatalogRoom::name))
                .toList();
    }

    /**
     * Changes whenever any booking changes state, on any instance: every change is recorded as a
     * booking event, so the latest event's id is enough.
     */
    public long signature() {
        Long last = database.dsl()
                .select(DSL.max(BOOKING_EVENT.ID))
                .from(BOOKING_EVENT)
                .fetchOne(0, Long.class);
        return last == null ? 0 : last;
    }
}
