package org.roomctl.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.SocketFactory;
import org.roomctl.agent.device.Device;
import org.roomctl.agent.device.DeviceFactory;
import org.roomctl.agent.device.DeviceRuntime;
import org.roomctl.agent.room.Room;
import org.roomctl.contract.RoomInfo;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.contract.bus.BusTls;
import org.roomctl.contract.config.DeviceConfig;
import org.roomctl.contract.config.RoomConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A room agent process: one or more rooms sharing one device runtime. */
public final class RoomAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RoomAgent.class);

    private final DeviceRuntime runtime;
    private final List<Room> rooms = new ArrayList<>();

    private RoomAgent(DeviceRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Builds the rooms (does not start them).
     *
     * @throws IOException if the TLS CA file cannot be used
     */
    public static RoomAgent create(AgentSettings settings, List<RoomConfig> configs, DeviceFactory factory)
            throws IOException {
        DeviceRuntime runtime = DeviceRuntime.create();
        RoomAgent agent = new RoomAgent(runtime);
        Topics topics = new Topics(settings.topicPrefix());
        RoomInfo.AgentInfo info = new RoomInfo.AgentInfo(version(), hostName(), Instant.now());
        SocketFactory tls = settings.caFile() != null ? BusTls.trusting(settings.caFile()) : null;
        for (RoomConfig config : configs) {
            List<Device> devices = new ArrayList<>();
            DeviceRuntime roomRuntime = runtime.forRoom(config.id());
            for (DeviceConfig d : config.devices()) {
                devices.add(factory.create(d, roomRuntime));
            }
            BusOptions options = BusOptions.to(settings.brokerUri(), settings.clientIdPrefix() + config.id())
                    .withCredentials(settings.username(), settings.password())
                    .withTls(tls);
            agent.rooms.add(new Room(config, devices, options, topics, roomRuntime, info));
        }
        return agent;
    }

    public void start() {
        for (Room r : rooms) {
            log.info(
                    "room {} ({}, {}): {} devices",
                    r.id(),
                    r.config().name(),
                    r.config().site(),
                    r.config().devices().size());
            r.start();
        }
    }

    public List<Room> rooms() {
        return rooms;
    }

    public Optional<Room> room(String id) {
        return rooms.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public void close() {
        rooms.forEach(Room::close);
        runtime.close();
    }

    /** This build's version, from the jar (or "dev" when run from classes). */
    public static String version() {
        String v = RoomAgent.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
