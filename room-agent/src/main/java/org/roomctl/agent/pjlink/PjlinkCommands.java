package org.roomctl.agent.pjlink;

/** The class 1 commands the display driver sends. Pure. */
public final class PjlinkCommands {
    private PjlinkCommands() {}

    public static PjlinkCommand power(boolean on) {
        return new PjlinkCommand("POWR", on ? "1" : "0");
    }

    public static PjlinkCommand powerQuery() {
        return PjlinkCommand.query("POWR");
    }

    /** {@code INPT <code>}, the code from {@link PjlinkInputs#code}. */
    public static PjlinkCommand input(String code) {
        return new PjlinkCommand("INPT", code);
    }

    public static PjlinkCommand inputQuery() {
        return PjlinkCommand.query("INPT");
    }

    /** {@code AVMT 31} (video and audio mute on) or {@code AVMT 30}. */
    public static PjlinkCommand mute(boolean on) {
        return new PjlinkCommand("AVMT", on ? "31" : "30");
    }

    public static PjlinkCommand muteQuery() {
        return PjlinkCommand.query("AVMT");
    }

    public static PjlinkCommand errorQuery() {
        return PjlinkCommand.query("ERST");
    }

    public static PjlinkCommand lampQuery() {
        return PjlinkCommand.query("LAMP");
    }

    public static PjlinkCommand nameQuery() {
        return PjlinkCommand.query("NAME");
    }

    public static PjlinkCommand manufacturerQuery() {
        return PjlinkCommand.query("INF1");
    }

    public static PjlinkCommand modelQuery() {
        return PjlinkCommand.query("INF2");
    }

    public static PjlinkCommand classQuery() {
        return PjlinkCommand.query("CLSS");
    }
}
