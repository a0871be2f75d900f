package org.roomctl.sim.pjlink;

/**
 * A PJLink display as a test sees it.
 *
 * @param power {@code standby}, {@code on}, {@code cooling} or {@code warming up}
 * @param input the selected input, for example 31 (digital 1)
 * @param videoMuted whether the picture is muted
 * @param audioMuted whether the sound is muted
 * @param lampHours lamp hours as {@code LAMP ?} reports them
 * @param errorStatus what {@code ERST ?} reports now
 * @param lastCommand the last command it received, for example {@code %1POWR 1}
 */
public record DisplayState(
        String power,
        int input,
        boolean videoMuted,
        boolean audioMuted,
        int lampHours,
        String errorStatus,
        String lastCommand) {}
