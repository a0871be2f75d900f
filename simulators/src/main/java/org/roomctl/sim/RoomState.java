package org.roomctl.sim;

import java.util.List;
import org.roomctl.sim.runtime.DeviceState;

/**
 * A simulated room as a test sees it.
 *
 * @param id the room's id
 * @param name its name
 * @param site where it is
 * @param devices its devices, in config order
 */
public record RoomState(String id, String name, String site, List<DeviceState> devices) {}
