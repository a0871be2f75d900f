package org.roomctl.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * How the demo runs. Every part can be pointed elsewhere with a flag (or its environment
 * variable): an external broker instead of the embedded one, other room configs, another place
 * for its files.
 *
 * @param configs the rooms to simulate and serve
 * @param mqttUri an external MQTT 5 broker, or null to run the embedded one
 * @param mqttHost where the embedded broker listens
 * @param mqttPort the embedded broker's port
 * @param simulatorHttpPort the simulators' state and faults API port on 127.0.0.1
 * @param runDir where the demo keeps its files (serial port links, later the database)
 */
public record DemoOptions(
        Path configs, String mqttUri, String mqttHost, int mqttPort, int simulatorHttpPort, Path runDir) {
    static final String USAGE =
            """
            usage: roomctl demo [options]
              --configs DIR      room configs (env ROOMCTL_ROOMS; default room-configs)
              --mqtt URI         use this MQTT 5 broker instead of the embedded one (env ROOMCTL_MQTT_URL)
              --mqtt-port N      the embedded broker's port (env ROOMCTL_DEMO_MQTT_PORT; default 11883)
              --sim-port N       the simulators' state API port (default 17000)
              --run-dir DIR      where the demo keeps its files (env ROOMCTL_RUN_DIR; default run)
            """;

    /** Bad flags; the message says which. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static DemoOptions parse(String[] args, java.util.function.Function<String, String> env) throws UsageException {
        Path configs = Path.of(orDefault(env.apply("ROOMCTL_ROOMS"), "room-configs"));
        String mqtt = env.apply("ROOMCTL_MQTT_URL");
        int mqttPort = port("ROOMCTL_DEMO_MQTT_PORT", orDefault(env.apply("ROOMCTL_DEMO_MQTT_PORT"), "11883"));
        int simPort = 17000;
        Path runDir = Path.of(orDefault(env.apply("ROOMCTL_RUN_DIR"), "run"));
        List<String> a = List.of(args);
        for (int i = 0; i < a.size(); i++) {
            String flag = a.get(i);
            if (i + 1 >= a.size()) {
                throw new UsageException("unknown option or missing value: " + flag);
            }
            String value = a.get(++i);
            switch (flag) {
                case "--configs" -> configs = Path.of(value);
                case "--mqtt" -> mqtt = value;
                case "--mqtt-port" -> mqttPort = port(flag, value);
                case "--sim-port" -> simPort = port(flag, value);
                case "--run-dir" -> runDir = Path.of(value);
                default -> throw new UsageException("unknown option " + flag);
            }
        }
        if (mqtt != null && !mqtt.startsWith("tcp://") && !mqtt.startsWith("ssl://")) {
            throw new UsageException("--mqtt must be tcp://host:port or ssl://host:port, not " + mqtt);
        }
        return new DemoOptions(configs, mqtt, "127.0.0.1", mqttPort, simPort, runDir);
    }

    private static String orDefault(String v, String dflt) {
        return v == null || v.isBlank() ? dflt : v;
    }

    private static int port(String what, String value) throws UsageException {
        try {
            int p = Integer.parseInt(value);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new UsageException(what + ": '" + value + "' is not a port number");
        }
    }
}
