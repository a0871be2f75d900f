package org.roomctl.agent.simit;

/**
 * The transports a device can be reached over in these tests; each names the device of the
 * simulated room that uses it ({@code camera-pty}, {@code doccam-tcp}...).
 */
enum Wire {
    /** A local serial port: jSerialComm opening the simulator's pseudo-terminal through its link. */
    PTY("pty"),
    /** A raw TCP serial bridge (iTach IP2SL, ser2net raw) in front of the simulated serial device. */
    BRIDGE("bridge"),
    /** A device speaking its protocol over plain TCP. */
    TCP("tcp");

    private final String suffix;

    Wire(String suffix) {
        this.suffix = suffix;
    }

    /** The id of the device of kind {@code base} on this wire, for example {@code camera-pty}. */
    String device(String base) {
        return base + "-" + suffix;
    }

    /** The other serial wire: the bridge for the pty and the other way round. */
    Wire other() {
        return switch (this) {
            case PTY -> BRIDGE;
            case BRIDGE -> PTY;
            case TCP -> throw new IllegalStateException("TCP has no serial counterpart");
        };
    }
}
