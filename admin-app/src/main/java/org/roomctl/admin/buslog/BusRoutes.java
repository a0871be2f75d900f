package org.roomctl.admin.buslog;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.roomctl.admin.Console;
import org.roomctl.admin.auth.Gatekeeper;
import org.roomctl.admin.auth.Role;
import org.roomctl.admin.http.Page;
import org.roomctl.admin.http.Params;
import org.roomctl.admin.live.LiveKey;

/** The bus log: search the record, and follow what is recorded from now on. */
public final class BusRoutes {
    private final Console console;

    public BusRoutes(Console console) {
        this.console = console;
    }

    public void install(RoutesConfig routes) {
        routes.get("/bus", this::page, Role.VIEWER);
        routes.sse(
                "/live/bus",
                client -> console.live()
                        .hub()
                        .subscribe(
                                LiveKey.bus(
                                        search(client.ctx()),
                                        Gatekeeper.principal(client.ctx()).role()),
                                client),
                Role.VIEWER);
    }

    private BusSearch search(Context ctx) {
        var zone = console.settings().zone();
        return new BusSearch(
                Params.optional(ctx, "topic"),
                Params.optional(ctx, "room"),
                Params.time(ctx, "from", zone, false),
                Params.time(ctx, "to", zone, true),
                Params.optional(ctx, "text"),
                Params.longValue(ctx, "before"));
    }

    private void page(Context ctx) {
        BusSearch search = search(ctx);
        List<BusRow> rows = console.busLog().search(search, BusSearch.PAGE + 1);
        Long next = null;
        if (rows.size() > BusSearch.PAGE) {
            rows = rows.subList(0, BusSearch.PAGE);
            next = rows.get(rows.size() - 1).id();
        }
        // Only the first page of a search without an end follows new messages.
        boolean live = search.before() == null && search.to() == null;
        String query = search.query(console.settings().zone());
        Page page = console.pages().page(ctx, "Bus log", "bus", live ? "/live/bus?" + query : null);
        console.pages().html(ctx, "bus.jte", page, "search", search, "rows", rows, "next", next, "query", query);
    }
}
