package org.roomctl.agent.visca;

/** The power state a camera reports, with the property value the room shows. */
public enum ViscaPower {
    /** {@code 02}. */
    ON(0x02, "on"),
    /** {@code 03}. */
    STANDBY(0x03, "standby");

    private final int code;
    private final String property;

    ViscaPower(int code, String property) {
        this.code = code;
        this.property = property;
    }

    /** The byte in the power inquiry's answer. */
    public int code() {
        return code;
    }

    /** The value of the {@code power} property. */
    public String property() {
        return property;
    }
}
