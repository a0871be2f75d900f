package org.roomctl.fleet;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javax.net.SocketFactory;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.contract.bus.BusTls;

/**
 * Where an app instance finds the fleet: its PostgreSQL and its MQTT broker, read from the
 * environment (the same variables for both apps, so one environment file serves both). Secrets
 * come from the environment only.
 *
 * @param databaseUrl a JDBC URL, {@code jdbc:postgresql://host:5432/roomctl}
 * @param databaseUser null: none, or the one in the URL
 * @param databasePassword null: none
 * @param brokerUri {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param brokerUser null: none
 * @param brokerPassword null: none
 * @param caFile PEM CA certificates to trust for {@code ssl://} (null: the JVM's)
 * @param topicPrefix the bus's topic prefix
 * @param instance names this app instance among those sharing the database
 */
public record FleetSettings(
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        String brokerUri,
        String brokerUser,
        String brokerPassword,
        Path caFile,
        String topicPrefix,
        String instance) {

    /** A variable, its default (null: none) and what it is for. */
    public record Variable(String name, String dflt, String help) {}

    /** Every variable read here, for an app's {@code --help} and the README's table. */
    public static final List<Variable> VARIABLES = List.of(
            new Variable("ROOMCTL_DATABASE_URL", null, "JDBC URL of the PostgreSQL database (required)"),
            new Variable("ROOMCTL_DATABASE_USER", null, "database user (or in the URL)"),
            new Variable("ROOMCTL_DATABASE_PASSWORD", null, "database password"),
            new Variable(
                    "ROOMCTL_MQTT_URL",
                    "tcp://127.0.0.1:1883",
                    "the MQTT 5 broker: tcp://host:1883 or ssl://host:8883"),
            new Variable("ROOMCTL_MQTT_USERNAME", null, "broker user"),
            new Variable("ROOMCTL_MQTT_PASSWORD", null, "broker password"),
            new Variable("ROOMCTL_MQTT_CA_FILE", null, "PEM CA certificates to trust for ssl:// (default: the JVM's)"),
            new Variable("ROOMCTL_TOPIC_PREFIX", "roomctl", "topic prefix"),
            new Variable(
                    "ROOMCTL_INSTANCE",
                    "<app>-<host>",
                    "this instance's name: unique among instances, the same across its restarts"));

    /** A setting that is missing or wrong: the message names the variable and what is wrong. */
    public static final class SettingsException extends Exception {
        public SettingsException(String message) {
            super(message);
        }
    }

    /**
     * Reads the settings.
     *
     * @param app the app's name, which starts the default instance name ({@code admin}, {@code panel})
     * @param env the environment (System::getenv in production)
     */
    public static FleetSettings fromEnv(String app, Function<String, String> env) throws SettingsException {
        Function<String, String> get = name -> {
            String v = env.apply(name);
            if (v == null || v.isBlank()) {
                return VARIABLES.stream()
                        .filter(x -> x.name().equals(name))
                        .findFirst()
                        .map(Variable::dflt)
                        .orElse(null);
            }
            return v.trim();
        };
        String db = get.apply("ROOMCTL_DATABASE_URL");
        if (db == null) {
            throw new SettingsException("ROOMCTL_DATABASE_URL is not set: give the JDBC URL of the PostgreSQL"
                    + " database, for example jdbc:postgresql://db.example.org:5432/roomctl");
        }
        if (!db.startsWith("jdbc:postgresql://")) {
            throw new SettingsException("ROOMCTL_DATABASE_URL '" + db
                    + "' must be a PostgreSQL JDBC URL: jdbc:postgresql://host:port/database");
        }
        String broker = get.apply("ROOMCTL_MQTT_URL");
        if (!broker.startsWith("tcp://") && !broker.startsWith("ssl://")) {
            throw new SettingsException("ROOMCTL_MQTT_URL '" + broker + "' must start with tcp:// or ssl://");
        }
        String ca = get.apply("ROOMCTL_MQTT_CA_FILE");
        String instance = get.apply("ROOMCTL_INSTANCE");
        if (instance == null || instance.startsWith("<")) {
            // Stable across restarts: the bus recorder resumes its broker sessions by this name.
            instance = app + "-" + hostName();
        }
        if (!instance.matches("[A-Za-z0-9._-]{1,80}")) {
            throw new SettingsException(
                    "ROOMCTL_INSTANCE '" + instance + "' may hold only letters, digits, '.', '_' and '-' (at most 80)");
        }
        return new FleetSettings(
                db,
                get.apply("ROOMCTL_DATABASE_USER"),
                get.apply("ROOMCTL_DATABASE_PASSWORD"),
                broker,
                get.apply("ROOMCTL_MQTT_USERNAME"),
                get.apply("ROOMCTL_MQTT_PASSWORD"),
                ca == null ? null : Path.of(ca),
                get.apply("ROOMCTL_TOPIC_PREFIX"),
                instance);
    }

    public Topics topics() {
        return new Topics(topicPrefix);
    }

    /** The broker connection (the client id is set by {@link Fleet#start} from the instance). */
    public BusOptions busOptions() throws IOException {
        SocketFactory tls = caFile != null ? BusTls.trusting(caFile) : null;
        return BusOptions.to(brokerUri, instance)
                .withCredentials(brokerUser, brokerPassword)
                .withTls(tls);
    }

    private static String hostName() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            int dot = h.indexOf('.');
            return (dot > 0 ? h.substring(0, dot) : h).replaceAll("[^A-Za-z0-9-]", "");
        } catch (UnknownHostException e) {
            return "host";
        }
    }
}
