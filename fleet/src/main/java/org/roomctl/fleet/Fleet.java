package org.roomctl.fleet;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.fleet.alerts.Alerts;
import org.roomctl.fleet.alerts.rules.AlertRules;
import org.roomctl.fleet.audit.AuditLog;
import org.roomctl.fleet.catalog.CatalogStore;
import org.roomctl.fleet.catalog.CatalogWriter;
import org.roomctl.fleet.catalog.RoomView;
import org.roomctl.fleet.connect.ConnectionService;
import org.roomctl.fleet.connect.ConnectionSettings;
import org.roomctl.fleet.connect.ConnectionStore;
import org.roomctl.fleet.panels.PanelService;
import org.roomctl.fleet.recorder.BusRecorder;
import org.roomctl.fleet.schedule.Scheduler;
import org.roomctl.fleet.schedule.Schedules;
import org.roomctl.fleet.schedule.Scheduling;
import org.roomctl.fleet.schedule.Shutdowns;
import org.roomctl.schema.Database;
import org.roomctl.schema.DatabaseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One app instance's view of the fleet and its hands on it: the rooms as the bus says they are,
 * the catalog kept in PostgreSQL, connecting rooms, touch panels, alerts and the audit log, bookings,
 * site shutdowns and the alert rules (timed by one scheduler thread), and the bus record. Built and
 * started by each app; several instances may share one database and one broker.
 */
public final class Fleet implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Fleet.class);

    private final Database database;
    private final BusClient bus;
    private final Topics topics;
    private final String instance;
    private final RoomView view;
    private final CatalogStore catalog;
    private final CatalogWriter catalogWriter;
    private final ConnectionService connections;
    private final AuditLog audit;
    private final PanelService panels;
    private final Alerts alerts;
    private final Scheduler scheduler;
    private final Scheduling scheduling;
    private final AlertRules alertRules;
    private final BusRecorder recorder;
    /** Whether closing the fleet closes the database too ({@link #open} made it). */
    private boolean ownsDatabase;

    private Fleet(
            Database database,
            BusClient bus,
            Topics topics,
            String instance,
            Clock clock,
            FleetOptions options,
            BusRecorder recorder) {
        this.database = database;
        this.recorder = recorder;
        this.bus = bus;
        this.topics = topics;
        this.instance = instance;
        this.view = new RoomView(topics, clock);
        this.catalog = new CatalogStore(database);
        this.catalogWriter = new CatalogWriter(catalog, view, clock);
        this.connections = new ConnectionService(
                new ConnectionStore(database, instance), catalog, view, bus, topics, clock, options.connections());
        this.audit = new AuditLog(database, clock);
        this.panels = new PanelService(database, clock);
        this.alerts = new Alerts(database, clock);
        this.scheduler = new Scheduler();
        this.scheduling = new Scheduling(
                database,
                catalog,
                view,
                connections,
                alerts,
                audit,
                bus,
                topics,
                scheduler,
                clock,
                options.schedules(),
                instance);
        this.alertRules = new AlertRules(
                view, connections, alerts, audit, database, scheduler, clock, options.alertRules(), instance);
    }

    /**
     * Opens the database the settings name (migrating it) and starts a fleet on it and on the
     * broker they name; closing the fleet closes the database.
     *
     * @param poolName names the database pool, for example {@code admin-app}
     * @throws DatabaseUnavailableException when the database cannot be reached or migrated
     * @throws IOException when the broker's CA file cannot be read
     */
    public static Fleet open(FleetSettings where, FleetOptions options, String poolName, int maxConnections)
            throws IOException {
        Database database = Database.open(
                where.databaseUrl(), where.databaseUser(), where.databasePassword(), poolName, maxConnections);
        try {
            Fleet fleet =
                    start(database, where.busOptions(), where.topics(), where.instance(), Clock.systemUTC(), options);
            fleet.ownsDatabase = true;
            return fleet;
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Starts a fleet with the default options but for the connections' timings. */
    public static Fleet start(
            Database database,
            BusOptions busOptions,
            Topics topics,
            String instance,
            Clock clock,
            ConnectionSettings settings) {
        return start(
                database,
                busOptions,
                topics,
                instance,
                clock,
                FleetOptions.defaults().withConnections(settings));
    }

    /**
     * Starts following the bus and the open connections, starts the bookings, shutdowns and
     * alert rules, and records the bus unless the options turn the recorder off (its client ids
     * are {@code roomctl-<instance>-recorder-<n>}: keep the instance name fixed across restarts
     * so that a restarted instance resumes its sessions and what the broker kept for them).
     *
     * @param busOptions where the broker is (the client id is set here, from the instance name)
     * @param instance names this app instance, unique among those sharing the database
     */
    public static Fleet start(
            Database database,
            BusOptions busOptions,
            Topics topics,
            String instance,
            Clock clock,
            FleetOptions options) {
        BusClient bus = new BusClient(
                new BusOptions(
                        busOptions.serverUri(),
                        "roomctl-" + instance,
                        busOptions.username(),
                        busOptions.password(),
                        busOptions.tls(),
                        null,
                        true,
                        java.time.Duration.ZERO,
                        false,
                        busOptions.keepAlive(),
                        busOptions.responseTopicPrefix()),
                clock);
        BusRecorder busRecorder = options.recorder().enabled()
                ? BusRecorder.start(
                        database.dataSource(),
                        BusOptions.to(busOptions.serverUri(), "roomctl-" + instance + "-recorder")
                                .withCredentials(busOptions.username(), busOptions.password())
                                .withTls(busOptions.tls())
                                .withKeepAlive(busOptions.keepAlive()),
                        topics,
                        options.recorder(),
                        clock)
                : null;
        Fleet fleet = new Fleet(database, bus, topics, instance, clock, options, busRecorder);
        fleet.catalogWriter.start();
        fleet.view.follow(bus);
        fleet.connections.start();
        fleet.alertRules.start();
        fleet.scheduling.start();
        bus.connect();
        log.info("fleet {}: following {} on {}", instance, topics.prefix(), busOptions.serverUri());
        return fleet;
    }

    public RoomView rooms() {
        return view;
    }

    public CatalogStore catalog() {
        return catalog;
    }

    public ConnectionService connections() {
        return connections;
    }

    public AuditLog audit() {
        return audit;
    }

    public PanelService panels() {
        return panels;
    }

    public Alerts alerts() {
        return alerts;
    }

    /** Bookings: two rooms connected for a time window. */
    public Schedules schedules() {
        return scheduling.schedules();
    }

    /** Sites' end-of-day shutdowns and their runs. */
    public Shutdowns shutdowns() {
        return scheduling.shutdowns();
    }

    /** The bus recorder of this instance, if it runs one. */
    public Optional<BusRecorder> recorder() {
        return Optional.ofNullable(recorder);
    }

    public BusClient bus() {
        return bus;
    }

    public Topics topics() {
        return topics;
    }

    public Database database() {
        return database;
    }

    public String instance() {
        return instance;
    }

    /** Whether the catalog has written everything it heard (for tests and health checks). */
    public boolean catalogUpToDate() {
        return catalogWriter.idle();
    }

    /** Waits for the first connection to the broker. */
    public boolean awaitBus(long seconds) {
        try {
            bus.connect().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        scheduler.close();
        connections.close();
        catalogWriter.close();
        bus.close();
        if (recorder != null) {
            recorder.close();
        }
        if (ownsDatabase) {
            database.close();
        }
    }
}
