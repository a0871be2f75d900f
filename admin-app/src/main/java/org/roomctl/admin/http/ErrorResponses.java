package org.roomctl.admin.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jooq.exception.DataAccessException;
import org.roomctl.admin.auth.Gatekeeper;
import org.roomctl.contract.Errors;
import org.roomctl.contract.Json;
import org.roomctl.fleet.connect.ConnectionRefusedException;
import org.roomctl.fleet.schedule.BookingException;
import org.roomctl.fleet.schedule.ShutdownException;
import org.roomctl.schema.DatabaseUnavailableException;
import org.roomctl.web.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error, mapped to a response in one place. The API answers JSON,
 * {@code {"code": "...", "message": "..."}}; a page's form re-renders its own fragment with the
 * message (a handler names that fragment with {@link #showErrorsIn}); other htmx requests get a
 * message for the page's flash area; a page without a session goes to the login page.
 */
public final class ErrorResponses {
    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);
    private static final String FORM = "roomctl.errorFragment";

    private ErrorResponses() {}

    /** Names what shows this request's error: a renderer of the form's fragment with the message. */
    public static void showErrorsIn(Context ctx, Function<String, String> fragmentWithMessage) {
        showProblemsIn(ctx, p -> fragmentWithMessage.apply(p.getMessage()));
    }

    /** As {@link #showErrorsIn}, for a form that shows a problem's details too. */
    public static void showProblemsIn(Context ctx, Function<Problem, String> fragmentWithProblem) {
        ctx.attribute(FORM, fragmentWithProblem);
    }

    public static void install(JavalinConfig config, Templates templates) {
        config.routes.exception(Problem.class, (e, ctx) -> respond(ctx, e, templates));
        config.routes.exception(
                ConnectionRefusedException.class, (e, ctx) -> respond(ctx, Problems.refused(e), templates));
        config.routes.exception(BookingException.class, (e, ctx) -> respond(ctx, Problems.booking(e), templates));
        config.routes.exception(ShutdownException.class, (e, ctx) -> respond(ctx, Problems.shutdown(e), templates));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, fromJavalin(e), templates));
        config.routes.exception(
                DatabaseUnavailableException.class,
                (e, ctx) ->
                        respond(ctx, Problem.unavailable("the database is unavailable: " + e.getMessage()), templates));
        config.routes.exception(DataAccessException.class, (e, ctx) -> {
            log.warn("{} {}: database error: {}", ctx.method(), ctx.path(), Errors.rootMessage(e));
            respond(ctx, Problem.unavailable("the database is unavailable; try again shortly"), templates);
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            respond(
                    ctx,
                    new Problem(500, "internal", "something went wrong on the server; its log says more"),
                    templates);
        });
    }

    private static Problem fromJavalin(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 403 -> new Problem(403, e.getMessage().contains("CSRF") ? "csrf" : "forbidden", e.getMessage());
            case 404 -> Problem.notFound("there is no such page or resource");
            case 405 -> new Problem(405, "method_not_allowed", "that method is not allowed here");
            default -> new Problem(e.getStatus(), "http_" + e.getStatus(), e.getMessage());
        };
    }

    static void respond(Context ctx, Problem p, Templates templates) {
        if (Gatekeeper.isApi(ctx)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", p.code());
            body.put("message", p.getMessage());
            body.putAll(p.details());
            ctx.status(p.status()).contentType("application/json").result(Json.string(body));
            if (p.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"roomctl\"");
            }
            return;
        }
        boolean htmx = "true".equals(ctx.header("HX-Request"));
        if (p instanceof LoginRequired) {
            String back = ctx.method().name().equals("GET") && !ctx.path().startsWith("/live/")
                    ? ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString())
                    : "/";
            String login = "/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
            if (htmx) {
                ctx.status(401).header("HX-Redirect", login);
            } else if (ctx.path().startsWith("/live/") || !ctx.method().name().equals("GET")) {
                ctx.status(401).contentType("text/plain").result("sign in first");
            } else {
                ctx.redirect(login);
            }
            return;
        }
        Function<Problem, String> form = ctx.attribute(FORM);
        if (form != null) {
            ctx.status(p.status()).html(form.apply(p));
        } else if (htmx) {
            ctx.status(p.status()).html(templates.render("flash.jte", Map.of("ok", false, "message", p.getMessage())));
        } else {
            ctx.status(p.status())
                    .html(templates.render("error.jte", Map.of("status", p.status(), "message", p.getMessage())));
        }
    }
}
