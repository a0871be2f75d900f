package org.roomctl.fleet.alerts.rules;

import static org.roomctl.schema.jooq.Tables.ALERT;
import static org.roomctl.schema.jooq.Tables.CONNECTION;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.contract.state.DeviceStatus;
import org.roomctl.fleet.alerts.Alert;
import org.roomctl.fleet.alerts.Alerts;
import org.roomctl.fleet.audit.AuditLog;
import org.roomctl.fleet.catalog.RoomSnapshot;
import org.roomctl.fleet.catalog.RoomView;
import org.roomctl.fleet.connect.Connection;
import org.roomctl.fleet.connect.ConnectionService;
import org.roomctl.fleet.connect.ConnectionStatus;
import org.roomctl.fleet.schedule.Scheduler;
import org.roomctl.schema.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert rules: follows the rooms and the connections and raises
 *
 * <ul>
 *   <li>{@code device_offline} when a device has been offline longer than {@link
 *       AlertRuleSettings#deviceOfflineAfter()}, about {@code room/device};
 *   <li>{@code agent_offline} when a room's agent has been offline longer than {@link
 *       AlertRuleSettings#agentOfflineAfter()}, about the room;
 *   <li>{@code connection_failed} when a connection fails, about {@code connection/<id>}.
 * </ul>
 *
 * <p>The first two are resolved (by {@code system}) once the rooms say the condition has cleared;
 * a connection failure stays for an operator. Every instance runs the rules: the database keeps
 * one open alert per kind and subject, so each is raised once; resolving is a conditional update,
 * so it happens once too. A failed connection is raised by the instance that recorded the
 * failure, at once, and otherwise by any instance within a tick (one that recorded it may have
 * stopped). All of it runs on the instance's scheduler thread.
 */
public final class AlertRules {
    private static final Logger log = LoggerFactory.getLogger(AlertRules.class);
    static final String SYSTEM = "system";
    /** How far back failed connections are looked at for a missing alert. */
    static final Duration CATCH_UP = Duration.ofHours(1);

    private final RoomView view;
    private final ConnectionService connections;
    private final Alerts alerts;
    private final AuditLog audit;
    private final DSLContext sql;
    private final Scheduler scheduler;
    private final Clock clock;
    private final AlertRuleSettings settings;
    private final String raisedBy;

    // Scheduler thread only.
    /** Rooms whose agent is offline, since when. */
    private final Map<String, Instant> agentDown = new HashMap<>();
    /** Devices ({@code room/device}) offline, since when. */
    private final Map<String, Instant> deviceDown = new HashMap<>();
    /** Conditions this instance has raised (or found raised): not raised again until they clear. */
    private final Set<String> raised = new HashSet<>();

    public AlertRules(
            RoomView view,
            ConnectionService connections,
            Alerts alerts,
            AuditLog audit,
            Database database,
            Scheduler scheduler,
            Clock clock,
            AlertRuleSettings settings,
            String instance) {
        this.view = view;
        this.connections = connections;
        this.alerts = alerts;
        this.audit = audit;
        this.sql = database.dsl();
        this.scheduler = scheduler;
        this.clock = clock;
        this.settings = settings;
        this.raisedBy = "rule@" + instance;
    }

    /** Follows the rooms and connections (call before the bus connects) and starts checking. */
    public void start() {
        view.addListener((previous, current) -> scheduler.execute("alert rules", () -> observe(current)));
        connections.addListener(c -> {
            if (c.status() == ConnectionStatus.FAILED) {
                scheduler.execute("alert rules", () -> connectionFailed(c));
            }
        });
        scheduler.every("alert rules", settings.check(), this::check);
    }

    /** Notes when a room's agent or a device went offline, and forgets what came back. */
    private void observe(RoomSnapshot s) {
        Instant now = clock.instant();
        String room = s.id();
        if (RoomSnapshot.OFFLINE.equals(s.availability())) {
            agentDown.putIfAbsent(room, earliest(s.availabilitySince(), now));
            // Its devices' state is unknown while the agent is away: their timers stop.
            forget(deviceDown, room + "/", null);
            return;
        }
        forgetCondition(agentDown, room);
        if (!s.online() || s.state() == null) {
            return;
        }
        Set<String> present = new HashSet<>();
        for (DeviceState d : s.state().devices().values()) {
            String key = room + "/" + d.id();
            present.add(key);
            if (d.status() == DeviceStatus.OFFLINE) {
                deviceDown.putIfAbsent(key, earliest(d.since(), now));
            } else {
                forgetCondition(deviceDown, key);
            }
        }
        forget(deviceDown, room + "/", present);
    }

    void check() {
        Instant now = clock.instant();
        for (Map.Entry<String, Instant> e : Map.copyOf(agentDown).entrySet()) {
            String room = e.getKey();
            String condition = Alert.AGENT_OFFLINE + ":" + room;
            if (due(e.getValue(), settings.agentOfflineAfter(), now) && !raised.contains(condition)) {
                raise(
                        Alert.AGENT_OFFLINE,
                        room,
                        null,
                        room,
                        name(room) + " is offline: its room agent has not been connected for more than "
                                + words(settings.agentOfflineAfter()));
                raised.add(condition); // only once the database has it (raise throws if it is down)
            }
        }
        for (Map.Entry<String, Instant> e : Map.copyOf(deviceDown).entrySet()) {
            String key = e.getKey();
            String condition = Alert.DEVICE_OFFLINE + ":" + key;
            if (due(e.getValue(), settings.deviceOfflineAfter(), now) && !raised.contains(condition)) {
                String room = key.substring(0, key.indexOf('/'));
                String device = key.substring(key.indexOf('/') + 1);
                DeviceState d = view.room(room)
                        .map(RoomSnapshot::state)
                        .map(st -> st.devices().get(device))
                        .orElse(null);
                String why = d == null || d.reason() == null ? "" : ": " + d.reason();
                raise(
                        Alert.DEVICE_OFFLINE,
                        room,
                        device,
                        key,
                        name(room) + "'s " + (d == null || d.role() == null ? device : d.role()) + " (" + device
                                + ") has been offline for more than " + words(settings.deviceOfflineAfter()) + why);
                raised.add(condition);
            }
        }
        resolveCleared();
        catchUpFailedConnections(now);
    }

    private void raise(String kind, String room, String device, String subject, String message) {
        alerts.raise(kind, room, device, subject, message, raisedBy).ifPresent(a -> {
            log.info("alert {} raised: {}", a.id(), message);
            audit.record(SYSTEM, "alert.raise", "alert:" + a.id(), details(a));
        });
    }

    /** Resolves open device and agent alerts whose condition the rooms say has cleared. */
    private void resolveCleared() {
        for (Alert a : alerts.open(List.of(Alert.AGENT_OFFLINE, Alert.DEVICE_OFFLINE))) {
            String cleared = cleared(a);
            if (cleared != null && alerts.resolve(a.id(), SYSTEM)) {
                log.info("alert {} resolved: {}", a.id(), cleared);
                Map<String, Object> d = details(a);
                d.put("cleared", cleared);
                audit.record(SYSTEM, "alert.resolve", "alert:" + a.id(), d);
            }
        }
    }

    /** Why an alert's condition has cleared, or null if it has not (or this instance cannot tell yet). */
    private String cleared(Alert a) {
        if (a.room() == null) {
            return null;
        }
        RoomSnapshot s = view.room(a.room()).orElse(null);
        if (s == null || !s.online()) {
            return null;
        }
        if (a.kind().equals(Alert.AGENT_OFFLINE)) {
            return "the room agent is back";
        }
        if (a.device() == null || s.state() == null) {
            return null;
        }
        DeviceState d = s.state().devices().get(a.device());
        if (d == null) {
            return "the device is no longer in the room";
        }
        return d.status() == DeviceStatus.OFFLINE
                ? null
                : "the device is " + d.status().wireName() + " again";
    }

    private void connectionFailed(Connection c) {
        alerts.raiseOnce(
                        Alert.CONNECTION_FAILED,
                        c.caller(),
                        null,
                        "connection/" + c.id(),
                        "Connection " + c.id() + " from " + name(c.caller()) + " to " + name(c.callee()) + " failed: "
                                + c.failureReason(),
                        raisedBy)
                .ifPresent(a -> {
                    log.info("alert {} raised: {}", a.id(), a.message());
                    audit.record(SYSTEM, "alert.raise", "alert:" + a.id(), details(a));
                });
    }

    /** Failed connections of the last hour that no instance raised an alert for. */
    private void catchUpFailedConnections(Instant now) {
        List<Long> missing = sql.select(CONNECTION.ID)
                .from(CONNECTION)
                .where(CONNECTION.STATUS.eq(ConnectionStatus.FAILED.wireName()))
                .and(CONNECTION.REQUESTED_AT.gt(now.minus(CATCH_UP)))
                .andNotExists(DSL.selectOne()
                        .from(ALERT)
                        .where(ALERT.KIND.eq(Alert.CONNECTION_FAILED))
                        .and(ALERT.SUBJECT.eq(DSL.inline("connection/").concat(CONNECTION.ID))))
                .fetch(CONNECTION.ID);
        for (long id : missing) {
            connections.find(id).ifPresent(this::connectionFailed);
        }
    }

    private String name(String room) {
        return view.room(room).map(RoomSnapshot::info).map(i -> i.name()).orElse(room);
    }

    /** Removes a condition that cleared, so it may be raised again if it comes back. */
    private void forgetCondition(Map<String, Instant> down, String key) {
        if (down.remove(key) != null) {
            raised.remove((down == agentDown ? Alert.AGENT_OFFLINE : Alert.DEVICE_OFFLINE) + ":" + key);
        }
    }

    /** Forgets the devices under {@code prefix} that are not in {@code keep} (null: forgets them all). */
    private void forget(Map<String, Instant> down, String prefix, Set<String> keep) {
        for (String key : Set.copyOf(down.keySet())) {
            if (key.startsWith(prefix) && (keep == null || !keep.contains(key))) {
                forgetCondition(down, key);
            }
        }
    }

    private static boolean due(Instant since, Duration after, Instant now) {
        return !since.plus(after).isAfter(now);
    }

    /** The reported time if it is in the past, else now (another clock may run ahead of ours). */
    private static Instant earliest(Instant reported, Instant now) {
        return reported != null && reported.isBefore(now) ? reported : now;
    }

    static String words(Duration d) {
        if (d.toMillis() % 60_000 == 0 && !d.isZero()) {
            long m = d.toMinutes();
            return m + (m == 1 ? " minute" : " minutes");
        }
        if (d.toMillis() % 1000 == 0) {
            long s = d.toSeconds();
            return s + (s == 1 ? " second" : " seconds");
        }
        return d.toMillis() + " ms";
    }

    private static Map<String, Object> details(Alert a) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", a.kind());
        if (a.room() != null) {
            d.put("room", a.room());
        }
        if (a.device() != null) {
            d.put("device", a.device());
        }
        d.put("message", a.message());
        return d;
    }
}
