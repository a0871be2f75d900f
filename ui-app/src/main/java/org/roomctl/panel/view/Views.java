package org.roomctl.panel.view;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.roomctl.contract.state.CallState;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.catalog.CatalogRoom;
import org.roomctl.fleet.catalog.RoomSnapshot;
import org.roomctl.fleet.connect.CallAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds what the screens show from what the rooms reported (the fleet's room view) and the
 * catalog's names. Nothing here is assumed from what the panel asked for.
 */
public final class Views {
    private static final Logger log = LoggerFactory.getLogger(Views.class);

    private final Fleet fleet;
    private final Clock clock;
    private volatile Names lastNames;

    public Views(Fleet fleet, Clock clock) {
        this.fleet = fleet;
        this.clock = clock;
    }

    /** The catalog's rooms, by id, in directory order (site, then name): one query, for a batch of views. */
    public record Names(Map<String, CatalogRoom> rooms) {
        public String name(String id) {
            CatalogRoom r = rooms.get(id);
            return r == null ? id : r.name();
        }

        public String site(String id) {
            CatalogRoom r = rooms.get(id);
            return r == null ? "" : r.site();
        }

        /** Every site, in order. */
        public List<String> sites() {
            return rooms.values().stream()
                    .map(CatalogRoom::site)
                    .filter(s -> s != null && !s.isBlank())
                    .distinct()
                    .toList();
        }
    }

    /**
     * The catalog's names now; while the database cannot be read, the last ones read (names and
     * sites rarely change, and the rooms' state does not come from the database), so the screens
     * keep following the rooms. Before any was read, the failure is thrown.
     */
    public Names names() {
        try {
            Map<String, CatalogRoom> byId = new LinkedHashMap<>();
            for (CatalogRoom r : fleet.catalog().rooms()) {
                byId.put(r.id(), r);
            }
            Names names = new Names(byId);
            lastNames = names;
            return names;
        } catch (RuntimeException e) {
            Names last = lastNames;
            if (last == null) {
                throw e;
            }
            log.debug("catalog not read ({}); using the names read before", e.getMessage());
            return last;
        }
    }

    public RoomHeader header(String room, Names names) {
        boolean online = fleet.rooms().room(room).map(RoomSnapshot::online).orElse(false);
        return new RoomHeader(
                room, names.name(room), names.site(room), online, fleet.bus().isConnected());
    }

    /** The room's call. A room whose controller is offline has a call state nobody can vouch for. */
    public CallView call(String room, Names names) {
        RoomSnapshot s = fleet.rooms().room(room).orElse(null);
        if (s == null || s.state() == null) {
            return new CallView("unknown", "Waiting for the room to report its call", null, null, null);
        }
        if (!s.online()) {
            return new CallView("unknown", "Call not known: the room's controller is offline", null, null, null);
        }
        if (s.codecUri() == null && s.codec() == null) {
            return new CallView("idle", "This room has no video system", null, null, null);
        }
        CallState c = s.call();
        String peer = c.peer() == null ? "the other room" : peerName(c.peer(), names);
        String state = c.state() == null ? CallState.IDLE : c.state().toLowerCase(Locale.ROOT);
        boolean incoming = "incoming".equalsIgnoreCase(c.direction());
        return switch (state) {
            case CallState.IDLE -> new CallView("idle", "No call", null, c.since(), null);
            case CallState.CONNECTED -> new CallView(
                    "connected",
                    "In a call with " + peer,
                    peer,
                    c.since(),
                    c.since() == null ? null : Words.timer(Duration.between(c.since(), clock.instant())));
            case "disconnecting" -> new CallView("ending", "Hanging up…", peer, c.since(), null);
            case "onhold", "held" -> new CallView("held", "Call with " + peer + " is on hold", peer, c.since(), null);
            default -> incoming
                    ? new CallView("incoming", peer + " is calling…", peer, c.since(), null)
                    : new CallView("calling", "Calling " + peer + "…", peer, c.since(), null);
        };
    }

    /** The name of the room at a call address, or the address without its scheme. */
    String peerName(String uri, Names names) {
        for (RoomSnapshot r : fleet.rooms().rooms()) {
            if (CallAddresses.same(uri, r.codecUri())) {
                return names.rooms().containsKey(r.id())
                        ? names.name(r.id())
                        : r.info() != null ? r.info().name() : r.id();
            }
        }
        return CallAddresses.normal(uri);
    }

    /** The room's device of a role (camera, doccam, display). */
    public DeviceView device(String room, String role) {
        String label = Words.label(role);
        RoomSnapshot s = fleet.rooms().room(room).orElse(null);
        if (s == null || s.state() == null || !s.online()) {
            return new DeviceView(
                    role, label, "unknown", "Not known", null, "Not known: the room's controller is offline", null);
        }
        Optional<DeviceState> found = s.state().devices().values().stream()
                .filter(d -> role.equals(d.role()))
                .findFirst();
        if (found.isEmpty()) {
            return new DeviceView(role, label, "missing", "Not in this room", null, null, null);
        }
        DeviceState d = found.get();
        Object power = d.properties().get("power");
        String extra = extra(role, d);
        return switch (d.status()) {
            case OFFLINE -> new DeviceView(role, label, "offline", "Offline", null, Words.offline(role), d.reason());
            case DEGRADED -> new DeviceView(
                    role, label, "problem", Words.power(role, power), extra, Words.degraded(role), d.reason());
            case ONLINE -> new DeviceView(role, label, powerStatus(power), Words.power(role, power), extra, null, null);
        };
    }

    private static String powerStatus(Object power) {
        String p = power == null ? "" : power.toString().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "on", "true" -> "on";
            case "warming", "cooling" -> "busy";
            case "" -> "unknown";
            default -> "off";
        };
    }

    private static String extra(String role, DeviceState d) {
        Map<String, Object> p = d.properties();
        return switch (role) {
            case "camera" -> p.get("preset") instanceof Number n ? "Preset " + n : null;
            case "display" -> "on".equals(String.valueOf(p.get("power"))) && p.get("input") != null
                    ? "Showing " + Words.input(p.get("input"))
                    : null;
            default -> null;
        };
    }

    /** Every other room, in directory order. */
    public List<DirectoryEntry> directory(String exceptRoom, Names names) {
        List<DirectoryEntry> entries = new ArrayList<>();
        for (CatalogRoom r : names.rooms().values()) {
            if (!r.id().equals(exceptRoom)) {
                entries.add(entry(r));
            }
        }
        return entries;
    }

    public Optional<DirectoryEntry> entry(String room, Names names) {
        return Optional.ofNullable(names.rooms().get(room)).map(this::entry);
    }

    private DirectoryEntry entry(CatalogRoom r) {
        RoomSnapshot s = fleet.rooms().room(r.id()).orElse(null);
        String availability;
        String label;
        if (!r.enabled()) {
            availability = "unavailable";
            label = "Not available";
        } else if (s == null || !s.online()) {
            availability = "offline";
            label = "Offline";
        } else if (s.codecUri() == null) {
            availability = "unavailable";
            label = "Cannot take calls";
        } else if (!s.codecOnline()) {
            availability = "offline";
            label = "Offline";
        } else if (!s.call().isIdle()) {
            availability = "busy";
            label = "In a call";
        } else {
            availability = "free";
            label = "Free";
        }
        return new DirectoryEntry(r.id(), r.name(), r.site(), availability, label, availability.equals("free"));
    }
}
