package org.roomctl.sim.runtime;

import java.util.function.LongFunction;

/** What a device core may ask of the simulator running it. */
public interface DeviceContext {
    /**
     * Runs {@code work} on the device's thread (after what is running now), passing the current
     * time; the bytes it returns are sent to the client.
     */
    void post(LongFunction<byte[]> work);
}
