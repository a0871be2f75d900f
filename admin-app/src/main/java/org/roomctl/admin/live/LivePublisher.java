package org.roomctl.admin.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.roomctl.admin.buslog.BusLog;
import org.roomctl.admin.buslog.BusRow;
import org.roomctl.admin.buslog.TailCursor;
import org.roomctl.admin.live.LiveKey.LivePage;
import org.roomctl.admin.rooms.CatalogCache;
import org.roomctl.admin.rooms.FleetView;
import org.roomctl.admin.rooms.RoomRow;
import org.roomctl.contract.Errors;
import org.roomctl.contract.Json;
import org.roomctl.fleet.Fleet;
import org.roomctl.web.LiveHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the console's open pages up to date. Room changes (from {@code RoomView}) and connection
 * changes (this instance's, and every instance's over the bus) only mark things dirty, on the
 * bus's thread; a worker of its own renders and pushes them a moment later, coalesced: a burst of
 * changes in a large fleet costs one render per changed room, not one per message, and the bus
 * never waits for a browser.
 *
 * <p>Alerts (raised by rules and panels on any instance), bookings (moved by whichever instance's
 * scheduler claims them) and the bus record (written by the recorder) have no change events: they
 * are polled, cheaply and only while someone watches. A booking's connection changing (dialling,
 * connected, ended) arrives as a connection change. The bus tail polls new rows by id rather than
 * subscribing to the whole bus, so it shows exactly what was recorded (what a search finds later),
 * costs nothing while nobody watches, and does not make every console instance receive every
 * message on the bus.
 */
public final class LivePublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LivePublisher.class);
    static final Duration FLUSH = Duration.ofMillis(200);
    static final Duration POLL = Duration.ofSeconds(1);
    static final int TICKS_PER_CATALOG_REFRESH = 10;
    static final int TICKS_PER_DURATION_REFRESH = 15;

    private final Fleet fleet;
    private final FleetView fleetView;
    private final CatalogCache catalog;
    private final BusLog busLog;
    private final LiveFragments fragments;
    private final LiveHub<LiveKey> hub;
    private final ScheduledExecutorService worker;

    private final Set<String> dirtyRooms = new LinkedHashSet<>();
    private boolean connectionsDirty;
    private boolean everythingDirty;
    private boolean bookingsDirty;
    /** The rooms each fleet filter showed last (worker thread only). */
    private final Map<LiveKey, Set<String>> shown = new HashMap<>();

    private String alertSignature = "";
    private long bookingSignature = -1;
    private TailCursor busTail;
    private int ticks;

    public LivePublisher(
            Fleet fleet, FleetView fleetView, CatalogCache catalog, BusLog busLog, LiveFragments fragments) {
        this.fleet = fleet;
        this.fleetView = fleetView;
        this.catalog = catalog;
        this.busLog = busLog;
        this.fragments = fragments;
        this.hub = new LiveHub<>(this::everything);
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "admin-live");
            t.setDaemon(true);
            return t;
        });
    }

    public LiveHub<LiveKey> hub() {
        return hub;
    }

    public void start() {
        fleet.rooms().addListener((before, after) -> roomChanged(after.id()));
        fleet.connections().addListener(c -> connectionChanged(c.caller(), c.callee()));
        // Other instances' connections: every instance announces each change on the bus.
        fleet.bus().subscribe(fleet.topics().connectionEvents(), 1, m -> {
            try {
                Map<?, ?> event = Json.read(m.payload(), Map.class);
                connectionChanged(String.valueOf(event.get("caller")), String.valueOf(event.get("callee")));
            } catch (IllegalArgumentException e) {
                log.debug("unreadable connection event ignored: {}", e.getMessage());
            }
        });
        worker.scheduleWithFixedDelay(this::safely, FLUSH.toMillis(), FLUSH.toMillis(), TimeUnit.MILLISECONDS);
        worker.scheduleWithFixedDelay(this::tick, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void roomChanged(String room) {
        dirtyRooms.add(room);
    }

    private synchronized void connectionChanged(String caller, String callee) {
        connectionsDirty = true;
        dirtyRooms.add(caller);
        dirtyRooms.add(callee);
    }

    /** A booking was made or cancelled here: its pages update at the next flush rather than the next poll. */
    public synchronized void schedulesChanged() {
        bookingsDirty = true;
    }

    /** Something changed that every page may show (a catalog edit): re-render everything followed. */
    public synchronized void catalogChanged() {
        everythingDirty = true;
    }

    private void safely() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("live update failed: {}", Errors.rootMessage(e), e);
        }
    }

    private void flush() {
        Set<String> rooms;
        boolean connections;
        boolean all;
        boolean bookings;
        synchronized (this) {
            rooms = new LinkedHashSet<>(dirtyRooms);
            connections = connectionsDirty;
            all = everythingDirty;
            bookings = bookingsDirty || connections;
            dirtyRooms.clear();
            connectionsDirty = false;
            everythingDirty = false;
            bookingsDirty = false;
        }
        List<LiveKey> keys = hub.keys();
        if (keys.isEmpty() || (rooms.isEmpty() && !connections && !all && !bookings)) {
            return;
        }
        if (all) {
            catalog.refresh();
            for (LiveKey k : keys) {
                hub.push(k, everything(k));
            }
            return;
        }
        shown.keySet().retainAll(keys);
        List<RoomRow> allRows = null;
        Map<String, RoomRow> changed = new HashMap<>();
        for (LiveKey k : keys) {
            switch (k.page()) {
                case FLEET -> {
                    if (rooms.isEmpty()) {
                        continue;
                    }
                    if (allRows == null) {
                        allRows = fleetView.rows();
                        for (RoomRow r : allRows) {
                            if (rooms.contains(r.id())) {
                                changed.put(r.id(), r);
                            }
                        }
                    }
                    hub.push(k, fleetUpdate(k, allRows, changed));
                }
                case ROOM -> {
                    if (rooms.contains(k.roomId())) {
                        hub.push(k, fragments.room(k.roomId(), k.role()));
                    }
                }
                case CONNECTIONS -> {
                    if (connections) {
                        hub.push(k, fragments.activeConnections(k.role()));
                    }
                }
                case SCHEDULES, BOOKING -> {
                    if (bookings) {
                        hub.push(k, everything(k));
                    }
                }
                default -> {}
            }
        }
    }

    /** The counts, and each changed row the filter shows; the whole table when the rooms it shows changed. */
    private String fleetUpdate(LiveKey k, List<RoomRow> allRows, Map<String, RoomRow> changed) {
        var filter = k.fleetFilter();
        List<RoomRow> visible = allRows.stream().filter(filter::matches).toList();
        Set<String> ids = new HashSet<>();
        visible.forEach(r -> ids.add(r.id()));
        StringBuilder out = new StringBuilder(fragments.fleetCounts(allRows));
        if (!ids.equals(shown.get(k))) {
            shown.put(k, ids);
            out.append(fragments.fleetBody(visible, k.role()));
        } else {
            for (RoomRow r : changed.values()) {
                if (ids.contains(r.id())) {
                    out.append(fragments.fleetRow(r, k.role()));
                }
            }
        }
        return out.toString();
    }

    /** Everything a page of {@code key} shows live, for a browser that (re)connects. */
    private String everything(LiveKey key) {
        return switch (key.page()) {
            case FLEET -> {
                List<RoomRow> rows = fleetView.rows();
                var filter = key.fleetFilter();
                List<RoomRow> visible = rows.stream().filter(filter::matches).toList();
                Set<String> ids = new HashSet<>();
                visible.forEach(r -> ids.add(r.id()));
                worker.execute(() -> shown.put(key, ids));
                yield fragments.fleetCounts(rows) + fragments.fleetBody(visible, key.role());
            }
            case ROOM -> fragments.room(key.roomId(), key.role());
            case CONNECTIONS -> fragments.activeConnections(key.role());
            case ALERTS -> fragments.alerts(key.role());
            case BUS -> ""; // the page has the latest rows; the tail adds what comes after
            case SCHEDULES -> fragments.bookings(key.role());
            case BOOKING -> fragments.booking(key.bookingId(), key.role());
        };
    }

    /** Once a second: new bus messages; every few: alerts, connection durations, the catalog. */
    private void tick() {
        try {
            ticks++;
            List<LiveKey> keys = hub.keys();
            if (ticks % TICKS_PER_CATALOG_REFRESH == 0) {
                catalog.refresh();
            }
            if (keys.isEmpty()) {
                busTail = null;
                return;
            }
            tailBus(keys);
            pollBookings(keys);
            if (ticks % 2 == 0) {
                pollAlerts(keys);
            }
            if (ticks % TICKS_PER_DURATION_REFRESH == 0) {
                for (LiveKey k : keys) {
                    if (k.page() == LivePage.CONNECTIONS) {
                        hub.push(k, fragments.activeConnections(k.role()));
                    }
                }
            }
        } catch (RuntimeException e) {
            log.debug("live poll failed: {}", Errors.rootMessage(e));
        }
    }

    private void tailBus(List<LiveKey> keys) {
        List<LiveKey> tails =
                keys.stream().filter(k -> k.page() == LivePage.BUS).toList();
        if (tails.isEmpty()) {
            busTail = null;
            return;
        }
        if (busTail == null) {
            busTail = new TailCursor(busLog.lastId());
            return;
        }
        List<BusRow> fresh = busTail.take(busLog.after(busTail.after(), 500), System.nanoTime());
        if (fresh.isEmpty()) {
            return;
        }
        for (LiveKey k : tails) {
            var search = k.busSearch();
            List<BusRow> mine = new ArrayList<>();
            for (BusRow r : fresh) {
                if (search.matches(r)) {
                    mine.add(0, r); // newest first, as the table is
                }
            }
            if (!mine.isEmpty()) {
                hub.push(k, fragments.busTail(mine));
            }
        }
    }

    /** Marks the booking pages dirty when a booking changed state, on this instance or another. */
    private void pollBookings(List<LiveKey> keys) {
        if (keys.stream().noneMatch(k -> k.page() == LivePage.SCHEDULES || k.page() == LivePage.BOOKING)) {
            bookingSignature = -1;
            return;
        }
        long signature = fragments.bookingSignature();
        if (signature != bookingSignature) {
            bookingSignature = signature;
            schedulesChanged();
        }
    }

    private void pollAlerts(List<LiveKey> keys) {
        boolean wanted = keys.stream().anyMatch(k -> k.page() == LivePage.ALERTS || k.page() == LivePage.FLEET);
        if (!wanted) {
            return;
        }
        String signature = fragments.alertSignature();
        if (Objects.equals(signature, alertSignature)) {
            return;
        }
        alertSignature = signature;
        List<RoomRow> rows = null;
        for (LiveKey k : keys) {
            if (k.page() == LivePage.ALERTS) {
                hub.push(k, fragments.alerts(k.role()));
            } else if (k.page() == LivePage.FLEET) {
                if (rows == null) {
                    rows = fleetView.rows();
                }
                hub.push(k, fragments.fleetCounts(rows));
            }
        }
    }

    /** Streams open now, for metrics. */
    public int streams() {
        return hub.counts().values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public void close() {
        worker.shutdownNow();
        hub.close();
    }
}
