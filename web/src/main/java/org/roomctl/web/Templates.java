package org.roomctl.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An app's jte templates: precompiled into the app (each app in a package of its own, so both
 * apps fit in one JVM), or, when {@code ROOMCTL_DEV_TEMPLATES} names the app's template
 * directory, read from there and recompiled on change, for working on them.
 */
public final class Templates {
    private final TemplateEngine engine;

    private Templates(TemplateEngine engine) {
        this.engine = engine;
    }

    /** @param packageName where the app's jte-maven-plugin put the precompiled templates */
    public static Templates precompiled(String packageName, ClassLoader loader) {
        String dev = System.getenv("ROOMCTL_DEV_TEMPLATES");
        if (dev != null && Files.isDirectory(Path.of(dev))) {
            return new Templates(TemplateEngine.create(new DirectoryCodeResolver(Path.of(dev)), ContentType.Html));
        }
        return new Templates(TemplateEngine.createPrecompiled(null, ContentType.Html, loader, packageName));
    }

    /** Renders a template with its parameters. */
    public String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        return out.toString();
    }

    /** Renders a template as the response. */
    public void html(Context ctx, String template, Map<String, Object> params) {
        ctx.html(render(template, params));
    }
}
