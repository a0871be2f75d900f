package org.roomctl.agent.pjlink;

/** The class 1 commands the display driver sends. Pure. */
public final class PjlinkCommands {
    private PjlinkCommands() {}

    /** {@code POWR 1} (on) or {@code POWR 0} (standby). */
    public static PjlinkCommand power(boolean on) {
        return new PjlinkCommand("POWR", on ? "1" : "0");
    }

    /** {@code POWR ?}: 0 standby, 1 on, 2 cooling, 3 warming. */
    public static PjlinkCommand powerQuery() {
        return PjlinkCommand.query("POWR");
    }

    /** {@code INPT <code>}, the code from {@link PjlinkInputs#code}. */
    public static PjlinkCommand input(String code) {
        return new PjlinkCommand("INPT", code);
    }

    /** {@code INPT ?}: the input code. */
    public static PjlinkCommand inputQuery() {
        return PjlinkCommand.query("INPT");
    }

    /** {@code AVMT 31} (video and audio mute on) or {@code AVMT 30}. */
    public static PjlinkCommand mute(boolean on) {
        return new PjlinkCommand("AVMT", on ? "31" : "30");
    }

    /** {@code AVMT ?}: 11, 21, 31 muted; 10, 20, 30 not. */
    public static PjlinkCommand muteQuery() {
        return PjlinkCommand.query("AVMT");
    }

    /** {@code ERST ?}: six digits, fan lamp temperature cover filter other. */
    public static PjlinkCommand errorQuery() {
        return PjlinkCommand.query("ERST");
    }

    /** {@code LAMP ?}: hours and on/off per lamp. */
    public static PjlinkCommand lampQuery() {
        return PjlinkCommand.query("LAMP");
    }

    /** {@code NAME ?}: the display's name. */
    public static PjlinkCommand nameQuery() {
        return PjlinkCommand.query("NAME");
    }

    /** {@code INF1 ?}: the manufacturer. */
    public static PjlinkCommand manufacturerQuery() {
        return PjlinkCommand.query("INF1");
    }

    /** {@code INF2 ?}: the model. */
    public static PjlinkCommand modelQuery() {
        return PjlinkCommand.query("INF2");
    }

    /** {@code CLSS ?}: the PJLink class, 1 here. */
    public static PjlinkCommand classQuery() {
        return PjlinkCommand.query("CLSS");
    }
}
