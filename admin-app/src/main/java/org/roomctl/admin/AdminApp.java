package org.roomctl.admin;

import io.javalin.Javalin;
import io.micrometer.core.instrument.Gauge;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import org.roomctl.admin.alerts.AlertRoutes;
import org.roomctl.admin.alerts.AlertViews;
import org.roomctl.admin.api.ApiRoutes;
import org.roomctl.admin.api.BookingApi;
import org.roomctl.admin.audit.AuditRoutes;
import org.roomctl.admin.auth.Access;
import org.roomctl.admin.auth.ApiTokens;
import org.roomctl.admin.auth.Gatekeeper;
import org.roomctl.admin.auth.LoginRoutes;
import org.roomctl.admin.auth.LoginThrottle;
import org.roomctl.admin.auth.Passwords;
import org.roomctl.admin.auth.Sessions;
import org.roomctl.admin.auth.Users;
import org.roomctl.admin.buslog.BusLog;
import org.roomctl.admin.buslog.BusRoutes;
import org.roomctl.admin.catalog.CatalogRoutes;
import org.roomctl.admin.catalog.PendingCodes;
import org.roomctl.admin.connections.ConnectionQueries;
import org.roomctl.admin.connections.ConnectionRoutes;
import org.roomctl.admin.http.ErrorResponses;
import org.roomctl.admin.http.Pages;
import org.roomctl.admin.live.LiveFragments;
import org.roomctl.admin.live.LivePublisher;
import org.roomctl.admin.rooms.CatalogCache;
import org.roomctl.admin.rooms.FleetRoutes;
import org.roomctl.admin.rooms.FleetView;
import org.roomctl.admin.rooms.RoomCommands;
import org.roomctl.admin.schedules.BookingRoutes;
import org.roomctl.admin.schedules.BookingViews;
import org.roomctl.admin.schedules.ShutdownRoutes;
import org.roomctl.admin.usage.UsageQuery;
import org.roomctl.admin.usage.UsageRoutes;
import org.roomctl.admin.users.UserRoutes;
import org.roomctl.fleet.Fleet;
import org.roomctl.web.Ops;
import org.roomctl.web.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin console: builds the Javalin app from a started {@link Fleet}, the console's settings
 * and a clock, without starting it (tests start it on a random port; the demo runs it beside the
 * touch panel in one process). Close it before stopping the server: live streams end first.
 */
public final class AdminApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminApp.class);
    /** How long a room may take to answer a command from the console. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    /** Failed sign-ins from one address before it must wait. */
    static final int LOGIN_LIMIT = 10;

    static final Duration LOGIN_WINDOW = Duration.ofMinutes(10);

    private final Console console;
    private final Javalin javalin;

    private AdminApp(Console console, Javalin javalin) {
        this.console = console;
        this.javalin = javalin;
    }

    /**
     * Builds the console. Creates the first admin from the settings' bootstrap user if there is
     * no user yet.
     */
    public static AdminApp create(Fleet fleet, AdminSettings settings, Clock clock) {
        Passwords passwords = new Passwords();
        Users users = new Users(fleet.database(), passwords, clock);
        if (settings.bootstrapUser() != null) {
            if (users.bootstrap(
                    settings.bootstrapUser(), settings.bootstrapPassword().toCharArray())) {
                log.info("admin console: first admin '{}' created", settings.bootstrapUser());
            } else {
                log.info("admin console: users exist; bootstrap user not needed, not created");
            }
        }
        Sessions sessions = new Sessions(fleet.database(), clock, settings.sessionIdle(), settings.sessionMax());
        ApiTokens tokens = new ApiTokens(fleet.database(), clock);
        Templates templates = Templates.precompiled("org.roomctl.admin.jte", AdminApp.class.getClassLoader());
        Pages pages = new Pages(templates, clock, settings.zone());
        CatalogCache catalogCache = new CatalogCache(fleet.catalog());
        catalogCache.refresh();
        FleetView fleetView = new FleetView(fleet.rooms(), catalogCache);
        ConnectionQueries connections = new ConnectionQueries(fleet.database());
        BusLog busLog = new BusLog(fleet.database());
        AlertViews alerts = new AlertViews(fleet.alerts());
        BookingViews bookings = new BookingViews(fleet.schedules(), catalogCache, connections, fleet.database());
        LiveFragments fragments = new LiveFragments(
                pages, fleetView, connections, alerts, busLog, fleet.database(), bookings, fleet.schedules());
        LivePublisher live = new LivePublisher(fleet, fleetView, catalogCache, busLog, fragments);
        Console console = new Console(
                fleet,
                settings,
                clock,
                pages,
                users,
                sessions,
                tokens,
                fleetView,
                catalogCache,
                new RoomCommands(fleet.bus(), fleet.topics(), COMMAND_TIMEOUT),
                connections,
                busLog,
                alerts,
                new PendingCodes(fleet.database(), clock),
                new UsageQuery(fleet.database(), clock),
                bookings,
                live);

        Ops ops = new Ops(
                "admin",
                AdminApp.class.getPackage().getImplementationVersion() == null
                        ? "dev"
                        : AdminApp.class.getPackage().getImplementationVersion());
        ops.check("database", () -> databaseProblem(fleet));
        ops.check(
                "broker",
                () -> fleet.bus().isConnected()
                        ? null
                        : "not connected: " + fleet.bus().lastDisconnectReason());
        Gauge.builder("roomctl_admin_live_streams", live, LivePublisher::streams)
                .description("live page streams open")
                .register(ops.registry());
        Gauge.builder("roomctl_rooms_online", fleet, f -> f.rooms().rooms().stream()
                        .filter(s -> s.online())
                        .count())
                .description("rooms whose agent is online, as this instance sees them")
                .register(ops.registry());
        Gauge.builder("roomctl_rooms_in_call", fleet, f -> f.rooms().rooms().stream()
                        .filter(s -> !s.call().isIdle())
                        .count())
                .description("rooms in a call")
                .register(ops.registry());

        Gatekeeper gate = new Gatekeeper(sessions, tokens);
        byte[] css = resource("/org/roomctl/admin/admin.css");
        Javalin javalin = Javalin.create(config -> {
            org.roomctl.web.Web.install(config, Gatekeeper::csrfExempt);
            ops.install(config);
            config.routes.beforeMatched(gate::check);
            ErrorResponses.install(config, templates);
            config.routes.get(
                    "/static/admin.css",
                    ctx -> ctx.contentType("text/css")
                            .header("Cache-Control", "public, max-age=3600")
                            .result(css),
                    Access.ANYONE);
            new LoginRoutes(console, new LoginThrottle(clock, LOGIN_LIMIT, LOGIN_WINDOW)).install(config.routes);
            new FleetRoutes(console).install(config.routes);
            new ConnectionRoutes(console).install(config.routes);
            new BusRoutes(console).install(config.routes);
            new CatalogRoutes(console).install(config.routes);
            new AlertRoutes(console).install(config.routes);
            new UsageRoutes(console).install(config.routes);
            new UserRoutes(console).install(config.routes);
            new AuditRoutes(console).install(config.routes);
            new BookingRoutes(console).install(config.routes);
            new ShutdownRoutes(console).install(config.routes);
            new ApiRoutes(console).install(config.routes);
            new BookingApi(console).install(config.routes);
        });
        live.start();
        return new AdminApp(console, javalin);
    }

    private static String databaseProblem(Fleet fleet) {
        try {
            fleet.database().dsl().selectOne().fetch();
            return null;
        } catch (RuntimeException e) {
            return "unreachable: " + org.roomctl.contract.Errors.rootMessage(e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = AdminApp.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the build lacks " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Javalin app, not started. */
    public Javalin javalin() {
        return javalin;
    }

    /** Starts it (port 0: any free port). */
    public AdminApp start(String host, int port) {
        javalin.start(host, port);
        return this;
    }

    public int port() {
        return javalin.port();
    }

    Console console() {
        return console;
    }

    /** Ends the live streams, then stops the server. */
    @Override
    public void close() {
        console.live().close();
        javalin.stop();
    }
}
