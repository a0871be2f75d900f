package org.roomctl.sim.wolfprot;

/**
 * A document camera as a test sees it.
 *
 * @param power {@code on}, {@code off}, {@code switching on} or {@code switching off}
 * @param lastCommand the last message it received, in hex
 */
public record DocCamState(String power, String lastCommand) {}
