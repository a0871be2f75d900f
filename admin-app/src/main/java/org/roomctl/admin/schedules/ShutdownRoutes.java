package org.roomctl.admin.schedules;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.roomctl.admin.Console;
import org.roomctl.admin.auth.Role;
import org.roomctl.admin.http.ErrorResponses;
import org.roomctl.admin.http.Page;
import org.roomctl.admin.http.Params;
import org.roomctl.admin.http.Problem;
import org.roomctl.fleet.schedule.ShutdownException;
import org.roomctl.fleet.schedule.Shutdowns;
import org.roomctl.fleet.schedule.SiteShutdown;

/**
 * Sites' end-of-day shutdowns: each with its next run and latest runs (every room's outcome), and
 * the recent runs of every site. Everyone sees them; only admins make, change, switch or delete
 * them: a shutdown is standing configuration of a whole site that acts every day with nobody
 * watching, as the catalog is, while an operator's actions are one-off and seen as they happen.
 * The engine ({@code fleet.shutdowns()}) checks and records every change, and writes it to the
 * audit log under the user's name.
 */
public final class ShutdownRoutes {
    /** Runs listed in a shutdown's row. */
    static final int RUNS_PER_SITE = 5;

    /** Runs listed under the shutdowns, of every site. */
    static final int RECENT_RUNS = 30;

    /** Time zone names to choose from (regions and cities, as people know them). */
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted()
            .toList();

    private final Console console;

    public ShutdownRoutes(Console console) {
        this.console = console;
    }

    public void install(RoutesConfig routes) {
        routes.get("/shutdowns", this::page, Role.VIEWER);
        routes.post("/shutdowns", this::create, Role.ADMIN);
        routes.post("/shutdowns/{id}", this::edit, Role.ADMIN);
        routes.post("/shutdowns/{id}/enabled", this::enabled, Role.ADMIN);
        routes.post("/shutdowns/{id}/delete", this::delete, Role.ADMIN);
    }

    private Shutdowns shutdowns() {
        return console.fleet().shutdowns();
    }

    private String body(Context ctx, ShutdownForm form) {
        Page page = console.pages().page(ctx, "", "", null);
        List<ShutdownRow> rows = shutdowns().all().stream()
                .map(s -> ShutdownRow.of(s, shutdowns().runs(s.site(), RUNS_PER_SITE), page.now()))
                .toList();
        return console.pages()
                .render(
                        "shutdowns/body.jte",
                        page,
                        "rows",
                        rows,
                        "sites",
                        shutdowns().sites(),
                        "runs",
                        shutdowns().runs(RECENT_RUNS),
                        "form",
                        form);
    }

    private void page(Context ctx) {
        Page page = console.pages().page(ctx, "End-of-day shutdowns", "schedules", null);
        console.pages()
                .html(
                        ctx,
                        "shutdowns.jte",
                        page,
                        "zones",
                        ZONES,
                        "body",
                        body(ctx, ShutdownForm.blank(console.settings().zone().getId())));
    }

    private static LocalTime time(String value) {
        if (value == null) {
            throw Problem.badRequest("give the time of day, for example 19:00");
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeException e) {
            throw Problem.badRequest("'" + value + "' is not a time of day: use 19:00 or 19:00:30");
        }
    }

    private static String zone(Context ctx) {
        return Params.required(ctx, "zone", "the time zone (for example Australia/Sydney)");
    }

    private ShutdownForm typed(Context ctx) {
        return new ShutdownForm(
                orEmpty(Params.optional(ctx, "site")),
                orEmpty(Params.optional(ctx, "time")),
                orEmpty(Params.optional(ctx, "zone")),
                null,
                "",
                true);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private void create(Context ctx) throws ShutdownException {
        ShutdownForm form = typed(ctx);
        ErrorResponses.showErrorsIn(ctx, message -> body(ctx, form.say(null, message, false)));
        SiteShutdown s =
                shutdowns().create(form.site(), time(Params.optional(ctx, "time")), zone(ctx), Console.actor(ctx));
        ctx.html(body(
                ctx,
                ShutdownForm.blank(console.settings().zone().getId())
                        .say(s.id(), s.site() + ": shut down every day at " + s.localTime() + " " + s.zone(), true)));
    }

    private SiteShutdown existing(Context ctx) {
        long id = Params.id(ctx, "id");
        return shutdowns().find(id).orElseThrow(() -> Problem.notFound("there is no shutdown " + id));
    }

    private void edit(Context ctx) throws ShutdownException {
        SiteShutdown s = existing(ctx);
        ShutdownForm blank = ShutdownForm.blank(console.settings().zone().getId());
        ErrorResponses.showErrorsIn(ctx, message -> body(ctx, blank.say(s.id(), message, false)));
        SiteShutdown changed =
                shutdowns().edit(s.id(), time(Params.optional(ctx, "time")), zone(ctx), Console.actor(ctx));
        ctx.html(body(ctx, blank.say(s.id(), "saved: " + changed.localTime() + " " + changed.zone(), true)));
    }

    private void enabled(Context ctx) throws ShutdownException {
        SiteShutdown s = existing(ctx);
        ShutdownForm blank = ShutdownForm.blank(console.settings().zone().getId());
        ErrorResponses.showErrorsIn(ctx, message -> body(ctx, blank.say(s.id(), message, false)));
        String value = Params.required(ctx, "enabled", "enabled (true or false)");
        if (!value.equals("true") && !value.equals("false")) {
            throw Problem.badRequest("enabled must be true or false, not '" + value + "'");
        }
        boolean on = Boolean.parseBoolean(value);
        shutdowns().setEnabled(s.id(), on, Console.actor(ctx));
        ctx.html(body(ctx, blank.say(s.id(), on ? "enabled" : "disabled: it does not run until enabled", true)));
    }

    private void delete(Context ctx) throws ShutdownException {
        SiteShutdown s = existing(ctx);
        ShutdownForm blank = ShutdownForm.blank(console.settings().zone().getId());
        ErrorResponses.showErrorsIn(ctx, message -> body(ctx, blank.say(s.id(), message, false)));
        shutdowns().delete(s.id(), Console.actor(ctx));
        ctx.html(body(ctx, blank.say(null, s.site() + "'s shutdown deleted; its runs stay on record", true)));
    }
}
