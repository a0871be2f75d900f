package org.roomctl.sim.visca;

import java.util.List;
import java.util.Map;

/**
 * A VISCA camera as a test sees it.
 *
 * @param address its address on the chain (1 for the first camera)
 * @param power {@code on} or {@code standby}
 * @param pan pan position, signed (left negative)
 * @param tilt tilt position, signed (up positive)
 * @param zoom zoom position, 0 (wide) to 16384 (tele)
 * @param moving whether any axis is moving now
 * @param busySockets the command sockets holding a command now (1, 2)
 * @param presets stored presets by number
 * @param lastCommand the last packet addressed to the camera, in hex
 */
public record ViscaState(
        int address,
        String power,
        int pan,
        int tilt,
        int zoom,
        boolean moving,
        List<Integer> busySockets,
        Map<Integer, Preset> presets,
        String lastCommand) {

    /** A stored camera position. */
    public record Preset(int pan, int tilt, int zoom) {}
}
