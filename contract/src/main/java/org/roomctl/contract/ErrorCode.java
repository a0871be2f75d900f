package org.roomctl.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a command failed, as carried in a reply's {@code error.code}. */
public enum ErrorCode {
    /** The payload could not be understood, or an argument is missing or invalid. */
    BAD_REQUEST,
    /** No such action. */
    UNKNOWN_ACTION,
    /** The room has no device that can do this. */
    NO_SUCH_DEVICE,
    /** The device is not reachable right now. */
    DEVICE_OFFLINE,
    /** The device answered with an error. */
    DEVICE_ERROR,
    /** The device did not finish in time. */
    TIMEOUT,
    /** The device cannot take the command now (all its command slots are in use, or it is warming up). */
    BUSY,
    /** The command's MQTT message expiry passed before it could run. */
    EXPIRED,
    /** A fault in the agent itself; the message says what, the agent's log says more. */
    INTERNAL;

    @JsonValue
    public String wireName() {
        return name();
    }

    @JsonCreator
    public static ErrorCode fromWireName(String name) {
        return valueOf(name);
    }
}
