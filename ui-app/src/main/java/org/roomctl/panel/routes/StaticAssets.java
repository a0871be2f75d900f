package org.roomctl.panel.routes;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The panel's own style and scripts, from its jar: nothing from a CDN. */
public final class StaticAssets {
    private static final Map<String, String> TYPES = Map.of(
            "panel.css", "text/css; charset=utf-8",
            "panel.js", "text/javascript; charset=utf-8",
            "enrol.js", "text/javascript; charset=utf-8");

    public void install(JavalinConfig config) {
        config.routes.get("/static/{name}", StaticAssets::serve);
    }

    private static void serve(Context ctx) {
        String name = ctx.pathParam("name");
        String type = TYPES.get(name);
        if (type == null) {
            throw new NotFoundResponse("no such file");
        }
        try (InputStream in = StaticAssets.class.getResourceAsStream("/org/roomctl/panel/static/" + name)) {
            if (in == null) {
                throw new NotFoundResponse("missing from the build: " + name);
            }
            ctx.contentType(type);
            ctx.header("Cache-Control", "public, max-age=300");
            ctx.result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
