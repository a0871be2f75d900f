package org.roomctl.panel.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.roomctl.contract.Json;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.state.CallState;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.catalog.RoomSnapshot;
import org.roomctl.panel.view.DirectoryEntry;
import org.roomctl.panel.view.Views;
import org.roomctl.web.LiveHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every open panel screen following the rooms. Each screen's stream is keyed by its room
 * and screen ({@code room-a/home}). When something a panel shows changes in a room, that room's
 * own panels get its fragments again, and, when its availability changed, every panel listing
 * rooms gets its directory entry. Changes that show nothing new (a camera's position while it
 * moves) are not pushed. The work happens on a thread of its own, so the bus never waits for the
 * catalog query or the browsers; changes that arrive meanwhile are taken together.
 *
 * <p>How long it takes from the room's change reaching this app to the fragments being written
 * to the browsers is timed ({@code panel_live_push_seconds} in /metrics).
 */
public final class LivePanels implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LivePanels.class);
    static final Duration NAMES_MAX_AGE = Duration.ofSeconds(2);

    /** A room to push: since when (nanoTime of the first change not yet pushed), and which parts. */
    private record Pending(long since, boolean own, boolean entry) {
        Pending and(boolean moreOwn, boolean moreEntry) {
            return new Pending(since, own || moreOwn, entry || moreEntry);
        }
    }

    private final Fleet fleet;
    private final Views views;
    private final Fragments fragments;
    private final LiveHub<String> hub;
    private final ScheduledExecutorService worker;
    private final Timer pushTimer;
    private final Map<String, Pending> dirty = new LinkedHashMap<>();
    private volatile boolean closed;
    /** Reads the catalog's names in the background, so no push waits for it. */
    private final ExecutorService namesReader;
    /** The catalog's names the screens are sent, and when they were read. */
    private volatile Views.Names names;

    private volatile long namesReadAt;
    private final AtomicBoolean namesReading = new AtomicBoolean();

    public LivePanels(Fleet fleet, Views views, Fragments fragments, MeterRegistry registry) {
        this.fleet = fleet;
        this.views = views;
        this.fragments = fragments;
        this.hub = new LiveHub<>(this::everything);
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "panel-live");
            t.setDaemon(true);
            return t;
        });
        this.namesReader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "panel-live-names");
            t.setDaemon(true);
            return t;
        });
        this.pushTimer = Timer.builder("panel_live_push")
                .description("from a room's change reaching the panel app to its fragments sent to the panels")
                .register(registry);
        Gauge.builder("panel_live_streams", hub, h -> h.counts().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .description("panel screens following their room now")
                .register(registry);
    }

    /** The stream key of a screen of a room. */
    public static String key(String room, Screen screen) {
        return room + "/" + screen.wireName();
    }

    public LiveHub<String> hub() {
        return hub;
    }

    /** Starts following the rooms, the bus connection and the connection events. */
    public void start() {
        fleet.rooms().addListener((before, now) -> {
            boolean own = before == null || !shown(before).equals(shown(now));
            boolean entry = before == null || !availability(before).equals(availability(now));
            if (own || entry) {
                changed(now.id(), own, entry);
            }
        });
        fleet.bus().addConnectionListener(new BusClient.ConnectionListener() {
            @Override
            public void connected(boolean reconnect) {
                everyPanelRoomChanged();
            }

            @Override
            public void disconnected(String reason) {
                everyPanelRoomChanged();
            }
        });
        fleet.bus().subscribe(fleet.topics().connectionEvents(), 1, this::connectionEvent);
    }

    /** What a room's own screens show of it. */
    static List<Object> shown(RoomSnapshot s) {
        List<Object> shown = new ArrayList<>(Arrays.asList(
                s.availability(), s.info() == null ? null : s.info().name(), s.codecUri(), s.state() == null));
        CallState c = s.call();
        shown.addAll(Arrays.asList(c.state(), c.direction(), c.peer(), c.since()));
        if (s.state() != null) {
            for (DeviceState d : s.state().devices().values()) {
                Map<String, Object> p = d.properties();
                shown.addAll(Arrays.asList(
                        d.id(), d.role(), d.status(), d.reason(), p.get("power"), p.get("input"), p.get("preset")));
            }
        }
        return shown;
    }

    /** What the directory shows of a room. */
    static List<Object> availability(RoomSnapshot s) {
        return Arrays.asList(
                s.online(), s.codecUri() != null, s.codecOnline(), s.call().isIdle());
    }

    private void changed(String room, boolean own, boolean entry) {
        if (closed) {
            return;
        }
        boolean schedule;
        synchronized (dirty) {
            schedule = dirty.isEmpty();
            Pending p = dirty.get(room);
            dirty.put(room, p == null ? new Pending(System.nanoTime(), own, entry) : p.and(own, entry));
        }
        if (schedule) {
            worker.execute(this::drain);
        }
    }

    private void everyPanelRoomChanged() {
        for (String key : hub.keys()) {
            changed(roomOf(key), true, false);
        }
    }

    private void drain() {
        Map<String, Pending> rooms;
        synchronized (dirty) {
            rooms = new LinkedHashMap<>(dirty);
            dirty.clear();
        }
        if (closed) {
            return;
        }
        List<String> keys = hub.keys();
        rooms.entrySet()
                .removeIf(r ->
                        !followed(r.getKey(), r.getValue().own(), r.getValue().entry(), keys));
        if (rooms.isEmpty()) {
            return; // no panel shows these rooms: nothing to render, no catalog to read
        }
        try {
            Views.Names names = names();
            for (Map.Entry<String, Pending> r : rooms.entrySet()) {
                if (push(r.getKey(), r.getValue(), names)) {
                    pushTimer.record(System.nanoTime() - r.getValue().since(), TimeUnit.NANOSECONDS);
                }
            }
        } catch (RuntimeException e) {
            // Only before the catalog was ever read (the database down since start): try again soon.
            log.warn("live panels: cannot update the screens now, will retry: {}", e.getMessage());
            synchronized (dirty) {
                rooms.forEach((room, p) -> dirty.merge(room, p, (a, b) -> a.and(b.own(), b.entry())));
            }
            if (!closed) {
                worker.schedule(this::drain, 2, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Whether a screen open now ({@code keys}) shows what changed about {@code room}: its own part
     * ({@code own}) on the room's own screens, its availability ({@code entry}) on other rooms'
     * lists of rooms.
     */
    static boolean followed(String room, boolean own, boolean entry, List<String> keys) {
        for (String key : keys) {
            String panelRoom = roomOf(key);
            if (panelRoom.equals(room)
                    ? own
                    : entry
                            && Screen.of(key.substring(panelRoom.length() + 1))
                                    .map(Screen::listsRooms)
                                    .orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The catalog's names, as last read. Reading a large fleet's catalog takes a while (tens of
     * milliseconds for thousands of rooms), and doing it for every push kept the pushes waiting:
     * so they are read again in the background when older than {@link #NAMES_MAX_AGE} (names and
     * sites change rarely; a screen loaded or reconnected reads them fresh). Only the first read is
     * waited for.
     */
    private Views.Names names() {
        Views.Names current = names;
        if (current == null) {
            current = views.names(); // throws while the catalog was never read (the database down since start)
            namesReadAt = System.nanoTime();
            names = current;
        } else if (System.nanoTime() - namesReadAt > NAMES_MAX_AGE.toNanos()
                && namesReading.compareAndSet(false, true)) {
            namesReader.execute(() -> {
                try {
                    names = views.names();
                    namesReadAt = System.nanoTime();
                } catch (RuntimeException e) {
                    log.debug("live panels: names not read again: {}", e.getMessage());
                } finally {
                    namesReading.set(false);
                }
            });
        }
        return current;
    }

    /** Pushes what changed about {@code room}; whether anything was sent. */
    private boolean push(String room, Pending what, Views.Names names) {
        boolean sent = false;
        Optional<DirectoryEntry> entry = null;
        for (String key : hub.keys()) {
            String panelRoom = roomOf(key);
            Screen screen = Screen.of(key.substring(panelRoom.length() + 1)).orElse(null);
            if (screen == null) {
                continue;
            }
            if (panelRoom.equals(room) && what.own()) {
                hub.push(key, fragments.roomPart(room, screen, names));
                sent = true;
            } else if (!panelRoom.equals(room) && screen.listsRooms() && what.entry()) {
                if (entry == null) {
                    entry = views.entry(room, names);
                }
                if (entry.isPresent()) {
                    hub.push(key, fragments.entry(entry.get(), panelRoom));
                    sent = true;
                }
            }
        }
        return sent;
    }

    /** Everything a screen follows, for a browser that (re)connects. */
    private String everything(String key) {
        String room = roomOf(key);
        Screen screen = Screen.of(key.substring(room.length() + 1)).orElse(Screen.HOME);
        Views.Names names = views.names();
        StringBuilder sb = new StringBuilder(fragments.roomPart(room, screen, names));
        if (screen.listsRooms()) {
            for (DirectoryEntry e : views.directory(room, names)) {
                sb.append(fragments.entry(e, room));
            }
        }
        return sb.toString();
    }

    private static String roomOf(String key) {
        return key.substring(0, key.indexOf('/'));
    }

    /** A connection that failed is told to both rooms' home screens; one that starts clears that. */
    private void connectionEvent(BusMessage m) {
        if (closed) {
            return;
        }
        Map<?, ?> event;
        try {
            event = Json.read(m.payload(), Map.class);
        } catch (IllegalArgumentException e) {
            return;
        }
        String status = String.valueOf(event.get("status"));
        String caller = String.valueOf(event.get("caller"));
        String callee = String.valueOf(event.get("callee"));
        Object reason = event.get("reason");
        worker.execute(() -> {
            try {
                Views.Names names = names();
                if (status.equals("failed")) {
                    String why = reason == null ? "" : ": " + reason;
                    notice(caller, "The call to " + names.name(callee) + " did not go through" + why);
                    notice(callee, names.name(caller) + " tried to call, but the call did not go through" + why);
                } else if (status.equals("requested") || status.equals("connected")) {
                    notice(caller, null);
                    notice(callee, null);
                }
            } catch (RuntimeException e) {
                log.debug("live panels: connection notice not shown: {}", e.getMessage());
            }
        });
    }

    private void notice(String room, String message) {
        hub.push(key(room, Screen.HOME), fragments.notice(message));
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        namesReader.shutdownNow();
        hub.close();
    }
}
