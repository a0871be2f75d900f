package org.roomctl.sim.runtime;

import java.util.Map;

/**
 * A simulated device as a test sees it.
 *
 * @param room the room's id
 * @param id the device's id in the room
 * @param type the device type, for example {@code sony-visca}
 * @param plugged whether its transport is up (see unplug/plug)
 * @param endpoint where it can be reached
 * @param clients how many clients are connected now
 * @param faults its faults and settings, by name
 * @param device the device's own state, a record per type (for example {@code ViscaState})
 */
public record DeviceState(
        String room,
        String id,
        String type,
        boolean plugged,
        Endpoint endpoint,
        int clients,
        Map<String, Object> faults,
        Object device) {

    /** The device's own state as its record type. */
    public <T> T device(Class<T> type) {
        return type.cast(device);
    }
}
