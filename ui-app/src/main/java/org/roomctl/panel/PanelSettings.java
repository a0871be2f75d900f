package org.roomctl.panel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.roomctl.fleet.FleetSettings;
import org.roomctl.fleet.FleetSettings.SettingsException;
import org.roomctl.fleet.FleetSettings.Variable;

/**
 * How the touch panel runs: where it listens, and how long it waits for a room.
 *
 * @param fleet the database and broker (the variables both apps share)
 * @param host the address to listen on
 * @param port the port to listen on (0: any free port)
 * @param commandTimeout how long a button waits for the room's answer before saying so
 * @param revocationCheck how often open panels are checked against revocations, so a revoked
 *     panel leaves its screens for the enrolment screen without anyone touching it
 */
public record PanelSettings(
        FleetSettings fleet, String host, int port, Duration commandTimeout, Duration revocationCheck) {

    public static final String HOST = "ROOMCTL_PANEL_HOST";
    public static final String PORT = "ROOMCTL_PANEL_PORT";
    public static final String COMMAND_TIMEOUT = "ROOMCTL_PANEL_COMMAND_TIMEOUT";

    /** The panel's own variables, after the ones it shares with the admin console. */
    public static final List<Variable> PANEL_VARIABLES = List.of(
            new Variable(HOST, "0.0.0.0", "the address the panel listens on"),
            new Variable(PORT, "8081", "the port the panel listens on (1..65535)"),
            new Variable(
                    COMMAND_TIMEOUT, "10", "seconds a button waits for the room's answer before saying so (1..120)"));

    public PanelSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not in 0..65535");
        }
    }

    /**
     * Reads the settings from the environment.
     *
     * @throws SettingsException naming the variable that is missing or wrong, and why
     */
    public static PanelSettings fromEnv(Function<String, String> env) throws SettingsException {
        FleetSettings fleet = FleetSettings.fromEnv("panel", env);
        String host = value(env, HOST);
        if (!host.matches("[A-Za-z0-9.:_\\-\\[\\]]{1,253}")) {
            throw new SettingsException(HOST + " '" + host + "' is not a host name or address");
        }
        int port = number(env, PORT, 1, 65535);
        int timeout = number(env, COMMAND_TIMEOUT, 1, 120);
        return new PanelSettings(fleet, host, port, Duration.ofSeconds(timeout), Duration.ofSeconds(15));
    }

    /** Every variable the panel reads, for {@code --help}. */
    public static List<Variable> variables() {
        List<Variable> all = new ArrayList<>(FleetSettings.VARIABLES);
        all.addAll(org.roomctl.fleet.FleetOptions.variables());
        all.addAll(PANEL_VARIABLES);
        return all;
    }

    private static String value(Function<String, String> env, String name) {
        String v = env.apply(name);
        if (v == null || v.isBlank()) {
            return PANEL_VARIABLES.stream()
                    .filter(x -> x.name().equals(name))
                    .findFirst()
                    .orElseThrow()
                    .dflt();
        }
        return v.trim();
    }

    private static int number(Function<String, String> env, String name, int min, int max) throws SettingsException {
        String v = value(env, name);
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new SettingsException(name + " '" + v + "' must be a whole number from " + min + " to " + max);
    }
}
