package org.roomctl.admin.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roomctl.admin.connections.ConnectionRow;
import org.roomctl.admin.rooms.DeviceView;
import org.roomctl.admin.rooms.RoomRow;
import org.roomctl.admin.schedules.BookingRow;
import org.roomctl.fleet.alerts.Alert;
import org.roomctl.fleet.connect.ConnectionEvent;
import org.roomctl.fleet.schedule.Booking;
import org.roomctl.fleet.schedule.BookingEvent;

/** The API's JSON shapes (described in {@code openapi.json}): plain maps, nulls left out. */
final class ApiViews {
    private ApiViews() {}

    static Map<String, Object> room(RoomRow r, boolean full) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("name", r.name());
        m.put("site", r.site());
        m.put("enabled", r.enabled());
        m.put("availability", r.availability());
        put(m, "availabilitySince", r.availabilitySince());
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("state", r.call() == null ? "unknown" : r.call());
        put(call, "peer", r.peer());
        put(call, "since", r.callSince());
        m.put("call", call);
        if (full) {
            List<Map<String, Object>> devices = new ArrayList<>();
            for (DeviceView d : r.devices()) {
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("id", d.id());
                dm.put("role", d.role());
                dm.put("type", d.type());
                dm.put("status", d.status());
                put(dm, "reason", d.reason());
                put(dm, "since", d.since());
                dm.put("properties", d.properties());
                devices.add(dm);
            }
            m.put("devices", devices);
        } else {
            m.put(
                    "devices",
                    Map.of(
                            "total", r.devices().size(),
                            "online", r.devicesOnline(),
                            "degraded", r.devicesDegraded(),
                            "offline", r.devicesOffline()));
        }
        m.put("problems", r.problems());
        return m;
    }

    static Map<String, Object> connection(ConnectionRow c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("caller", c.caller());
        m.put("callerName", c.callerName());
        m.put("callee", c.callee());
        m.put("calleeName", c.calleeName());
        m.put("status", c.status());
        put(m, "reason", c.reason());
        m.put("requestedBy", c.requestedBy());
        m.put("via", c.via());
        put(m, "requestedAt", c.requestedAt());
        put(m, "connectedAt", c.connectedAt());
        put(m, "endedAt", c.endedAt());
        return m;
    }

    static Map<String, Object> event(ConnectionEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "at", e.at());
        put(m, "from", e.from() == null ? null : e.from().wireName());
        m.put("to", e.to().wireName());
        put(m, "detail", e.detail());
        return m;
    }

    static Map<String, Object> booking(BookingRow row) {
        Booking b = row.booking();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("title", b.title());
        m.put("caller", b.caller());
        m.put("callerName", row.callerName());
        m.put("callee", b.callee());
        m.put("calleeName", row.calleeName());
        put(m, "start", b.startsAt());
        put(m, "end", b.endsAt());
        m.put("state", row.state());
        m.put("bookedBy", b.bookedBy());
        put(m, "bookedAt", b.bookedAt());
        m.put("attempts", b.attempts());
        put(m, "lastFailure", b.lastFailure());
        put(m, "connection", b.connectionId());
        if (row.connection() != null) {
            m.put("connectionStatus", row.connectionStatus());
        }
        put(m, "outcome", b.outcome());
        put(m, "cancelledBy", b.cancelledBy());
        put(m, "finishedAt", b.finishedAt());
        return m;
    }

    static Map<String, Object> bookingEvent(BookingEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "at", e.at());
        put(m, "from", e.from() == null ? null : e.from().wireName());
        m.put("to", e.to().wireName());
        put(m, "detail", e.detail());
        return m;
    }

    static Map<String, Object> alert(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("kind", a.kind());
        put(m, "room", a.room());
        put(m, "device", a.device());
        m.put("message", a.message());
        m.put("raisedBy", a.raisedBy());
        put(m, "raisedAt", a.raisedAt());
        put(m, "acknowledgedAt", a.acknowledgedAt());
        put(m, "acknowledgedBy", a.acknowledgedBy());
        put(m, "resolvedAt", a.resolvedAt());
        put(m, "resolvedBy", a.resolvedBy());
        m.put("state", a.resolvedAt() != null ? "resolved" : a.acknowledgedAt() != null ? "acknowledged" : "open");
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value instanceof java.time.Instant i ? i.toString() : value);
        }
    }
}
