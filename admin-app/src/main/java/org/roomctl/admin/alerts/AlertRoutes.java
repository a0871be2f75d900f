package org.roomctl.admin.alerts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.roomctl.admin.Console;
import org.roomctl.admin.auth.Gatekeeper;
import org.roomctl.admin.auth.Role;
import org.roomctl.admin.http.Page;
import org.roomctl.admin.http.Params;
import org.roomctl.admin.http.Problem;
import org.roomctl.admin.live.LiveKey;
import org.roomctl.fleet.alerts.Alert;

/** Alerts: what is open (live), acknowledging and resolving, with who did it. */
public final class AlertRoutes {
    private final Console console;

    public AlertRoutes(Console console) {
        this.console = console;
    }

    public void install(RoutesConfig routes) {
        routes.get("/alerts", this::page, Role.VIEWER);
        routes.post("/alerts/{id}/acknowledge", ctx -> act(ctx, true), Role.OPERATOR);
        routes.post("/alerts/{id}/resolve", ctx -> act(ctx, false), Role.OPERATOR);
        routes.sse(
                "/live/alerts",
                client -> console.live()
                        .hub()
                        .subscribe(
                                LiveKey.alerts(
                                        Gatekeeper.principal(client.ctx()).role()),
                                client),
                Role.VIEWER);
    }

    private void page(Context ctx) {
        Page page = console.pages().page(ctx, "Alerts", "alerts", "/live/alerts");
        console.pages()
                .html(
                        ctx,
                        "alerts.jte",
                        page,
                        "open",
                        console.alerts().open(),
                        "recent",
                        console.alerts().recent());
    }

    /** Acknowledges or resolves an alert. @throws Problem if there is none, or it is past that */
    public static Alert act(Console console, long id, boolean acknowledge, String actor) {
        Alert a = console.fleet().alerts().find(id).orElseThrow(() -> Problem.notFound("there is no alert " + id));
        boolean done = acknowledge
                ? console.fleet().alerts().acknowledge(id, actor)
                : console.fleet().alerts().resolve(id, actor);
        if (!done) {
            throw Problem.conflict("alert " + id + " is already "
                    + (a.resolvedAt() != null
                            ? "resolved by " + a.resolvedBy()
                            : "acknowledged by " + a.acknowledgedBy()));
        }
        return console.fleet().alerts().find(id).orElse(a);
    }

    private void act(Context ctx, boolean acknowledge) {
        long id = Params.id(ctx, "id");
        act(console, id, acknowledge, Console.actor(ctx));
        console.audit(ctx, acknowledge ? "alert.acknowledge" : "alert.resolve", Long.toString(id), null);
        Page page = console.pages().page(ctx, "", "alerts", null);
        console.pages()
                .html(
                        ctx,
                        "alerts/table.jte",
                        page,
                        "open",
                        console.alerts().open(),
                        "recent",
                        console.alerts().recent(),
                        "oob",
                        false);
    }
}
