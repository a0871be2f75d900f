package org.roomctl.sim;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.roomctl.contract.config.DeviceConfig;
import org.roomctl.contract.config.DeviceType;
import org.roomctl.contract.config.RoomConfig;
import org.roomctl.contract.config.Secret;
import org.roomctl.contract.config.SerialLine;
import org.roomctl.contract.config.TransportSpec;

/** Room configs built in code for tests. */
public final class TestRooms {
    private TestRooms() {}

    public static RoomConfig room(String id, DeviceConfig... devices) {
        return new RoomConfig(Path.of(id + ".yaml"), id, "Room " + id, "Test", List.of(devices));
    }

    public static DeviceConfig device(String id, DeviceType type, TransportSpec transport) {
        return new DeviceConfig(
                id,
                type,
                transport,
                1,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                DeviceConfig.DEFAULT_POLL_INTERVAL,
                DeviceConfig.DEFAULT_COMMAND_TIMEOUT);
    }

    public static DeviceConfig codec(String id, TransportSpec transport, String uri, String password) {
        return new DeviceConfig(
                id,
                org.roomctl.contract.config.DeviceTypes.CISCO_XAPI,
                transport,
                1,
                Optional.of(uri),
                Optional.of("admin"),
                Optional.ofNullable(password).map(p -> new Secret("TEST_PASSWORD", p)),
                DeviceConfig.DEFAULT_POLL_INTERVAL,
                DeviceConfig.DEFAULT_COMMAND_TIMEOUT);
    }

    public static DeviceConfig display(String id, String password) {
        return new DeviceConfig(
                id,
                org.roomctl.contract.config.DeviceTypes.PJLINK,
                tcp(),
                1,
                Optional.empty(),
                Optional.empty(),
                Optional.ofNullable(password).map(p -> new Secret("TEST_PASSWORD", p)),
                DeviceConfig.DEFAULT_POLL_INTERVAL,
                DeviceConfig.DEFAULT_COMMAND_TIMEOUT);
    }

    public static TransportSpec.Serial serial(Path link, int baud) {
        return new TransportSpec.Serial(link.toString(), SerialLine.of(baud));
    }

    /** A bridge on any free port (the tests use {@link SimulatorOptions#anyFreePorts()}). */
    public static TransportSpec.Bridge bridge(int baud) {
        return new TransportSpec.Bridge("127.0.0.1", 1, SerialLine.of(baud));
    }

    public static TransportSpec.Tcp tcp() {
        return new TransportSpec.Tcp("127.0.0.1", 1);
    }
}
