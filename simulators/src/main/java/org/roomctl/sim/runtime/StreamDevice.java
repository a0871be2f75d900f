package org.roomctl.sim.runtime;

import java.util.OptionalLong;

/**
 * The protocol core of a device that speaks over one byte stream (a serial line, a serial bridge
 * or a raw TCP socket): bytes in, bytes out, over the device's state. It does no I/O and reads no
 * clock: time is passed in, in {@link System#nanoTime()} units. One thread calls it at a time.
 *
 * @param <F> the device's own faults and settings, a record with the defaults of a healthy device
 */
public interface StreamDevice<F extends Record> {
    byte[] NOTHING = new byte[0];

    /** Bytes from the client, in whatever pieces they arrived; returns the bytes sent back. */
    byte[] receive(byte[] data, long now);

    /** Lets time pass to {@code now}; returns what the device sends on its own (a completed move). */
    default byte[] advance(long now) {
        return NOTHING;
    }

    /** When {@link #advance} should next be called, if anything is pending. */
    default OptionalLong nextDeadline() {
        return OptionalLong.empty();
    }

    /** Mains power off and on again: back to power-up state; returns what the device sends when it comes up. */
    byte[] powerCycle(long now);

    /**
     * A person presses a button on the device itself (not through the control line), for
     * example hang-up on a codec's remote; returns what the device sends because of it.
     *
     * @throws IllegalArgumentException if the device has no such button
     */
    default byte[] press(String button, long now) {
        throw new IllegalArgumentException("this device has no button '" + button + "'");
    }

    /** A snapshot of the device's state for tests and the state API (a record). */
    Object state(long now);

    /** The current faults and settings. */
    F faults();

    /** Replaces the faults and settings. */
    void faults(F faults);

    /** Called once, before any other call, with the way to reach the device's thread. */
    default void attach(DeviceContext context) {}

    /** Called once when the simulator closes. */
    default void detach() {}
}
