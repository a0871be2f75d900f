package org.roomctl.sim.wire;

/** Where bytes go next: a transport's client, a wire, a test's buffer. */
@FunctionalInterface
public interface ByteSink {
    void write(byte[] data);
}
