package org.roomctl.panel.routes;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.roomctl.fleet.panels.Panel;
import org.roomctl.panel.access.PanelAccess;
import org.roomctl.panel.access.PanelCookie;
import org.roomctl.panel.live.Screen;
import org.roomctl.panel.view.Page;
import org.roomctl.panel.view.Views;
import org.roomctl.web.Csrf;
import org.roomctl.web.Templates;

/** Renders a panel's screens: every one with its room's header and its live stream. */
public final class Pages {
    private final Templates templates;
    private final Views views;

    public Pages(Templates templates, Views views) {
        this.templates = templates;
        this.views = views;
    }

    public Templates templates() {
        return templates;
    }

    public Views views() {
        return views;
    }

    /** The page for the panel's room on {@code screen}, with the template's own parameters. */
    Page page(Context ctx, Screen screen, Views.Names names) {
        Panel panel = PanelAccess.panel(ctx);
        return new Page(
                views.header(panel.room(), names), views.call(panel.room(), names), screen.wireName(), Csrf.token(ctx));
    }

    /**
     * Renders a whole screen. Renews the panel's cookie, so a panel in use keeps its credential.
     */
    void render(Context ctx, String template, Page page, Map<String, Object> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("page", page);
        PanelCookie.set(ctx, PanelCookie.read(ctx));
        ctx.header("Cache-Control", "no-store");
        templates.html(ctx, template, all);
    }
}
