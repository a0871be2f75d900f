package org.roomctl.contract.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The device types roomctl drives. Adding a model family is adding an entry here and a driver. */
public final class DeviceTypes {
    /** Bridge port of the Global Cache iTach IP2SL and ser2net's usual raw port. */
    public static final int BRIDGE_PORT = 4999;

    public static final DeviceType SONY_VISCA = new DeviceType(
            "sony-visca",
            DeviceRole.CAMERA,
            "Sony VISCA over RS-232",
            EnumSet.of(TransportKind.SERIAL, TransportKind.BRIDGE),
            9600,
            0,
            List.of("power", "zoom", "pan-tilt", "home", "presets:16"),
            Set.of("address", "pollInterval", "commandTimeout"));

    public static final DeviceType CISCO_XAPI = new DeviceType(
            "cisco-xapi",
            DeviceRole.CODEC,
            "Cisco-style xAPI, terminal mode",
            EnumSet.of(TransportKind.SERIAL, TransportKind.BRIDGE),
            115200,
            0,
            List.of("dial", "answer", "hangup", "call-status"),
            Set.of("uri", "username", "password", "pollInterval", "commandTimeout"));

    public static final DeviceType WOLFVISION = new DeviceType(
            "wolfvision",
            DeviceRole.DOCUMENT_CAMERA,
            "WolfVision WolfProt (binary)",
            EnumSet.of(TransportKind.SERIAL, TransportKind.BRIDGE, TransportKind.TCP),
            115200,
            50915,
            List.of("power"),
            Set.of("pollInterval", "commandTimeout"));

    public static final DeviceType PJLINK = new DeviceType(
            "pjlink",
            DeviceRole.DISPLAY,
            "PJLink class 1",
            EnumSet.of(TransportKind.TCP),
            0,
            4352,
            List.of("power", "input", "mute", "error-status"),
            Set.of("password", "pollInterval", "commandTimeout"));

    private static final Map<String, DeviceType> BY_NAME =
            new TreeMap<>(List.of(SONY_VISCA, CISCO_XAPI, WOLFVISION, PJLINK).stream()
                    .collect(Collectors.toMap(DeviceType::name, t -> t)));

    private DeviceTypes() {}

    public static Optional<DeviceType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The known type names, sorted, for error messages. */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }
}
