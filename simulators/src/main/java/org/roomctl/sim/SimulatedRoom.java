package org.roomctl.sim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.roomctl.contract.config.RoomConfig;
import org.roomctl.sim.callnet.CallNetwork;
import org.roomctl.sim.runtime.DeviceSimulator;

/** One room's simulated devices, each on the transport its config names. */
public final class SimulatedRoom implements AutoCloseable {
    private final RoomConfig config;
    private final List<DeviceSimulator> devices;

    private SimulatedRoom(RoomConfig config, List<DeviceSimulator> devices) {
        this.config = config;
        this.devices = List.copyOf(devices);
    }

    /**
     * Starts every device of the room. If one cannot start (a port taken, a path that is not a
     * link), the others are stopped again and the error is thrown.
     *
     * @param network where the room's codec registers its call address
     */
    public static SimulatedRoom start(RoomConfig config, CallNetwork network, SimulatorOptions options)
            throws IOException {
        List<DeviceSimulator> started = new ArrayList<>();
        try {
            for (var device : config.devices()) {
                DeviceSimulator simulator = DeviceSimulators.create(config, device, network, options);
                started.add(simulator);
                simulator.plug();
            }
        } catch (IOException | RuntimeException e) {
            started.forEach(DeviceSimulator::close);
            throw new IOException(config.id() + ": " + e.getMessage(), e);
        }
        return new SimulatedRoom(config, started);
    }

    public String id() {
        return config.id();
    }

    public RoomConfig config() {
        return config;
    }

    /** The devices in config order. */
    public List<DeviceSimulator> devices() {
        return devices;
    }

    public Optional<DeviceSimulator> find(String deviceId) {
        return devices.stream().filter(d -> d.id().equals(deviceId)).findFirst();
    }

    /**
     * The device with that id.
     *
     * @throws NoSuchElementException when the room has none
     */
    public DeviceSimulator device(String deviceId) {
        return find(deviceId)
                .orElseThrow(() -> new NoSuchElementException("room " + id() + " has no device " + deviceId));
    }

    public RoomState state() {
        return new RoomState(
                config.id(),
                config.name(),
                config.site(),
                devices.stream().map(DeviceSimulator::state).toList());
    }

    /** Stops every device: ports close, pseudo-terminals and their links disappear. */
    @Override
    public void close() {
        devices.forEach(DeviceSimulator::close);
    }
}
