package org.roomctl.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * How the demo runs. Every part can be pointed elsewhere with a flag (or its environment
 * variable): an external broker or database instead of the embedded ones, other room configs,
 * other ports, another place for its files.
 *
 * @param configs the rooms to simulate and serve
 * @param mqttUri an external MQTT 5 broker, or null to run the embedded one
 * @param mqttHost where the embedded broker listens
 * @param mqttPort the embedded broker's port
 * @param databaseUrl an external PostgreSQL (JDBC URL), or null to run the embedded one
 * @param databasePort the embedded PostgreSQL's port
 * @param simulatorHttpPort the simulators' state and faults API port on 127.0.0.1
 * @param webHost where the admin console and the touch panel listen
 * @param adminPort the admin console's port
 * @param panelPort the touch panel's port
 * @param runDir where the demo keeps its files (serial port links, the broker's and the
 *     database's data, the demo admin's password)
 */
public record DemoOptions(
        Path configs,
        String mqttUri,
        String mqttHost,
        int mqttPort,
        String databaseUrl,
        int databasePort,
        int simulatorHttpPort,
        String webHost,
        int adminPort,
        int panelPort,
        Path runDir) {
    static final String USAGE =
            """
            usage: roomctl demo [options]
              --configs DIR      room configs (env ROOMCTL_ROOMS; default room-configs)
              --mqtt URI         use this MQTT 5 broker instead of the embedded one (env ROOMCTL_MQTT_URL)
              --mqtt-port N      the embedded broker's port (env ROOMCTL_DEMO_MQTT_PORT; default 11883)
              --database URL     use this PostgreSQL (a JDBC URL) instead of the embedded one
                                 (env ROOMCTL_DATABASE_URL)
              --db-port N        the embedded PostgreSQL's port (env ROOMCTL_DEMO_DB_PORT; default 15432)
              --sim-port N       the simulators' state API port (env ROOMCTL_DEMO_SIM_PORT; default 17000)
              --web-host HOST    where the console and the panel listen (env ROOMCTL_DEMO_WEB_HOST;
                                 default 127.0.0.1; 0.0.0.0 to open them from a tablet)
              --admin-port N     the admin console's port (env ROOMCTL_DEMO_ADMIN_PORT; default 8080)
              --panel-port N     the touch panel's port (env ROOMCTL_DEMO_PANEL_PORT; default 8081)
              --run-dir DIR      where the demo keeps its files (env ROOMCTL_RUN_DIR; default run)
            """;

    /** Bad flags; the message says which. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static DemoOptions parse(String[] args, Function<String, String> env) throws UsageException {
        Path configs = Path.of(orDefault(env.apply("ROOMCTL_ROOMS"), "room-configs"));
        String mqtt = blankToNull(env.apply("ROOMCTL_MQTT_URL"));
        int mqttPort = port("ROOMCTL_DEMO_MQTT_PORT", orDefault(env.apply("ROOMCTL_DEMO_MQTT_PORT"), "11883"));
        String database = blankToNull(env.apply("ROOMCTL_DATABASE_URL"));
        int dbPort = port("ROOMCTL_DEMO_DB_PORT", orDefault(env.apply("ROOMCTL_DEMO_DB_PORT"), "15432"));
        int simPort = port("ROOMCTL_DEMO_SIM_PORT", orDefault(env.apply("ROOMCTL_DEMO_SIM_PORT"), "17000"));
        String webHost = orDefault(env.apply("ROOMCTL_DEMO_WEB_HOST"), "127.0.0.1");
        int adminPort = port("ROOMCTL_DEMO_ADMIN_PORT", orDefault(env.apply("ROOMCTL_DEMO_ADMIN_PORT"), "8080"));
        int panelPort = port("ROOMCTL_DEMO_PANEL_PORT", orDefault(env.apply("ROOMCTL_DEMO_PANEL_PORT"), "8081"));
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
                case "--database" -> database = value;
                case "--db-port" -> dbPort = port(flag, value);
                case "--sim-port" -> simPort = port(flag, value);
                case "--web-host" -> webHost = value;
                case "--admin-port" -> adminPort = port(flag, value);
                case "--panel-port" -> panelPort = port(flag, value);
                case "--run-dir" -> runDir = Path.of(value);
                default -> throw new UsageException("unknown option " + flag);
            }
        }
        if (mqtt != null && !mqtt.startsWith("tcp://") && !mqtt.startsWith("ssl://")) {
            throw new UsageException("--mqtt must be tcp://host:port or ssl://host:port, not " + mqtt);
        }
        if (database != null && !database.startsWith("jdbc:postgresql://")) {
            throw new UsageException(
                    "--database must be a PostgreSQL JDBC URL, jdbc:postgresql://host:port/database, not " + database);
        }
        if (adminPort == panelPort) {
            throw new UsageException("the admin console and the touch panel cannot share port " + adminPort);
        }
        return new DemoOptions(
                configs, mqtt, "127.0.0.1", mqttPort, database, dbPort, simPort, webHost, adminPort, panelPort, runDir);
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
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
