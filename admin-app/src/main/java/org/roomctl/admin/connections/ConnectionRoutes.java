package org.roomctl.admin.connections;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.roomctl.admin.Console;
import org.roomctl.admin.auth.Gatekeeper;
import org.roomctl.admin.auth.Role;
import org.roomctl.admin.http.Page;
import org.roomctl.admin.http.Params;
import org.roomctl.admin.http.Problem;
import org.roomctl.admin.live.LiveKey;
import org.roomctl.fleet.connect.Connection;
import org.roomctl.fleet.connect.ConnectionRefusedException;

/** Active connections (live, with a disconnect button), the history with search, and its CSV. */
public final class ConnectionRoutes {
    private final Console console;

    public ConnectionRoutes(Console console) {
        this.console = console;
    }

    public void install(RoutesConfig routes) {
        routes.get("/connections", this::list, Role.VIEWER);
        routes.get("/connections/export.csv", this::csv, Role.VIEWER);
        routes.get("/connections/{id}", this::one, Role.VIEWER);
        routes.post("/connections/{id}/disconnect", this::disconnect, Role.OPERATOR);
        routes.sse(
                "/live/connections",
                client -> console.live()
                        .hub()
                        .subscribe(
                                LiveKey.connections(
                                        Gatekeeper.principal(client.ctx()).role()),
                                client),
                Role.VIEWER);
    }

    /** The history search in a request's parameters. */
    public static HistoryFilter filter(Context ctx, Console console, int limit) {
        var zone = console.settings().zone();
        return new HistoryFilter(
                Params.optional(ctx, "room"),
                Params.optional(ctx, "site"),
                Params.time(ctx, "from", zone, false),
                Params.time(ctx, "to", zone, true),
                Params.optional(ctx, "outcome"),
                Params.longValue(ctx, "before"),
                limit);
    }

    private void list(Context ctx) {
        HistoryFilter filter = filter(ctx, console, HistoryFilter.PAGE + 1);
        List<ConnectionRow> history = console.connections().search(filter);
        Long next = null;
        if (history.size() > HistoryFilter.PAGE) {
            history = history.subList(0, HistoryFilter.PAGE);
            next = history.get(history.size() - 1).id();
        }
        Page page = console.pages().page(ctx, "Connections", "connections", "/live/connections");
        console.pages()
                .html(
                        ctx,
                        "connections.jte",
                        page,
                        "active",
                        console.connections().open(),
                        "filter",
                        filter,
                        "history",
                        history,
                        "next",
                        next,
                        "sites",
                        console.fleetView().sites());
    }

    private void csv(Context ctx) {
        HistoryFilter filter = filter(ctx, console, HistoryFilter.MAX_EXPORT);
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"connections.csv\"")
                .result(CsvExport.csv(
                        console.connections().search(filter), console.clock().instant()));
    }

    private void one(Context ctx) {
        long id = Params.id(ctx, "id");
        ConnectionRow c =
                console.connections().find(id).orElseThrow(() -> Problem.notFound("there is no connection " + id));
        Page page = console.pages().page(ctx, "Connection " + id, "connections", null);
        console.pages()
                .html(
                        ctx,
                        "connection.jte",
                        page,
                        "c",
                        c,
                        "events",
                        console.fleet().connections().events(id));
    }

    private void disconnect(Context ctx) throws ConnectionRefusedException {
        long id = Params.id(ctx, "id");
        Connection c = console.fleet().connections().disconnect(id, Console.actor(ctx));
        console.audit(
                ctx, "connection.disconnect", Long.toString(id), Map.of("caller", c.caller(), "callee", c.callee()));
        console.pages()
                .html(
                        ctx,
                        "flash.jte",
                        null,
                        "ok",
                        true,
                        "message",
                        "connection " + id + ": " + c.status().wireName());
    }
}
