package org.roomctl.admin.http;

import org.roomctl.fleet.connect.ConnectionRefusedException;

/** The fleet's refusals as HTTP problems. */
public final class Problems {
    private Problems() {}

    public static Problem refused(ConnectionRefusedException e) {
        return switch (e.reason()) {
            case SAME_ROOM -> new Problem(400, "same_room", e.getMessage());
            case UNKNOWN_ROOM, NOT_FOUND -> new Problem(404, "not_found", e.getMessage());
            case DISABLED -> new Problem(409, "room_disabled", e.getMessage());
            case OFFLINE -> new Problem(409, "room_offline", e.getMessage());
            case NO_CODEC -> new Problem(409, "no_codec", e.getMessage());
            case BUSY -> new Problem(409, "room_busy", e.getMessage());
            case DATABASE_UNAVAILABLE, BUS_UNAVAILABLE -> Problem.unavailable(e.getMessage());
        };
    }
}
