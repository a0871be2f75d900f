package org.roomctl.contract;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something that happened in a room, published (not retained) on {@code <prefix>/rooms/<room>/events}:
 * {@code {"type": "call", "room": "...", "timestamp": "...", "state": "connected", ...}}.
 *
 * <p>Types: {@code call} (state, previous, peer, direction), {@code device} (device, status,
 * previous, reason), {@code command.failed} (action, id, by, error), {@code agent} (what: started).
 */
public final class Event {
    public static final String CALL = "call";
    public static final String DEVICE = "device";
    public static final String COMMAND_FAILED = "command.failed";
    public static final String AGENT = "agent";

    private final Map<String, Object> fields = new LinkedHashMap<>();

    public Event() {}

    public Event(String type, String room, Instant timestamp) {
        fields.put("type", type);
        fields.put("room", room);
        fields.put("timestamp", timestamp.toString());
    }

    /** Adds a field (ignored when the value is null). */
    @JsonAnySetter
    public Event with(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    @JsonAnyGetter
    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    public String type() {
        return (String) fields.get("type");
    }

    public Object get(String name) {
        return fields.get(name);
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
