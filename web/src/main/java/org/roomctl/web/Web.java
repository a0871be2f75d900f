package org.roomctl.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Installs what every roomctl web app has: security headers, CSRF checks on state-changing
 * requests, and the assets ({@code /assets/htmx.min.js}, {@code /assets/live.js},
 * {@code /assets/csrf.js}), all served from this jar: nothing comes from a CDN, so the panels
 * work on a network without internet.
 */
public final class Web {
    public static final String HTMX_VERSION = "2.0.10";
    private static final Map<String, String> ASSETS = Map.of(
            "htmx.min.js", "/META-INF/resources/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js",
            "live.js", "/org/roomctl/web/assets/live.js",
            "csrf.js", "/org/roomctl/web/assets/csrf.js");

    private Web() {}

    public static void install(JavalinConfig config) {
        install(config, ctx -> false);
    }

    /**
     * As {@link #install(JavalinConfig)}, with requests that need no CSRF token: those that carry
     * no ambient credential (an API call authenticated by its {@code Authorization} header, which
     * a browser never adds to a forged request), and which the app authenticates by that alone.
     */
    public static void install(JavalinConfig config, Predicate<Context> csrfExempt) {
        config.routes.before(ctx -> {
            if (!csrfExempt.test(ctx)) {
                Csrf.check(ctx);
            }
        });
        config.routes.after(SecurityHeaders::apply);
        config.routes.get("/assets/{name}", Web::asset);
    }

    private static void asset(Context ctx) {
        String path = ASSETS.get(ctx.pathParam("name"));
        if (path == null) {
            throw new NotFoundResponse("no such asset");
        }
        try (InputStream in = Web.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new NotFoundResponse("asset missing from the build: " + path);
            }
            ctx.contentType(ContentType.JAVASCRIPT);
            ctx.header("Cache-Control", "public, max-age=3600");
            ctx.result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
