package org.roomctl.contract.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A room as its config file describes it.
 *
 * @param source the file it was read from
 * @param id the room id used in topics, lowercase letters, digits and dashes
 * @param name the name people see, for example {@code Harbour}
 * @param site the city or building, for example {@code Sydney}
 * @param devices the room's devices, in file order
 */
public record RoomConfig(Path source, String id, String name, String site, List<DeviceConfig> devices) {
    public RoomConfig {
        devices = List.copyOf(devices);
    }

    public Optional<DeviceConfig> device(String deviceId) {
        return devices.stream().filter(d -> d.id().equals(deviceId)).findFirst();
    }

    /** The devices playing {@code role}, in file order. */
    public List<DeviceConfig> devices(DeviceRole role) {
        return devices.stream().filter(d -> d.role() == role).toList();
    }

    /** The room's codec, if it has one (a room has at most one). */
    public Optional<DeviceConfig> codec() {
        return devices(DeviceRole.CODEC).stream().findFirst();
    }

    /** The address other rooms dial to reach this one. */
    public Optional<String> codecUri() {
        return codec().flatMap(DeviceConfig::uri);
    }
}
