package org.roomctl.admin.live;

import org.roomctl.admin.auth.Role;
import org.roomctl.admin.buslog.BusSearch;
import org.roomctl.admin.rooms.FleetFilter;

/**
 * What a browser follows live: a page, with what it shows (a room, a filter), for a role (a
 * viewer's page has no buttons; an operator's does).
 *
 * @param page which page
 * @param arg the {@link FleetFilter} (FLEET), the room id (ROOM), the {@link BusSearch} (BUS),
 *     the booking id (BOOKING), or "" (CONNECTIONS, ALERTS, SCHEDULES)
 * @param role the role of the browser's user
 */
public record LiveKey(LivePage page, Object arg, Role role) {
    /** The pages that update live. */
    public enum LivePage {
        FLEET,
        ROOM,
        CONNECTIONS,
        ALERTS,
        BUS,
        SCHEDULES,
        BOOKING
    }

    public static LiveKey fleet(FleetFilter filter, Role role) {
        return new LiveKey(LivePage.FLEET, filter, role);
    }

    public static LiveKey room(String id, Role role) {
        return new LiveKey(LivePage.ROOM, id, role);
    }

    public static LiveKey connections(Role role) {
        return new LiveKey(LivePage.CONNECTIONS, "", role);
    }

    public static LiveKey alerts(Role role) {
        return new LiveKey(LivePage.ALERTS, "", role);
    }

    public static LiveKey bus(BusSearch search, Role role) {
        return new LiveKey(LivePage.BUS, search, role);
    }

    /** The bookings page. */
    public static LiveKey schedules(Role role) {
        return new LiveKey(LivePage.SCHEDULES, "", role);
    }

    /** A booking's page. */
    public static LiveKey booking(long id, Role role) {
        return new LiveKey(LivePage.BOOKING, id, role);
    }

    FleetFilter fleetFilter() {
        return (FleetFilter) arg;
    }

    String roomId() {
        return (String) arg;
    }

    long bookingId() {
        return (Long) arg;
    }

    BusSearch busSearch() {
        return (BusSearch) arg;
    }
}
