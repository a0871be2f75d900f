package org.roomctl.admin.http;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.roomctl.admin.auth.Gatekeeper;
import org.roomctl.admin.auth.Principal;
import org.roomctl.admin.auth.Role;
import org.roomctl.web.Csrf;
import org.roomctl.web.Templates;

/** Renders pages and fragments with the layout's context. */
public final class Pages {
    private final Templates templates;
    private final Clock clock;
    private final ZoneId zone;

    public Pages(Templates templates, Clock clock, ZoneId zone) {
        this.templates = templates;
        this.clock = clock;
        this.zone = zone;
    }

    public Page page(Context ctx, String title, String section, String liveUrl) {
        return new Page(
                title,
                section,
                Gatekeeper.maybePrincipal(ctx).orElse(null),
                Csrf.token(ctx),
                zone,
                clock.instant(),
                liveUrl);
    }

    /**
     * A page context for fragments rendered outside a request (live pushes), for browsers whose
     * user has {@code role}: they see the buttons that role may use.
     */
    public Page background(Role role) {
        return new Page("", "", new Principal(Principal.Kind.USER, 0, "", role, null), "", zone, clock.instant(), null);
    }

    /** Renders {@code template} with {@code page} and the given parameters (name, value, name, value...). */
    public String render(String template, Page page, Object... params) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("page", page);
        for (int i = 0; i < params.length; i += 2) {
            p.put((String) params[i], params[i + 1]);
        }
        return templates.render(template, p);
    }

    public void html(Context ctx, String template, Page page, Object... params) {
        ctx.html(render(template, page, params));
    }

    public Templates templates() {
        return templates;
    }

    public ZoneId zone() {
        return zone;
    }

    public Clock clock() {
        return clock;
    }
}
