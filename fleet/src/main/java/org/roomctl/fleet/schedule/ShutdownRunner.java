package org.roomctl.fleet.schedule;

import static org.roomctl.schema.jooq.Tables.SHUTDOWN_RUN;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.roomctl.fleet.audit.AuditLog;
import org.roomctl.fleet.catalog.CatalogRoom;
import org.roomctl.fleet.catalog.CatalogStore;
import org.roomctl.fleet.catalog.RoomSnapshot;
import org.roomctl.fleet.catalog.RoomView;
import org.roomctl.fleet.connect.ConnectionRefusedException;
import org.roomctl.fleet.connect.ConnectionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sites' end-of-day shutdowns, on the instance's scheduler thread.
 *
 * <p>At each tick every instance looks for enabled shutdowns whose time has come today (or came
 * yesterday, for an instance that was down over the site's midnight) and that have no run for
 * that day; it claims the run by inserting it, which the database allows once per site and day.
 * The instance that got it ends each room's open connection through {@link ConnectionService}
 * and sends {@code room.shutdown}, recording each room's outcome. A run is done late, up to
 * {@link ScheduleSettings#shutdownLateness()} after its time, when no instance was running at
 * its time; later than that the day is recorded as missed.
 *
 * <p>A room in a booking whose window is open is skipped, and the run says so: the booking was
 * made on purpose, maybe from another time zone, and ends on its own. When that booking ends (or
 * is cancelled), the instance that ends it shuts the skipped room down then.
 */
final class ShutdownRunner {
    private static final Logger log = LoggerFactory.getLogger(ShutdownRunner.class);
    private static final String SYSTEM = "system";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final ShutdownStore store;
    private final BookingStore bookings;
    private final CatalogStore catalog;
    private final RoomView view;
    private final ConnectionService connections;
    private final RoomShutdown rooms;
    private final AuditLog audit;
    private final RoomWords words;
    private final Scheduler scheduler;
    private final Clock clock;
    private final ScheduleSettings settings;
    private final ViewSettling settling;

    ShutdownRunner(
            ShutdownStore store,
            BookingStore bookings,
            CatalogStore catalog,
            RoomView view,
            ConnectionService connections,
            RoomShutdown rooms,
            AuditLog audit,
            RoomWords words,
            ViewSettling settling,
            Scheduler scheduler,
            Clock clock,
            ScheduleSettings settings) {
        this.store = store;
        this.bookings = bookings;
        this.catalog = catalog;
        this.view = view;
        this.connections = connections;
        this.rooms = rooms;
        this.audit = audit;
        this.words = words;
        this.settling = settling;
        this.scheduler = scheduler;
        this.clock = clock;
        this.settings = settings;
    }

    void start() {
        scheduler.every("shutdowns", settings.tick(), this::tick);
    }

    void tick() {
        Instant now = clock.instant();
        for (SiteShutdown s : store.enabled()) {
            for (LocalDate day : s.daysDue(now)) {
                if (store.runExists(s.site(), day)) {
                    continue;
                }
                Instant due = s.dueOn(day);
                if (now.isAfter(due.plus(settings.shutdownLateness()))) {
                    String note = "missed: no roomctl app instance was running within "
                            + settings.shutdownLateness().toMinutes() + " min of " + HH_MM.format(s.localTime())
                            + " " + s.zone().getId();
                    store.missed(s, day, due, note, now).ifPresent(r -> {
                        log.warn("shutdown of {} on {}: {}", s.site(), day, note);
                        audit.record(SYSTEM, "shutdown.miss", "site:" + s.site(), Map.of("day", day.toString()));
                    });
                    continue;
                }
                if (!settling.waitFor(siteRooms(s.site()), now)) {
                    store.claim(s, day, due, now).ifPresent(this::run);
                }
            }
        }
        Instant staleBefore = now.minus(settings.claimTimeout());
        for (ShutdownRun r : store.stale(staleBefore)) {
            store.takeOver(r.id(), staleBefore, now).ifPresent(x -> {
                log.info("shutdown run {} of {}: taken over from {}", x.id(), x.site(), r.claimedBy());
                run(x);
            });
        }
    }

    /** Shuts down every room of the run's site that it has not done yet. */
    private void run(ShutdownRun r) {
        Instant now = clock.instant();
        List<String> siteRooms = siteRooms(r.site());
        log.info("shutdown of {} ({}): {} rooms", r.site(), r.localDate(), siteRooms.size());
        Set<String> done = store.roomsDone(r.id());
        List<Booking> inBooking = siteRooms.isEmpty() ? List.of() : bookings.inProgress(now, siteRooms);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (String room : siteRooms) {
            if (done.contains(room)) {
                continue;
            }
            Booking b =
                    inBooking.stream().filter(x -> x.involves(room)).findFirst().orElse(null);
            if (b != null) {
                store.room(
                        r.id(),
                        room,
                        ShutdownRun.Room.SKIPPED,
                        "in " + words.describe(b) + "; shut down when it ends",
                        b.id(),
                        now);
                continue;
            }
            pending.add(shutDown(room, "shutdown:" + r.site(), "shutdown-run-" + r.id())
                    .thenAcceptAsync(
                            why -> store.room(
                                    r.id(),
                                    room,
                                    why == null ? ShutdownRun.Room.OK : ShutdownRun.Room.FAILED,
                                    why,
                                    null,
                                    clock.instant()),
                            scheduler.executor()));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .whenCompleteAsync((x, e) -> finish(r), scheduler.executor());
    }

    private List<String> siteRooms(String site) {
        return catalog.rooms().stream()
                .filter(c -> c.site().equals(site))
                .map(CatalogRoom::id)
                .toList();
    }

    private void finish(ShutdownRun r) {
        List<ShutdownRun.Room> outcomes =
                store.runs(SHUTDOWN_RUN.ID.eq(r.id()), 1).get(0).rooms();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String o : List.of(ShutdownRun.Room.OK, ShutdownRun.Room.FAILED, ShutdownRun.Room.SKIPPED)) {
            counts.put(o, outcomes.stream().filter(x -> x.outcome().equals(o)).count());
        }
        String note = outcomes.size() + " rooms: " + counts.get(ShutdownRun.Room.OK) + " switched off, "
                + counts.get(ShutdownRun.Room.FAILED) + " failed, " + counts.get(ShutdownRun.Room.SKIPPED)
                + " skipped (in a booking)";
        store.finish(r.id(), note, clock.instant()).ifPresent(done -> {
            log.info("shutdown of {} ({}): {}", r.site(), r.localDate(), note);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("run", r.id());
            detail.put("day", r.localDate().toString());
            Map<String, Object> byRoom = new LinkedHashMap<>();
            for (ShutdownRun.Room x : outcomes) {
                byRoom.put(x.room(), x.reason() == null ? x.outcome() : x.outcome() + ": " + x.reason());
            }
            detail.put("rooms", byRoom);
            audit.record(SYSTEM, "shutdown.run", "site:" + r.site(), detail);
        });
    }

    /**
     * Ends the room's open connection, then switches the room off.
     *
     * @return null when done, else why not
     */
    private CompletableFuture<String> shutDown(String room, String by, String commandId) {
        RoomSnapshot s = view.room(room).orElse(null);
        if (s == null || !s.online()) {
            return CompletableFuture.completedFuture(words.name(room) + " is offline: its room agent is not connected");
        }
        connections.openFor(room).ifPresent(c -> {
            try {
                connections.disconnect(c.id(), by);
            } catch (ConnectionRefusedException e) {
                log.warn("shutdown: could not end connection {} of {}: {}", c.id(), room, e.getMessage());
            }
        });
        return rooms.send(room, words.name(room), commandId, by);
    }

    /** A booking ended or was cancelled: the rooms a shutdown skipped for it are shut down now. */
    void bookingFinished(Booking b) {
        scheduler.execute("shutdown after booking", () -> {
            for (Map.Entry<Long, List<String>> run : store.skippedFor(b.id()).entrySet()) {
                for (String room : run.getValue()) {
                    shutDown(room, "shutdown:after-booking-" + b.id(), "shutdown-run-" + run.getKey() + "-" + b.id())
                            .thenAcceptAsync(
                                    why -> {
                                        store.settleSkipped(
                                                run.getKey(),
                                                room,
                                                why == null ? ShutdownRun.Room.OK : ShutdownRun.Room.FAILED,
                                                why == null ? null : "after booking " + b.id() + ": " + why,
                                                clock.instant());
                                        audit.record(
                                                SYSTEM,
                                                "shutdown.room",
                                                "room:" + room,
                                                Map.of(
                                                        "run", run.getKey(),
                                                        "afterBooking", b.id(),
                                                        "outcome", why == null ? "ok" : why));
                                    },
                                    scheduler.executor());
                }
            }
        });
    }
}
