package org.roomctl.panel.routes;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.RedirectResponse;
import java.util.Map;
import org.jooq.exception.DataAccessException;
import org.roomctl.panel.access.OtherRoomException;
import org.roomctl.panel.control.Outcome;
import org.roomctl.schema.DatabaseUnavailableException;
import org.roomctl.web.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error, in words, in one place: as the result line of the button that caused it (htmx), or
 * as a page with a way back.
 */
public final class ErrorPages {
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
    static final String DATABASE_DOWN =
            "The panel cannot reach its database just now, so nothing was changed. Try again in a moment.";

    private final Templates templates;

    public ErrorPages(Templates templates) {
        this.templates = templates;
    }

    public void install(JavalinConfig config) {
        config.routes.exception(
                OtherRoomException.class,
                (e, ctx) -> show(
                        ctx,
                        403,
                        "Not this panel's room",
                        "This panel controls its own room only.",
                        "/room/" + e.ownRoom()));
        config.routes.exception(DatabaseUnavailableException.class, (e, ctx) -> databaseDown(ctx, e));
        config.routes.exception(DataAccessException.class, (e, ctx) -> databaseDown(ctx, e));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e instanceof RedirectResponse) {
                ctx.status(e.getStatus()); // the Location is set already
            } else if (e.getStatus() == 404 && String.valueOf(e.getMessage()).startsWith("Endpoint ")) {
                show(ctx, 404, "No such page", "There is no such page on this panel.", "/");
            } else {
                show(ctx, e.getStatus(), HttpStatus.forStatus(e.getStatus()).getMessage(), e.getMessage(), "/");
            }
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            show(
                    ctx,
                    500,
                    "Something went wrong",
                    "Something went wrong in the panel. The AV team can find the details in its log.",
                    "/");
        });
    }

    private void databaseDown(Context ctx, Exception e) {
        log.warn("{} {}: database unavailable: {}", ctx.method(), ctx.path(), e.getMessage());
        show(ctx, 503, "Try again in a moment", DATABASE_DOWN, ctx.path());
    }

    private void show(Context ctx, int status, String title, String message, String back) {
        ctx.status(status);
        if ("true".equals(ctx.header("HX-Request"))) {
            ctx.html(templates.render(
                    "fragments/result.jte", Map.of("outcome", new Outcome(false, message, status, null))));
        } else {
            ctx.html(templates.render("error.jte", Map.of("title", title, "message", message, "back", back)));
        }
    }
}
