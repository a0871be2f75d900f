package org.roomctl.panel.routes;

import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.roomctl.fleet.panels.Panel;
import org.roomctl.panel.access.PanelAccess;
import org.roomctl.panel.control.CallControl;
import org.roomctl.panel.live.Screen;
import org.roomctl.panel.view.DirectoryEntry;
import org.roomctl.panel.view.Views;

/** The directory: every other room, filtered by site and name; tap, confirm, connect. */
public final class DirectoryRoutes {
    static final int MAX_QUERY = 60;

    private final Pages pages;
    private final CallControl calls;

    public DirectoryRoutes(Pages pages, CallControl calls) {
        this.pages = pages;
        this.calls = calls;
    }

    public void install(JavalinConfig config) {
        config.routes.get("/room/{room}/rooms", this::rooms);
        config.routes.get("/room/{room}/rooms/{callee}", this::confirm);
        config.routes.post("/room/{room}/rooms/{callee}/connect", this::connect);
    }

    private void rooms(Context ctx) {
        Panel panel = PanelAccess.panel(ctx);
        Views.Names names = pages.views().names();
        String q = param(ctx, "q");
        if (q.length() > MAX_QUERY) {
            throw new BadRequestResponse("Search for at most " + MAX_QUERY + " letters");
        }
        String site = param(ctx, "site");
        List<String> sites = names.sites();
        String problem = !site.isEmpty() && !sites.contains(site)
                ? "There is no site called '" + Inputs.shorten(site) + "'"
                : null;
        String needle = q.toLowerCase(Locale.ROOT);
        List<DirectoryEntry> entries = pages.views().directory(panel.room(), names).stream()
                .filter(e -> site.isEmpty() || e.site().equals(site))
                .filter(e ->
                        needle.isEmpty() || e.name().toLowerCase(Locale.ROOT).contains(needle))
                .toList();
        Map<String, Object> list = Map.of(
                "entries",
                entries,
                "room",
                panel.room(),
                "empty",
                problem != null
                        ? problem
                        : q.isEmpty() ? "No other rooms here" : "No room is called anything like '" + q + "'");
        if ("true".equals(ctx.header("HX-Request"))) {
            ctx.html(pages.templates().render("fragments/roomlist.jte", list));
            return;
        }
        Map<String, Object> params = new java.util.HashMap<>(list);
        params.put("sites", sites);
        params.put("site", site);
        params.put("q", q);
        pages.render(ctx, "rooms.jte", pages.page(ctx, Screen.ROOMS, names), params);
    }

    private void confirm(Context ctx) {
        Panel panel = PanelAccess.panel(ctx);
        Views.Names names = pages.views().names();
        DirectoryEntry callee = callee(ctx, panel, names);
        pages.render(
                ctx,
                "connect.jte",
                pages.page(ctx, Screen.CONNECT, names),
                Map.of("entry", callee, "key", UUID.randomUUID().toString()));
    }

    private void connect(Context ctx) {
        Panel panel = PanelAccess.panel(ctx);
        DirectoryEntry callee = callee(ctx, panel, pages.views().names());
        String key = param(ctx, "key");
        if (!key.matches("[A-Za-z0-9-]{8,64}")) {
            throw new BadRequestResponse("This screen is out of date: go back and tap the room again");
        }
        // The key keeps a second tap from making a second call; it is the panel's own.
        Respond.later(
                ctx,
                pages.templates(),
                calls.connect(panel, callee.id(), callee.name(), "panel-" + panel.id() + "-" + key));
    }

    private DirectoryEntry callee(Context ctx, Panel panel, Views.Names names) {
        String id = ctx.pathParam("callee");
        if (id.equals(panel.room())) {
            throw new BadRequestResponse("This is the room you are in: choose another room to call");
        }
        return pages.views()
                .entry(id, names)
                .orElseThrow(
                        () -> new NotFoundResponse("There is no room '" + Inputs.shorten(id) + "' in the directory"));
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null) {
            v = ctx.formParam(name);
        }
        return v == null ? "" : v.strip();
    }
}
