package org.roomctl.panel;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.roomctl.contract.Errors;
import org.roomctl.fleet.Fleet;
import org.roomctl.panel.access.EnrolRoutes;
import org.roomctl.panel.access.PanelAccess;
import org.roomctl.panel.access.RevocationWatch;
import org.roomctl.panel.control.Audit;
import org.roomctl.panel.control.CallControl;
import org.roomctl.panel.control.CameraMoves;
import org.roomctl.panel.control.RoomCommands;
import org.roomctl.panel.control.RoomWaits;
import org.roomctl.panel.live.Fragments;
import org.roomctl.panel.live.LivePanels;
import org.roomctl.panel.routes.CameraRoutes;
import org.roomctl.panel.routes.DirectoryRoutes;
import org.roomctl.panel.routes.ErrorPages;
import org.roomctl.panel.routes.HomeRoutes;
import org.roomctl.panel.routes.LiveRoutes;
import org.roomctl.panel.routes.MeetingRoutes;
import org.roomctl.panel.routes.Pages;
import org.roomctl.panel.routes.StaticAssets;
import org.roomctl.panel.view.Views;
import org.roomctl.web.Ops;
import org.roomctl.web.Templates;
import org.roomctl.web.Web;

/**
 * Builds the touch panel's web app from its dependencies, without starting it: a test starts it
 * on a random port, {@link PanelMain} on the configured one, and the demo beside the admin console
 * in one JVM. The live updates start and stop with the server.
 *
 * <pre>{@code
 * Javalin panel = PanelApp.create(fleet, settings, Clock.systemUTC()).start(settings.host(), settings.port());
 * }</pre>
 */
public final class PanelApp {
    /** Where the jte-maven-plugin puts the panel's compiled templates. */
    public static final String TEMPLATES = "org.roomctl.panel.jte";

    private PanelApp() {}

    /**
     * @param fleet a started fleet (its bus connected or connecting)
     * @param settings the panel's settings (its host and port are for whoever starts the app)
     * @param clock the time, for call timers
     */
    public static Javalin create(Fleet fleet, PanelSettings settings, Clock clock) {
        Templates templates = Templates.precompiled(TEMPLATES, PanelApp.class.getClassLoader());
        Views views = new Views(fleet, clock);
        Ops ops = new Ops("panel", version())
                .check("database", () -> {
                    try {
                        fleet.database().dsl().selectOne().fetch();
                        return null;
                    } catch (RuntimeException e) {
                        return "unreachable: " + Errors.rootMessage(e);
                    }
                })
                .check(
                        "broker",
                        () -> fleet.bus().isConnected()
                                ? null
                                : "not connected: " + fleet.bus().lastDisconnectReason());
        LivePanels live = new LivePanels(fleet, views, new Fragments(templates, views), ops.registry());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "panel-timer");
            t.setDaemon(true);
            return t;
        });
        RoomCommands commands = new RoomCommands(fleet, settings.commandTimeout());
        Audit audit = new Audit(fleet.audit());
        CallControl calls = new CallControl(fleet, commands, new RoomWaits(fleet), audit);
        Pages pages = new Pages(templates, views);
        RevocationWatch revocations = new RevocationWatch(fleet.panels(), live.hub());
        PanelAccess access = new PanelAccess(fleet.panels());

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            Web.install(config);
            ops.install(config);
            config.routes.before(access::check);
            new ErrorPages(templates).install(config);
            new StaticAssets().install(config);
            new EnrolRoutes(fleet.panels(), templates, audit).install(config);
            new HomeRoutes(pages, commands, calls).install(config);
            new DirectoryRoutes(pages, calls).install(config);
            new CameraRoutes(pages, commands, new CameraMoves(commands, timer)).install(config);
            new MeetingRoutes(pages, calls).install(config);
            new LiveRoutes(live.hub()).install(config);
            config.events.serverStarted(() -> {
                live.start();
                revocations.start(timer, settings.revocationCheck().toMillis());
            });
            // Streams end before the server does (see LiveHub.close).
            config.events.serverStopping(() -> {
                live.close();
                timer.shutdownNow();
            });
        });
    }

    static String version() {
        String v = PanelApp.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
