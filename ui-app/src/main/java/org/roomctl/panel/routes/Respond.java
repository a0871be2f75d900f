package org.roomctl.panel.routes;

import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.roomctl.panel.control.Outcome;
import org.roomctl.web.Templates;

/**
 * Answers a button: its result line, with the status that goes with it; and when the panel is to
 * move on (a call started), htmx is told to load that page.
 */
final class Respond {
    private Respond() {}

    static void outcome(Context ctx, Templates templates, Outcome o) {
        if (o.next() != null) {
            ctx.header("HX-Redirect", o.next());
        }
        ctx.status(o.status()).html(templates.render("fragments/result.jte", Map.of("outcome", o)));
    }

    /** Answers when the room has: the request waits without holding a server thread. */
    static void later(Context ctx, Templates templates, CompletableFuture<Outcome> outcome) {
        ctx.future(() -> outcome.thenAccept(o -> outcome(ctx, templates, o)));
    }
}
