package org.roomctl.sim.runtime;

import java.io.IOException;
import java.util.Map;
import org.roomctl.contract.config.DeviceType;

/** One running simulated device: its state, its faults and what can be done to it. */
public interface DeviceSimulator extends AutoCloseable {
    String room();

    String id();

    DeviceType type();

    /** Where it can be reached now. */
    Endpoint endpoint();

    DeviceState state();

    /** The device's state record, for example {@code ViscaState}. */
    default <T> T state(Class<T> type) {
        return state().device(type);
    }

    /** Current faults and settings by name. */
    Map<String, Object> faults();

    /**
     * Changes some faults or settings by name, for example {@code {"pacing": false}}.
     *
     * @throws IllegalArgumentException naming the field when a name is unknown or a value invalid
     */
    void setFaults(Map<String, ?> changes);

    /** Plugs the cable in again: the transport listens (the pty and its link are back). */
    void plug() throws IOException;

    /** Pulls the cable: the transport stops (the pty and its link disappear, the port stops listening). */
    void unplug();

    boolean plugged();

    /** Mains power off and on: the device resets (a VISCA camera announces itself with a network change). */
    void powerCycle();

    /**
     * A person presses a button on the device itself, for example {@code hang-up} on a codec.
     *
     * @throws IllegalArgumentException if the device has no such button
     */
    void press(String button);

    /** Closes the client's connection now. */
    void dropConnection();

    @Override
    void close();
}
