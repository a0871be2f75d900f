package org.roomctl.fleet.schedule;

import java.time.Clock;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.fleet.alerts.Alerts;
import org.roomctl.fleet.audit.AuditLog;
import org.roomctl.fleet.catalog.CatalogStore;
import org.roomctl.fleet.catalog.RoomView;
import org.roomctl.fleet.connect.ConnectionService;
import org.roomctl.schema.Database;

/** One app instance's bookings and site shutdowns, put together and driven by its {@link Scheduler}. */
public final class Scheduling {
    private final Schedules schedules;
    private final Shutdowns shutdowns;
    private final BookingRunner bookingRunner;
    private final ShutdownRunner shutdownRunner;
    private final Scheduler scheduler;
    private final ViewSettling settling;
    private final Clock clock;

    /** @param instance names this app instance in what it records (as {@code Fleet}'s instance) */
    public Scheduling(
            Database database,
            CatalogStore catalog,
            RoomView view,
            ConnectionService connections,
            Alerts alerts,
            AuditLog audit,
            BusClient bus,
            Topics topics,
            Scheduler scheduler,
            Clock clock,
            ScheduleSettings settings,
            String instance) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.settling = new ViewSettling(view, settings.claimTimeout());
        RoomWords words = new RoomWords(catalog);
        BookingStore bookings = new BookingStore(database, instance);
        ShutdownStore shutdownStore = new ShutdownStore(database, instance);
        this.bookingRunner = new BookingRunner(bookings, connections, alerts, audit, words, settling, clock, settings);
        this.shutdownRunner = new ShutdownRunner(
                shutdownStore,
                bookings,
                catalog,
                view,
                connections,
                new RoomShutdown(bus, topics, settings.commandTimeout()),
                audit,
                words,
                settling,
                scheduler,
                clock,
                settings);
        this.schedules = new Schedules(bookings, catalog, audit, clock, bookingRunner);
        this.shutdowns = new Shutdowns(shutdownStore, catalog, audit, clock);
        bookingRunner.onFinished(shutdownRunner::bookingFinished);
    }

    /** Starts looking for due bookings and shutdowns at every tick. */
    public void start() {
        settling.started(clock.instant());
        bookingRunner.start(scheduler);
        shutdownRunner.start();
    }

    public Schedules schedules() {
        return schedules;
    }

    public Shutdowns shutdowns() {
        return shutdowns;
    }
}
