package org.roomctl.admin.live;

import static org.roomctl.schema.jooq.Tables.ALERT;

import java.util.List;
import org.jooq.impl.DSL;
import org.roomctl.admin.alerts.AlertViews;
import org.roomctl.admin.auth.Role;
import org.roomctl.admin.buslog.BusLog;
import org.roomctl.admin.buslog.BusRow;
import org.roomctl.admin.connections.ConnectionQueries;
import org.roomctl.admin.http.Page;
import org.roomctl.admin.http.Pages;
import org.roomctl.admin.rooms.FleetCounts;
import org.roomctl.admin.rooms.FleetView;
import org.roomctl.admin.rooms.RoomRow;
import org.roomctl.admin.schedules.BookingViews;
import org.roomctl.fleet.schedule.Schedules;
import org.roomctl.schema.Database;

/**
 * The fragments live pages receive: the same templates the pages render, marked to be swapped
 * in out of band (by id).
 */
public final class LiveFragments {
    /** How many connections and bus messages a room page lists. */
    public static final int ROOM_RECENT = 10;

    private final Pages pages;
    private final FleetView fleet;
    private final ConnectionQueries connections;
    private final AlertViews alerts;
    private final BusLog busLog;
    private final Database database;
    private final BookingViews bookings;
    private final Schedules schedules;
    private volatile int openAlerts;

    public LiveFragments(
            Pages pages,
            FleetView fleet,
            ConnectionQueries connections,
            AlertViews alerts,
            BusLog busLog,
            Database database,
            BookingViews bookings,
            Schedules schedules) {
        this.pages = pages;
        this.fleet = fleet;
        this.connections = connections;
        this.alerts = alerts;
        this.busLog = busLog;
        this.database = database;
        this.bookings = bookings;
        this.schedules = schedules;
    }

    private Page page(Role role) {
        return pages.background(role);
    }

    public String fleetCounts(List<RoomRow> rows) {
        return pages.render(
                "fleet/counts.jte", page(Role.VIEWER), "counts", FleetCounts.of(rows, openAlerts), "oob", true);
    }

    public String fleetBody(List<RoomRow> rows, Role role) {
        return template(pages.render("fleet/body.jte", page(role), "rows", rows, "oob", true));
    }

    public String fleetRow(RoomRow row, Role role) {
        return template(pages.render("fleet/row.jte", page(role), "r", row, "oob", true));
    }

    /**
     * Table parts travel inside a {@code <template>}: an HTML parser drops a {@code <tr>} or
     * {@code <tbody>} that follows a {@code <div>} outside a table, and htmx swaps what a
     * template holds.
     */
    private static String template(String tableParts) {
        return "<template>" + tableParts + "</template>";
    }

    /** Everything of a room page that changes: its call, devices, connections, messages. */
    public String room(String id, Role role) {
        RoomRow row = fleet.row(id).orElse(null);
        if (row == null) {
            return "";
        }
        Page p = page(role);
        var open = connections.open().stream()
                .filter(c -> c.caller().equals(id) || c.callee().equals(id))
                .findFirst()
                .orElse(null);
        return pages.render("room/call.jte", p, "room", row, "open", open, "oob", true)
                + pages.render("room/devices.jte", p, "room", row, "oob", true)
                + pages.render("room/connections.jte", p, "recent", connections.forRoom(id, ROOM_RECENT), "oob", true)
                + pages.render(
                        "room/bus.jte",
                        p,
                        "messages",
                        busLog.search(
                                new org.roomctl.admin.buslog.BusSearch(null, id, null, null, null, null), ROOM_RECENT),
                        "oob",
                        true);
    }

    public String activeConnections(Role role) {
        return pages.render("connections/active.jte", page(role), "active", connections.open(), "oob", true);
    }

    public String alerts(Role role) {
        return pages.render(
                "alerts/table.jte", page(role), "open", alerts.open(), "recent", alerts.recent(), "oob", true);
    }

    /** The bookings page's lists. */
    public String bookings(Role role) {
        return pages.render("schedules/bookings.jte", page(role), "lists", bookings.lists(), "oob", true);
    }

    /** A booking's page: its state, connection and events ("" if it is gone). */
    public String booking(long id, Role role) {
        return bookings.find(id)
                .map(b -> pages.render(
                        "booking/detail.jte", page(role), "b", b, "events", schedules.events(id), "oob", true))
                .orElse("");
    }

    /** Changes whenever a booking changes state (on any instance). */
    public long bookingSignature() {
        return bookings.signature();
    }

    /** New bus messages, newest first, added at the top of the tail's table. */
    public String busTail(List<BusRow> rows) {
        return template("<tbody hx-swap-oob=\"afterbegin:#bus-body\">"
                + pages.render("bus/rows.jte", page(Role.VIEWER), "rows", rows) + "</tbody>");
    }

    /** Changes whenever an alert is raised, acknowledged or resolved. */
    public String alertSignature() {
        var r = database.dsl()
                .select(DSL.count(), DSL.max(ALERT.ID), DSL.count(ALERT.ACKNOWLEDGED_AT), DSL.count(ALERT.RESOLVED_AT))
                .from(ALERT)
                .fetchOne();
        openAlerts = database.dsl().fetchCount(ALERT, ALERT.RESOLVED_AT.isNull());
        return r.value1() + "/" + r.value2() + "/" + r.value3() + "/" + r.value4();
    }
}
