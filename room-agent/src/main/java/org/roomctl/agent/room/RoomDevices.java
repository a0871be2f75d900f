package org.roomctl.agent.room;

import java.util.List;
import java.util.Optional;
import org.roomctl.agent.device.Device;
import org.roomctl.contract.config.DeviceRole;

/** A room's devices, looked up by id or role. */
public final class RoomDevices {
    private final List<Device> devices;

    public RoomDevices(List<Device> devices) {
        this.devices = List.copyOf(devices);
    }

    public List<Device> all() {
        return devices;
    }

    public Optional<Device> byId(String id) {
        return devices.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public List<Device> withRole(DeviceRole role) {
        return devices.stream().filter(d -> d.config().role() == role).toList();
    }
}
