package org.roomctl.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.roomctl.fleet.FleetSettings.SettingsException;
import org.roomctl.fleet.FleetSettings.Variable;
import org.roomctl.fleet.alerts.rules.AlertRuleSettings;
import org.roomctl.fleet.connect.ConnectionSettings;
import org.roomctl.fleet.recorder.RecorderSettings;
import org.roomctl.fleet.schedule.ScheduleSettings;

/**
 * How an app instance's {@link Fleet} behaves: the timings of connections, bookings and shutdowns,
 * when alerts are raised, and whether and how it records the bus. The apps read the parts people
 * tune from the environment ({@link #fromEnv}); tests shorten the timings.
 */
public record FleetOptions(
        ConnectionSettings connections,
        ScheduleSettings schedules,
        AlertRuleSettings alertRules,
        RecorderSettings recorder) {

    public static FleetOptions defaults() {
        return new FleetOptions(
                ConnectionSettings.defaults(),
                ScheduleSettings.defaults(),
                AlertRuleSettings.defaults(),
                RecorderSettings.defaults());
    }

    /**
     * The defaults, with the alert delays and the recorder read from the environment.
     *
     * @throws SettingsException naming the variable that is wrong and why
     */
    public static FleetOptions fromEnv(Function<String, String> env) throws SettingsException {
        return defaults().withAlertRules(AlertRuleSettings.fromEnv(env)).withRecorder(RecorderSettings.fromEnv(env));
    }

    /** Every variable {@link #fromEnv} reads, for an app's {@code --help}. */
    public static List<Variable> variables() {
        List<Variable> all = new ArrayList<>(AlertRuleSettings.VARIABLES);
        all.addAll(RecorderSettings.VARIABLES);
        return all;
    }

    public FleetOptions withConnections(ConnectionSettings c) {
        return new FleetOptions(c, schedules, alertRules, recorder);
    }

    public FleetOptions withSchedules(ScheduleSettings s) {
        return new FleetOptions(connections, s, alertRules, recorder);
    }

    public FleetOptions withAlertRules(AlertRuleSettings a) {
        return new FleetOptions(connections, schedules, a, recorder);
    }

    public FleetOptions withRecorder(RecorderSettings r) {
        return new FleetOptions(connections, schedules, alertRules, r);
    }
}
