package org.roomctl.fleet.catalog;

import java.time.Instant;
import org.roomctl.contract.RoomInfo;
import org.roomctl.contract.state.CallState;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.contract.state.DeviceStatus;
import org.roomctl.contract.state.RoomState;

/**
 * What the bus last said about one room.
 *
 * @param id the room id
 * @param info its announcement (null until one arrived)
 * @param availability online, offline, or unknown (nothing heard yet)
 * @param availabilitySince when this app heard the availability change
 * @param state its last state snapshot (null until one arrived)
 */
public record RoomSnapshot(String id, RoomInfo info, String availability, Instant availabilitySince, RoomState state) {
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";
    public static final String UNKNOWN = "unknown";

    public static RoomSnapshot empty(String id, Instant now) {
        return new RoomSnapshot(id, null, UNKNOWN, now, null);
    }

    public boolean online() {
        return ONLINE.equals(availability);
    }

    /** The room's call, idle when the room has not said otherwise. */
    public CallState call() {
        return state != null && state.call() != null ? state.call() : CallState.idle(null);
    }

    /** The room's codec, if its state names one. */
    public DeviceState codec() {
        if (state == null) {
            return null;
        }
        return state.devices().values().stream()
                .filter(d -> "codec".equals(d.role()))
                .findFirst()
                .orElse(null);
    }

    public boolean codecOnline() {
        DeviceState c = codec();
        return c != null && c.status() != DeviceStatus.OFFLINE;
    }

    public String codecUri() {
        return info == null ? null : info.codecUri();
    }

    RoomSnapshot withInfo(RoomInfo newInfo) {
        return new RoomSnapshot(id, newInfo, availability, availabilitySince, state);
    }

    RoomSnapshot withAvailability(String newAvailability, Instant at) {
        return new RoomSnapshot(
                id, info, newAvailability, newAvailability.equals(availability) ? availabilitySince : at, state);
    }

    RoomSnapshot withState(RoomState newState) {
        return new RoomSnapshot(id, info, availability, availabilitySince, newState);
    }
}
