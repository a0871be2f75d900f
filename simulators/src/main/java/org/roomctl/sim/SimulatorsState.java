package org.roomctl.sim;

import java.util.List;
import java.util.Set;

/**
 * Everything simulated, as {@code GET /state} shows it.
 *
 * @param rooms every room and its devices
 * @param callAddresses the addresses registered on the simulated call network
 */
public record SimulatorsState(List<RoomState> rooms, Set<String> callAddresses) {}
