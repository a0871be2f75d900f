package org.roomctl.agent.wolfprot;

import java.util.Arrays;

/** The error number that ends an error reply ({@code 80}/{@code 81} header). */
public enum WolfProtError {
    TIMEOUT(0x01, "timeout"),
    INVALID_COMMAND(0x02, "invalid command"),
    INVALID_PARAMETER(0x03, "invalid parameter"),
    INVALID_LENGTH(0x04, "invalid length"),
    BUFFER_FULL(0x05, "buffer full"),
    ACCESS_DENIED(0x07, "access denied"),
    BUSY(0x09, "busy"),
    POWERED_OFF(0x0B, "powered off"),
    /** A number this driver does not know; the reply keeps the number. */
    UNKNOWN(-1, "unknown error");

    private final int number;
    private final String description;

    WolfProtError(int number, String description) {
        this.number = number;
        this.description = description;
    }

    /** The number on the wire; -1 for {@link #UNKNOWN}. */
    public int number() {
        return number;
    }

    /** Its name for people, for example "invalid parameter". */
    public String description() {
        return description;
    }

    /** The error with this number, or {@link #UNKNOWN}. */
    public static WolfProtError of(int number) {
        return Arrays.stream(values())
                .filter(e -> e.number == number)
                .findFirst()
                .orElse(UNKNOWN);
    }
}
