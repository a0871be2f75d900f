package org.roomctl.admin.rooms;

import java.util.Collection;

/**
 * The numbers at the top of the fleet page.
 *
 * @param rooms rooms known
 * @param online rooms whose agent is online
 * @param inCall rooms in a call
 * @param devicesOffline devices offline, in all rooms
 * @param devicesDegraded devices degraded, in all rooms
 * @param withProblems rooms with anything wrong
 * @param openAlerts alerts not yet resolved
 */
public record FleetCounts(
        int rooms, int online, int inCall, int devicesOffline, int devicesDegraded, int withProblems, int openAlerts) {
    public static FleetCounts of(Collection<RoomRow> rows, int openAlerts) {
        int online = 0;
        int inCall = 0;
        int offline = 0;
        int degraded = 0;
        int problems = 0;
        for (RoomRow r : rows) {
            online += r.online() ? 1 : 0;
            inCall += r.inCall() ? 1 : 0;
            offline += (int) r.devicesOffline();
            degraded += (int) r.devicesDegraded();
            problems += r.hasProblem() ? 1 : 0;
        }
        return new FleetCounts(rows.size(), online, inCall, offline, degraded, problems, openAlerts);
    }
}
