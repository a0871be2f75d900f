package org.roomctl.panel.view;

/**
 * One device as the panel shows it, from what the room reported.
 *
 * @param role camera, doccam or display
 * @param label what people call it
 * @param status on, off, busy, offline, problem, unknown (the room is offline) or missing (the room
 *     has none), for styling and for which controls look available
 * @param state its state in a word or two: "On", "Off", "Offline", "Warming up"
 * @param extra one more fact, if any: "Showing HDMI 1", "Preset 2"
 * @param problem why it does nothing or may not work, in plain words (null when fine)
 * @param detail the room's own reason, for the AV team (null when none)
 */
public record DeviceView(
        String role, String label, String status, String state, String extra, String problem, String detail) {}
