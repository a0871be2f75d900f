package org.roomctl.admin;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import org.roomctl.admin.alerts.AlertViews;
import org.roomctl.admin.auth.ApiTokens;
import org.roomctl.admin.auth.Gatekeeper;
import org.roomctl.admin.auth.Sessions;
import org.roomctl.admin.auth.Users;
import org.roomctl.admin.buslog.BusLog;
import org.roomctl.admin.catalog.PendingCodes;
import org.roomctl.admin.connections.ConnectionQueries;
import org.roomctl.admin.http.Pages;
import org.roomctl.admin.live.LivePublisher;
import org.roomctl.admin.rooms.CatalogCache;
import org.roomctl.admin.rooms.FleetView;
import org.roomctl.admin.rooms.RoomCommands;
import org.roomctl.admin.schedules.BookingViews;
import org.roomctl.admin.usage.UsageQuery;
import org.roomctl.fleet.Fleet;

/**
 * What the console's routes work with: the fleet, and the console's own stores, views and
 * queries. Built once by {@link AdminApp}.
 *
 * @param fleet the fleet (rooms, catalog, connections, panels, alerts, audit log)
 * @param settings the console's settings
 * @param clock the clock
 * @param pages page rendering
 * @param users console users
 * @param sessions signed-in browsers
 * @param tokens API tokens
 * @param fleetView the rooms as the console shows them
 * @param catalogCache the catalog in memory
 * @param commands commands to rooms
 * @param connections connection queries
 * @param busLog the bus record
 * @param alerts alert lists
 * @param pendingCodes pending pairing codes
 * @param usage usage counts
 * @param bookings bookings as the console lists them
 * @param live live page updates
 */
public record Console(
        Fleet fleet,
        AdminSettings settings,
        Clock clock,
        Pages pages,
        Users users,
        Sessions sessions,
        ApiTokens tokens,
        FleetView fleetView,
        CatalogCache catalogCache,
        RoomCommands commands,
        ConnectionQueries connections,
        BusLog busLog,
        AlertViews alerts,
        PendingCodes pendingCodes,
        UsageQuery usage,
        BookingViews bookings,
        LivePublisher live) {

    /** Records a state-changing action by the request's user or token. */
    public void audit(Context ctx, String action, String target, Map<String, Object> detail) {
        fleet.audit().record(Gatekeeper.principal(ctx).actor(), action, target, detail);
    }

    /** Who the request's user or token is, as connections and the audit log name them. */
    public static String actor(Context ctx) {
        return Gatekeeper.principal(ctx).actor();
    }
}
