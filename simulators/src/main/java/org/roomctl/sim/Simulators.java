package org.roomctl.sim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.roomctl.contract.config.RoomConfig;
import org.roomctl.sim.callnet.CallNetwork;
import org.roomctl.sim.runtime.DeviceSimulator;

/**
 * The simulated devices of a set of rooms, sharing one simulated call network, so a codec in one
 * room can call another's. The entry point for tests:
 *
 * <pre>
 * List&lt;RoomConfig&gt; rooms = new RoomConfigLoader(variables).loadAll(Path.of("room-configs"));
 * try (Simulators sims = Simulators.start(rooms, SimulatorOptions.anyFreePorts())) {
 *     DeviceSimulator camera = sims.device("sydney-harbour", "camera");
 *     camera.setFaults(Map.of("busySockets", 2));
 *     ViscaState state = camera.state(ViscaState.class);
 * }
 * </pre>
 */
public final class Simulators implements AutoCloseable {
    private final CallNetwork network;
    private final List<SimulatedRoom> rooms;

    private Simulators(CallNetwork network, List<SimulatedRoom> rooms) {
        this.network = network;
        this.rooms = List.copyOf(rooms);
    }

    /** Starts every room; if one cannot start, the started ones are stopped and the error thrown. */
    public static Simulators start(List<RoomConfig> configs, SimulatorOptions options) throws IOException {
        CallNetwork network = new CallNetwork();
        List<SimulatedRoom> started = new ArrayList<>();
        try {
            for (RoomConfig config : configs) {
                started.add(SimulatedRoom.start(config, network, options));
            }
        } catch (IOException | RuntimeException e) {
            started.forEach(SimulatedRoom::close);
            throw e;
        }
        return new Simulators(network, started);
    }

    public CallNetwork network() {
        return network;
    }

    public List<SimulatedRoom> rooms() {
        return rooms;
    }

    public Optional<SimulatedRoom> find(String roomId) {
        return rooms.stream().filter(r -> r.id().equals(roomId)).findFirst();
    }

    /** @throws NoSuchElementException when there is no such room */
    public SimulatedRoom room(String roomId) {
        return find(roomId).orElseThrow(() -> new NoSuchElementException("no room " + roomId));
    }

    /** @throws NoSuchElementException when there is no such room or device */
    public DeviceSimulator device(String roomId, String deviceId) {
        return room(roomId).device(deviceId);
    }

    public SimulatorsState state() {
        return new SimulatorsState(rooms.stream().map(SimulatedRoom::state).toList(), network.addresses());
    }

    /** Stops every room. */
    @Override
    public void close() {
        rooms.forEach(SimulatedRoom::close);
    }
}
