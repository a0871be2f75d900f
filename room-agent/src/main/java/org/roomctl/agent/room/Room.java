package org.roomctl.agent.room;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.roomctl.agent.device.Device;
import org.roomctl.agent.device.DeviceRuntime;
import org.roomctl.agent.device.SerialExecutor;
import org.roomctl.contract.RoomInfo;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.contract.command.Action;
import org.roomctl.contract.command.Actions;
import org.roomctl.contract.config.DeviceConfig;
import org.roomctl.contract.config.RoomConfig;
import org.roomctl.contract.state.DeviceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room served on the bus: its devices, its own MQTT connection (whose last will marks the
 * room offline), its command intake and its publisher. Everything room-level runs on the room's
 * own serial executor.
 */
public final class Room implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Room.class);
    /** How long the broker keeps a room's session (and its queued commands) while the agent is away. */
    public static final Duration SESSION_EXPIRY = Duration.ofMinutes(1);

    private final RoomConfig config;
    private final RoomDevices devices;
    private final BusClient bus;
    private final SerialExecutor executor;
    private final RoomPublisher publisher;
    private final CommandIntake intake;
    private final Topics topics;
    /** Set once closing: the devices' last changes are not published. */
    private volatile boolean closed;

    /**
     * @param busOptions how to reach the broker; the client id, will and session are set here
     */
    public Room(
            RoomConfig config,
            List<Device> devices,
            BusOptions busOptions,
            Topics topics,
            DeviceRuntime runtime,
            RoomInfo.AgentInfo agent) {
        this.config = config;
        this.topics = topics;
        this.devices = new RoomDevices(devices);
        this.executor = runtime.newExecutor("room");
        this.bus = new BusClient(
                busOptions.withWill(RoomPublisher.will(topics, config.id())).withPersistentSession(SESSION_EXPIRY),
                runtime.clock());
        List<DeviceState> initial = devices.stream().map(Device::state).toList();
        this.publisher =
                new RoomPublisher(config.id(), topics, bus, executor, runtime.clock(), info(config, agent), initial);
        this.intake = new CommandIntake(
                config.id(),
                topics,
                new RoomCommands(this.devices),
                bus::publish,
                publisher::event,
                executor,
                runtime.clock());
    }

    /** The room's announcement, derived from its config. */
    static RoomInfo info(RoomConfig config, RoomInfo.AgentInfo agent) {
        List<RoomInfo.DeviceInfo> devices = new ArrayList<>();
        for (DeviceConfig d : config.devices()) {
            devices.add(new RoomInfo.DeviceInfo(
                    d.id(),
                    d.role().wireName(),
                    d.type().name(),
                    d.type().protocol(),
                    d.transport().toString(),
                    d.type().capabilities()));
        }
        List<String> actions = Actions.ALL.stream()
                .filter(a -> a.role().isEmpty() || hasRole(config, a))
                .map(Action::name)
                .toList();
        return new RoomInfo(
                config.id(), config.name(), config.site(), config.codecUri().orElse(null), devices, actions, agent);
    }

    private static boolean hasRole(RoomConfig config, Action a) {
        return config.devices().stream()
                .anyMatch(d -> d.role().wireName().equals(a.role().get()));
    }

    public String id() {
        return config.id();
    }

    public RoomConfig config() {
        return config;
    }

    public RoomDevices devices() {
        return devices;
    }

    /** Starts the devices and the connection; returns at once (both connect in the background). */
    public void start() {
        for (Device d : devices.all()) {
            d.addListener(state -> {
                // A closing device still says it went offline: nothing to publish once closed.
                if (!closed) {
                    executor.execute(() -> publisher.deviceChanged(state));
                }
            });
        }
        bus.addConnectionListener(new BusClient.ConnectionListener() {
            @Override
            public void connected(boolean reconnect) {
                executor.execute(publisher::publishAll);
            }

            @Override
            public void disconnected(String reason) {
                log.debug("{}: bus lost: {}", config.id(), reason);
            }
        });
        bus.subscribe(topics.command(config.id()), 1, m -> executor.execute(() -> intake.accept(m)))
                .exceptionally(e -> {
                    log.error("{}: cannot take commands: {}", config.id(), e.getMessage());
                    return null;
                });
        bus.connect();
        devices.all().forEach(Device::start);
    }

    public boolean busConnected() {
        return bus.isConnected();
    }

    /** Says offline (retained), disconnects cleanly and stops the devices. */
    @Override
    public void close() {
        closed = true;
        try {
            if (bus.isConnected()) {
                publisher.offline().get(2, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            log.debug("{}: offline not published: {}", config.id(), e.toString());
        }
        bus.close();
        devices.all().forEach(Device::close);
    }

    /** For tests: the connection dies as in a crash, so the broker publishes the will. */
    void crash() {
        closed = true;
        bus.abort();
        devices.all().forEach(Device::close);
    }
}
