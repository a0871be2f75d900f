package org.roomctl.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the agent is told at start-up, from flags or, for each flag, an environment variable.
 * Secrets come from the environment only.
 *
 * @param rooms a room config file or a directory of them
 * @param brokerUri {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param username broker user (null: none)
 * @param password broker password, from ROOMCTL_MQTT_PASSWORD only (null: none)
 * @param caFile PEM CA certificates to trust for TLS (null: the JVM's)
 * @param topicPrefix the bus's topic prefix
 * @param clientIdPrefix each room connects as this prefix + the room id
 * @param checkOnly validate the configs, print the rooms and exit
 */
public record AgentSettings(
        Path rooms,
        String brokerUri,
        String username,
        String password,
        Path caFile,
        String topicPrefix,
        String clientIdPrefix,
        boolean checkOnly) {

    /** A flag, its environment variable, its default and what it is for. */
    record Option(String flag, String env, String dflt, String help) {}

    static final List<Option> OPTIONS = List.of(
            new Option("--rooms", "ROOMCTL_ROOMS", "room-configs", "a room config file, or a directory of them"),
            new Option(
                    "--broker",
                    "ROOMCTL_MQTT_URL",
                    "tcp://127.0.0.1:1883",
                    "the MQTT 5 broker: tcp://host:1883 or ssl://host:8883"),
            new Option(
                    "--username", "ROOMCTL_MQTT_USERNAME", null, "broker user name (password: ROOMCTL_MQTT_PASSWORD)"),
            new Option(
                    "--ca",
                    "ROOMCTL_MQTT_CA_FILE",
                    null,
                    "PEM file of CA certificates to trust for ssl:// (default: the JVM's)"),
            new Option("--prefix", "ROOMCTL_TOPIC_PREFIX", "roomctl", "topic prefix"),
            new Option(
                    "--client-id-prefix",
                    "ROOMCTL_AGENT_CLIENT_PREFIX",
                    "roomctl-agent-",
                    "each room connects as this + its id"));

    /** Bad flags: the message says which and why. */
    public static class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /**
     * Reads flags ({@code --rooms DIR} or {@code --rooms=DIR}), falling back to the environment.
     *
     * @param env the environment (System::getenv in production)
     */
    public static AgentSettings parse(String[] args, Function<String, String> env) throws UsageException {
        Map<String, String> given = new LinkedHashMap<>();
        boolean check = false;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String a = rest.remove(0);
            if (a.equals("--check")) {
                check = true;
                continue;
            }
            String flag = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                flag = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            String f = flag;
            Option option = OPTIONS.stream()
                    .filter(o -> o.flag.equals(f))
                    .findFirst()
                    .orElseThrow(() -> new UsageException("unknown option '" + a + "'"));
            if (value == null) {
                if (rest.isEmpty()) {
                    throw new UsageException(option.flag + " needs a value: " + option.help);
                }
                value = rest.remove(0);
            }
            given.put(option.flag, value);
        }
        Function<String, String> get = flag -> {
            Option o = OPTIONS.stream()
                    .filter(x -> x.flag.equals(flag))
                    .findFirst()
                    .orElseThrow();
            String v = given.get(flag);
            if (v == null) {
                v = env.apply(o.env);
            }
            return v == null || v.isBlank() ? o.dflt : v;
        };
        String broker = get.apply("--broker");
        if (!broker.startsWith("tcp://") && !broker.startsWith("ssl://")) {
            throw new UsageException("broker '" + broker + "' must start with tcp:// or ssl://");
        }
        String ca = get.apply("--ca");
        String password = env.apply("ROOMCTL_MQTT_PASSWORD");
        return new AgentSettings(
                Path.of(get.apply("--rooms")),
                broker,
                get.apply("--username"),
                password == null || password.isEmpty() ? null : password,
                ca == null ? null : Path.of(ca),
                get.apply("--prefix"),
                get.apply("--client-id-prefix"),
                check);
    }

    /** The help text: every flag with its variable and default. */
    public static String usage() {
        StringBuilder sb = new StringBuilder("usage: room-agent [options] [--check]\n\n");
        for (Option o : OPTIONS) {
            sb.append(String.format(
                    "  %-20s %-28s %s%s%n",
                    o.flag + " X", "(env " + o.env + ")", o.help, o.dflt == null ? "" : "; default " + o.dflt));
        }
        sb.append(String.format("  %-20s %-28s %s%n", "--check", "", "check the room configs and exit"));
        sb.append(
                "\nSecrets come from the environment: ROOMCTL_MQTT_PASSWORD, and each ${VARIABLE} a room config names.\n");
        return sb.toString();
    }
}
