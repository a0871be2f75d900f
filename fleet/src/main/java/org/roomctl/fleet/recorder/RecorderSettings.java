package org.roomctl.fleet.recorder;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roomctl.fleet.FleetSettings.SettingsException;
import org.roomctl.fleet.FleetSettings.Variable;

/**
 * How an app instance records the bus. {@link #defaults()} is what the apps run; {@link #off()}
 * runs no recorder; {@link #fromEnv} reads the environment.
 *
 * @param enabled whether this instance runs a recorder at all
 * @param group the MQTT 5 shared-subscription group: instances in one group split the messages
 *     between them, each stored once; instances in two groups would each store everything (and
 *     the dedupe key then keeps one row)
 * @param connections broker connections per instance, all in the group: a broker sends each
 *     connection only so many unacknowledged messages (Mosquitto's {@code
 *     max_inflight_messages}, 20 unless configured), and with several, more of them go into
 *     each database commit. (HiveMQ CE sends a whole group one window of 50 at a time, so more
 *     connections change nothing there.)
 * @param batchSize at most this many rows per insert
 * @param batchBytes at most about this many payload bytes per insert (one larger message goes alone)
 * @param batchDelay the longest a message waits for its batch to fill; a batch goes earlier
 *     when the bus has been quiet for {@code quietGap}
 * @param quietGap a pause in arrivals this long ends a batch at once
 * @param retention rows older than this are deleted
 * @param purgeEvery how often old rows are looked for
 * @param purgeBatch rows deleted per transaction, so the table is never locked for long
 * @param sessionExpiry how long the broker keeps an instance's session (its share of messages)
 *     while the instance is away: a restart within it loses nothing
 * @param maxPending received messages held in memory at most; beyond it QoS 0 messages are
 *     dropped (and counted). QoS 1 never is: the broker sends no more than the client's receive
 *     maximum of them unacknowledged, so they cannot grow without bound
 * @param retryMin first pause after the database failed a batch; doubles up to {@code retryMax}
 * @param retryMax longest pause between attempts
 */
public record RecorderSettings(
        boolean enabled,
        String group,
        int connections,
        int batchSize,
        int batchBytes,
        Duration batchDelay,
        Duration quietGap,
        Duration retention,
        Duration purgeEvery,
        int purgeBatch,
        Duration sessionExpiry,
        int maxPending,
        Duration retryMin,
        Duration retryMax) {

    public static final String DEFAULT_GROUP = "roomctl-recorder";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(14);

    /** Every variable {@link #fromEnv} reads. */
    public static final List<Variable> VARIABLES = List.of(
            new Variable("ROOMCTL_BUS_RECORDER", "on", "record every bus message in PostgreSQL: on or off"),
            new Variable("ROOMCTL_BUS_RECORDER_GROUP", DEFAULT_GROUP, "shared-subscription group of the recorders"),
            new Variable("ROOMCTL_BUS_RETENTION", "14d", "how long recorded messages are kept: 30d, 12h, 90m"));

    public RecorderSettings {
        if (group == null || !group.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException(
                    "recorder group '" + group + "' may hold only letters, digits, '.', '_' and '-' (1 to 64)");
        }
        requirePositive("connections", connections);
        requirePositive("batchSize", batchSize);
        requirePositive("batchBytes", batchBytes);
        requirePositive("purgeBatch", purgeBatch);
        requirePositive("maxPending", maxPending);
        for (Duration d : List.of(batchDelay, quietGap, retention, purgeEvery, sessionExpiry, retryMin, retryMax)) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("recorder durations must be positive, got " + d);
            }
        }
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("recorder " + name + " must be positive, got " + value);
        }
    }

    /** What the apps run: 500 rows or 50 ms a batch, 14 days kept. */
    public static RecorderSettings defaults() {
        return new RecorderSettings(
                true,
                DEFAULT_GROUP,
                4,
                500,
                8 << 20,
                Duration.ofMillis(50),
                Duration.ofMillis(1),
                DEFAULT_RETENTION,
                Duration.ofMinutes(10),
                2000,
                Duration.ofHours(1),
                100_000,
                Duration.ofMillis(100),
                Duration.ofSeconds(5));
    }

    /** No recorder on this instance. */
    public static RecorderSettings off() {
        return defaults().withEnabled(false);
    }

    /**
     * Reads {@link #VARIABLES}; what is unset keeps its default.
     *
     * @param env the environment (System::getenv in production)
     */
    public static RecorderSettings fromEnv(Function<String, String> env) throws SettingsException {
        RecorderSettings s = defaults();
        String enabled = trimmed(env.apply("ROOMCTL_BUS_RECORDER"));
        if (enabled != null) {
            switch (enabled.toLowerCase(Locale.ROOT)) {
                case "on", "true", "yes", "1" -> s = s.withEnabled(true);
                case "off", "false", "no", "0" -> s = s.withEnabled(false);
                default -> throw new SettingsException("ROOMCTL_BUS_RECORDER '" + enabled + "' must be on or off");
            }
        }
        String group = trimmed(env.apply("ROOMCTL_BUS_RECORDER_GROUP"));
        if (group != null) {
            if (!group.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new SettingsException("ROOMCTL_BUS_RECORDER_GROUP '" + group
                        + "' may hold only letters, digits, '.', '_' and '-' (1 to 64)");
            }
            s = s.withGroup(group);
        }
        String retention = trimmed(env.apply("ROOMCTL_BUS_RETENTION"));
        if (retention != null) {
            try {
                s = s.withRetention(parseDuration(retention));
            } catch (IllegalArgumentException e) {
                throw new SettingsException("ROOMCTL_BUS_RETENTION " + e.getMessage());
            }
        }
        return s;
    }

    private static String trimmed(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*([dhms])");

    /**
     * A duration as people write it: a whole number and a unit, {@code d}ays, {@code h}ours,
     * {@code m}inutes or {@code s}econds ({@code 30d}, {@code 12h}, {@code 90m}).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration: write a whole number and d, h, m or s, for example 30d or 12h");
        }
        long n = Long.parseLong(m.group(1));
        Duration d =
                switch (m.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofSeconds(n);
                };
        if (d.isZero()) {
            throw new IllegalArgumentException("'" + text + "' must be longer than zero");
        }
        return d;
    }

    public RecorderSettings withEnabled(boolean on) {
        return new RecorderSettings(
                on,
                group,
                connections,
                batchSize,
                batchBytes,
                batchDelay,
                quietGap,
                retention,
                purgeEvery,
                purgeBatch,
                sessionExpiry,
                maxPending,
                retryMin,
                retryMax);
    }

    public RecorderSettings withGroup(String newGroup) {
        return new RecorderSettings(
                enabled,
                newGroup,
                connections,
                batchSize,
                batchBytes,
                batchDelay,
                quietGap,
                retention,
                purgeEvery,
                purgeBatch,
                sessionExpiry,
                maxPending,
                retryMin,
                retryMax);
    }

    public RecorderSettings withConnections(int n) {
        return new RecorderSettings(
                enabled,
                group,
                n,
                batchSize,
                batchBytes,
                batchDelay,
                quietGap,
                retention,
                purgeEvery,
                purgeBatch,
                sessionExpiry,
                maxPending,
                retryMin,
                retryMax);
    }

    public RecorderSettings withBatch(int rows, Duration delay) {
        return new RecorderSettings(
                enabled,
                group,
                connections,
                rows,
                batchBytes,
                delay,
                quietGap,
                retention,
                purgeEvery,
                purgeBatch,
                sessionExpiry,
                maxPending,
                retryMin,
                retryMax);
    }

    public RecorderSettings withRetention(Duration keep) {
        return new RecorderSettings(
                enabled,
                group,
                connections,
                batchSize,
                batchBytes,
                batchDelay,
                quietGap,
                keep,
                purgeEvery,
                purgeBatch,
                sessionExpiry,
                maxPending,
                retryMin,
                retryMax);
    }

    public RecorderSettings withPurge(Duration every, int rowsPerTransaction) {
        return new RecorderSettings(
                enabled,
                group,
                connections,
                batchSize,
                batchBytes,
                batchDelay,
                quietGap,
                retention,
                every,
                rowsPerTransaction,
                sessionExpiry,
                maxPending,
                retryMin,
                retryMax);
    }

    public RecorderSettings withMaxPending(int messages) {
        return new RecorderSettings(
                enabled,
                group,
                connections,
                batchSize,
                batchBytes,
                batchDelay,
                quietGap,
                retention,
                purgeEvery,
                purgeBatch,
                sessionExpiry,
                messages,
                retryMin,
                retryMax);
    }

    public RecorderSettings withRetry(Duration min, Duration max) {
        return new RecorderSettings(
                enabled,
                group,
                connections,
                batchSize,
                batchBytes,
                batchDelay,
                quietGap,
                retention,
                purgeEvery,
                purgeBatch,
                sessionExpiry,
                maxPending,
                min,
                max);
    }
}
