package org.roomctl.contract.config;

import java.util.Arrays;
import java.util.Optional;

/** What a device does in the room. The wire name is used in configs, topics and commands. */
public enum DeviceRole {
    CODEC("codec"),
    CAMERA("camera"),
    DOCUMENT_CAMERA("doccam"),
    DISPLAY("display");

    private final String wireName;

    DeviceRole(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSON, topics and command actions, for example {@code doccam}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<DeviceRole> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
