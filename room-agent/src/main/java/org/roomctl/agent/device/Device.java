package org.roomctl.agent.device;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.roomctl.contract.config.DeviceConfig;
import org.roomctl.contract.state.DeviceState;

/**
 * One device of a room. It connects by itself, watches its own health, and reports trouble as
 * {@link DeviceState#status() status}, never as an exception. Commands return futures that
 * complete when the device has really done the thing (not when the bytes were sent), or fail with
 * a {@link DeviceException}.
 */
public interface Device extends AutoCloseable {

    DeviceConfig config();

    default String id() {
        return config().id();
    }

    /** The latest state: status, reason and properties. */
    DeviceState state();

    /** Called on every state change, on the device's own thread: do not block. */
    void addListener(Consumer<DeviceState> listener);

    /** Opens the transport and starts supervision. Returns at once. */
    void start();

    /** Reads everything the device can report again, and updates the state. */
    CompletableFuture<Void> refresh();

    /** Stops supervision and closes the transport. */
    @Override
    void close();
}
