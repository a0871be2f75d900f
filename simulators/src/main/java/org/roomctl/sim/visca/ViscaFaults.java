package org.roomctl.sim.visca;

/**
 * A VISCA camera's switchable misbehaviour.
 *
 * @param moveTimeScale how long moves take relative to normal: 1 normal, 0 instant, 10 ten times slower
 * @param busySockets how many of the two command sockets (from socket 1) are stuck busy; at 2
 *     every command gets "command buffer full"
 */
public record ViscaFaults(double moveTimeScale, int busySockets) {
    public static final ViscaFaults NONE = new ViscaFaults(1, 0);

    public ViscaFaults {
        if (!(moveTimeScale >= 0)) {
            throw new IllegalArgumentException("moveTimeScale must be 0 or more, not " + moveTimeScale);
        }
        if (busySockets < 0 || busySockets > ViscaCamera.SOCKETS) {
            throw new IllegalArgumentException("busySockets must be 0, 1 or 2, not " + busySockets);
        }
    }
}
