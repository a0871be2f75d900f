package org.roomctl.fleet.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.roomctl.contract.Json;
import org.roomctl.contract.Reply;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.contract.command.Command;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.FleetHarness;
import org.roomctl.fleet.FleetOptions;
import org.roomctl.fleet.alerts.rules.AlertRuleSettings;

/** App instances on the test rooms with schedules and alert rules timed in seconds and less. */
public final class QuickFleets {
    public static final ScheduleSettings SCHEDULES = new ScheduleSettings(
            Duration.ofMillis(200),
            Duration.ofSeconds(2),
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofHours(1));
    public static final AlertRuleSettings RULES =
            new AlertRuleSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMillis(200));

    private QuickFleets() {}

    public static Fleet start(FleetHarness h, String instance) {
        return start(h, instance, SCHEDULES, RULES);
    }

    public static Fleet start(FleetHarness h, String instance, ScheduleSettings schedules, AlertRuleSettings rules) {
        return h.rig.closeLater(Fleet.start(
                h.database(instance),
                BusOptions.to(h.rig.broker.uri(), instance),
                h.rig.topics,
                instance + "-" + UUID.randomUUID().toString().substring(0, 4),
                Clock.systemUTC(),
                FleetOptions.defaults()
                        .withConnections(FleetHarness.QUICK)
                        .withSchedules(schedules)
                        .withAlertRules(rules)));
    }

    /** Sends a command to a room as an app would, and waits for its reply. */
    public static Reply command(Fleet f, String room, String action, Map<String, Object> args) throws Exception {
        Command c = Command.of(action, args).withId("test-" + UUID.randomUUID(), "test");
        BusMessage m = BusMessage.of(f.topics().command(room), Json.bytes(c.toJson()), 1, false)
                .withExpiry(10);
        return Json.read(f.bus().request(m, Duration.ofSeconds(10)).get().payload(), Reply.class);
    }
}
