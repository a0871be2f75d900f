package org.roomctl.admin.usage;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.roomctl.admin.Console;
import org.roomctl.admin.auth.Role;
import org.roomctl.admin.http.Params;

/** The usage picture: calls per day and per room over the last weeks. */
public final class UsageRoutes {
    private final Console console;

    public UsageRoutes(Console console) {
        this.console = console;
    }

    public void install(RoutesConfig routes) {
        routes.get("/usage", this::page, Role.VIEWER);
    }

    private void page(Context ctx) {
        Integer w = Params.integer(ctx, "weeks", 1, 52, "weeks");
        int weeks = w == null ? 4 : w;
        Usage usage = console.usage().lastWeeks(weeks, console.settings().zone());
        console.pages()
                .html(
                        ctx,
                        "usage.jte",
                        console.pages().page(ctx, "Usage", "usage", null),
                        "usage",
                        usage,
                        "weeks",
                        weeks,
                        "perDay",
                        UsageChart.perDay(usage),
                        "perRoom",
                        UsageChart.perRoom(usage.rooms()));
    }
}
