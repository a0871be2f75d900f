package org.roomctl.fleet.alerts.rules;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roomctl.fleet.FleetSettings;

/**
 * When the alert rules raise an alert.
 *
 * @param deviceOfflineAfter how long a device may be offline before {@code device_offline}
 * @param agentOfflineAfter how long a room's agent may be offline before {@code agent_offline}
 * @param check how often the conditions are checked (and cleared alerts resolved)
 */
public record AlertRuleSettings(Duration deviceOfflineAfter, Duration agentOfflineAfter, Duration check) {
    public static final String DEVICE_OFFLINE_AFTER = "ROOMCTL_ALERT_DEVICE_OFFLINE_AFTER";
    public static final String AGENT_OFFLINE_AFTER = "ROOMCTL_ALERT_AGENT_OFFLINE_AFTER";

    /** The variables read here, for an app's {@code --help}. */
    public static final List<FleetSettings.Variable> VARIABLES = List.of(
            new FleetSettings.Variable(
                    DEVICE_OFFLINE_AFTER, "2m", "alert when a device is offline this long (90s, 2m, 1h)"),
            new FleetSettings.Variable(
                    AGENT_OFFLINE_AFTER, "30s", "alert when a room's agent is offline this long (30s, 1m)"));

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    public AlertRuleSettings {
        if (deviceOfflineAfter.isNegative() || agentOfflineAfter.isNegative() || check.isNegative() || check.isZero()) {
            throw new IllegalArgumentException(
                    "alert rule durations must not be negative, and checks need an interval");
        }
    }

    public static AlertRuleSettings defaults() {
        return new AlertRuleSettings(Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    /**
     * Reads the delays from the environment; unset variables keep their defaults.
     *
     * @throws FleetSettings.SettingsException naming the variable and what is wrong with it
     */
    public static AlertRuleSettings fromEnv(Function<String, String> env) throws FleetSettings.SettingsException {
        AlertRuleSettings d = defaults();
        return new AlertRuleSettings(
                read(env, DEVICE_OFFLINE_AFTER, d.deviceOfflineAfter()),
                read(env, AGENT_OFFLINE_AFTER, d.agentOfflineAfter()),
                d.check());
    }

    private static Duration read(Function<String, String> env, String name, Duration dflt)
            throws FleetSettings.SettingsException {
        String v = env.apply(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return parse(v);
        } catch (IllegalArgumentException e) {
            throw new FleetSettings.SettingsException(name + " '" + v.strip() + "': " + e.getMessage());
        }
    }

    /**
     * A duration as people write it: {@code 90s}, {@code 2m}, {@code 1h}, {@code 500ms}, a number
     * of seconds, or ISO-8601 ({@code PT2M}).
     *
     * @throws IllegalArgumentException saying what is accepted
     */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            Duration d = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            if (d.isNegative()) {
                throw new IllegalArgumentException("a duration cannot be negative");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration: write it as 90s, 2m, 1h, 500ms or PT2M");
        }
    }
}
