package org.roomctl.contract.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A device's health as the room reports it. */
public enum DeviceStatus {
    /** Answering and working. */
    ONLINE,
    /** Answering, but something is wrong (an error status, a failed step); the reason says what. */
    DEGRADED,
    /** Not reachable or not answering; the reason says why. */
    OFFLINE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DeviceStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
