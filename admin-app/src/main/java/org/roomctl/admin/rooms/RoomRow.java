package org.roomctl.admin.rooms;

import java.time.Instant;
import java.util.List;

/**
 * One room as the fleet page shows it, from what the bus says now and the catalog.
 *
 * @param id the room id
 * @param name its name (an admin's, or the announced one)
 * @param site its site
 * @param enabled whether an admin has it enabled
 * @param availability online, offline or unknown (its agent's connection)
 * @param availabilitySince since when
 * @param call the call state: idle, dialling, connected...
 * @param peer who it is in a call with (a room's name where known, else the address)
 * @param callSince since when the call is in this state
 * @param devices its devices
 * @param problems what is wrong, in words (empty when all is well)
 */
public record RoomRow(
        String id,
        String name,
        String site,
        boolean enabled,
        String availability,
        Instant availabilitySince,
        String call,
        String peer,
        Instant callSince,
        List<DeviceView> devices,
        List<String> problems) {

    public boolean online() {
        return "online".equals(availability);
    }

    public boolean inCall() {
        return call != null && !call.equals("idle");
    }

    public long devicesOnline() {
        return devices.stream().filter(DeviceView::online).count();
    }

    public long devicesOffline() {
        return devices.stream().filter(d -> d.status().equals("offline")).count();
    }

    public long devicesDegraded() {
        return devices.stream().filter(d -> d.status().equals("degraded")).count();
    }

    public boolean hasProblem() {
        return !problems.isEmpty();
    }
}
