package org.roomctl.admin;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.roomctl.fleet.FleetSettings;
import org.roomctl.fleet.FleetSettings.SettingsException;
import org.roomctl.fleet.FleetSettings.Variable;

/**
 * The console's own settings, read from the environment beside {@link FleetSettings}.
 *
 * @param host the address to listen on
 * @param port the port to listen on
 * @param bootstrapUser the first admin's name, made when there is no user yet (null: none)
 * @param bootstrapPassword the first admin's password (null: none)
 * @param sessionIdle a session unused this long ends
 * @param sessionMax a session ends this long after sign-in, however used
 * @param zone the time zone the console shows times and counts days in
 */
public record AdminSettings(
        String host,
        int port,
        String bootstrapUser,
        String bootstrapPassword,
        Duration sessionIdle,
        Duration sessionMax,
        ZoneId zone) {

    /** Every variable read here, for {@code --help}. */
    public static final List<Variable> VARIABLES = List.of(
            new Variable("ROOMCTL_ADMIN_HOST", "0.0.0.0", "the address the console listens on"),
            new Variable("ROOMCTL_ADMIN_PORT", "8080", "the port the console listens on"),
            new Variable(
                    "ROOMCTL_ADMIN_BOOTSTRAP_USER",
                    null,
                    "the first admin's name, created when there is no user yet (with the password below)"),
            new Variable(
                    "ROOMCTL_ADMIN_BOOTSTRAP_PASSWORD",
                    null,
                    "the first admin's password (12 characters or more); there is no default password"),
            new Variable("ROOMCTL_ADMIN_SESSION_IDLE_MINUTES", "480", "a session unused this long ends"),
            new Variable("ROOMCTL_ADMIN_SESSION_MAX_HOURS", "24", "a session ends this long after sign-in"),
            new Variable(
                    "ROOMCTL_ADMIN_TIME_ZONE",
                    "the system's",
                    "time zone for times and days shown, for example Australia/Sydney"));

    /** Defaults, for tests and the demo. */
    public static AdminSettings defaults() {
        return new AdminSettings(
                "0.0.0.0", 8080, null, null, Duration.ofHours(8), Duration.ofHours(24), ZoneId.systemDefault());
    }

    public AdminSettings withBootstrap(String user, String password) {
        return new AdminSettings(host, port, user, password, sessionIdle, sessionMax, zone);
    }

    /**
     * Reads the settings.
     *
     * @throws SettingsException naming the variable that is wrong and why
     */
    public static AdminSettings fromEnv(Function<String, String> env) throws SettingsException {
        Function<String, String> get = name -> {
            String v = env.apply(name);
            return v == null || v.isBlank() ? null : v.trim();
        };
        String host = orDefault(get.apply("ROOMCTL_ADMIN_HOST"), "0.0.0.0");
        if (!host.matches("[A-Za-z0-9.:\\[\\]-]+")) {
            throw new SettingsException("ROOMCTL_ADMIN_HOST '" + host + "' is not a host name or address");
        }
        int port = number(get, "ROOMCTL_ADMIN_PORT", 8080, 1, 65_535, "a port number");
        String user = get.apply("ROOMCTL_ADMIN_BOOTSTRAP_USER");
        String password = env.apply("ROOMCTL_ADMIN_BOOTSTRAP_PASSWORD");
        if (password != null && password.isEmpty()) {
            password = null;
        }
        if ((user == null) != (password == null)) {
            throw new SettingsException(
                    user == null
                            ? "ROOMCTL_ADMIN_BOOTSTRAP_PASSWORD is set but ROOMCTL_ADMIN_BOOTSTRAP_USER is not: set both, or neither"
                            : "ROOMCTL_ADMIN_BOOTSTRAP_USER is set but ROOMCTL_ADMIN_BOOTSTRAP_PASSWORD is not: set both, or neither");
        }
        if (password != null && password.length() < org.roomctl.admin.auth.Passwords.MIN_LENGTH) {
            throw new SettingsException("ROOMCTL_ADMIN_BOOTSTRAP_PASSWORD is too short: it needs at least "
                    + org.roomctl.admin.auth.Passwords.MIN_LENGTH + " characters");
        }
        int idle = number(get, "ROOMCTL_ADMIN_SESSION_IDLE_MINUTES", 480, 1, 60 * 24 * 30, "minutes");
        int max = number(get, "ROOMCTL_ADMIN_SESSION_MAX_HOURS", 24, 1, 24 * 90, "hours");
        if (Duration.ofMinutes(idle).compareTo(Duration.ofHours(max)) > 0) {
            throw new SettingsException("ROOMCTL_ADMIN_SESSION_IDLE_MINUTES (" + idle
                    + ") must not be longer than ROOMCTL_ADMIN_SESSION_MAX_HOURS (" + max + " h)");
        }
        ZoneId zone = ZoneId.systemDefault();
        String z = get.apply("ROOMCTL_ADMIN_TIME_ZONE");
        if (z != null) {
            try {
                zone = ZoneId.of(z);
            } catch (DateTimeException e) {
                throw new SettingsException("ROOMCTL_ADMIN_TIME_ZONE '" + z
                        + "' is not a time zone; use a name such as Europe/Berlin or UTC");
            }
        }
        return new AdminSettings(host, port, user, password, Duration.ofMinutes(idle), Duration.ofHours(max), zone);
    }

    private static int number(Function<String, String> get, String name, int dflt, int min, int max, String what)
            throws SettingsException {
        String v = get.apply(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new SettingsException(name + " '" + v + "' must be " + what + " from " + min + " to " + max);
        }
    }

    private static String orDefault(String v, String dflt) {
        return v == null ? dflt : v;
    }
}
