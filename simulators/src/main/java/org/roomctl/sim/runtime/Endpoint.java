package org.roomctl.sim.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a simulated device can be reached now.
 *
 * @param kind {@code serial}, {@code bridge} or {@code tcp}
 * @param host the address it listens on (bridge, tcp)
 * @param port the port it listens on, the real one when the config asked for any free port
 * @param path the stable serial port name the config gives (serial)
 * @param device the pseudo-terminal the path points at, for example {@code /dev/pts/3} (serial, while plugged in)
 * @param settingsPort the bridge's iTach-style settings port (bridge)
 * @param line the serial line settings, for example {@code 9600 8N1} (serial, bridge)
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Endpoint(String kind, String host, int port, String path, String device, int settingsPort, String line) {

    public static Endpoint serial(String path, String device, String line) {
        return new Endpoint("serial", null, 0, path, device, 0, line);
    }

    public static Endpoint bridge(String host, int port, int settingsPort, String line) {
        return new Endpoint("bridge", host, port, null, null, settingsPort, line);
    }

    public static Endpoint tcp(String host, int port) {
        return new Endpoint("tcp", host, port, null, null, 0, null);
    }

    /** One line for people, for example {@code serial /tmp/roomctl-tty/x -> /dev/pts/3 (9600 8N1)}. */
    public String describe() {
        return switch (kind) {
            case "serial" -> "serial " + path + (device != null ? " -> " + device : " (unplugged)") + " (" + line + ")";
            case "bridge" -> "bridge " + host + ":" + port + " (" + line + ")"
                    + (settingsPort > 0 ? ", settings " + host + ":" + settingsPort : "");
            default -> "tcp " + host + ":" + port;
        };
    }
}
