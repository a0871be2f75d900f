package org.roomctl.panel.access;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.roomctl.fleet.panels.Panel;
import org.roomctl.fleet.panels.PanelCredential;
import org.roomctl.fleet.panels.PanelService;
import org.roomctl.panel.control.Audit;
import org.roomctl.web.Csrf;
import org.roomctl.web.Templates;

/**
 * Enrolment: a browser exchanges a pairing code for its panel credential, once. The code comes in
 * a form POST, never in a URL the server sees: a pairing link carries it after the {@code #}
 * ({@code /enrol#K7QX-2M9P}), which browsers never send, and the page's script moves it into the
 * form, submits it and wipes it from the address bar and history.
 */
public final class EnrolRoutes {
    static final String CODE_HINT = "8 letters and digits, such as K7QX-2M9P";

    private final PanelService panels;
    private final Templates templates;
    private final Audit audit;

    public EnrolRoutes(PanelService panels, Templates templates, Audit audit) {
        this.panels = panels;
        this.templates = templates;
        this.audit = audit;
    }

    public void install(JavalinConfig config) {
        config.routes.get(PanelAccess.ENROL, ctx -> page(ctx, HttpStatus.OK, null, ""));
        config.routes.post(PanelAccess.ENROL, this::enrol);
    }

    private void page(Context ctx, HttpStatus status, String message, String code) {
        Optional<Panel> current = panels.authenticate(PanelCookie.read(ctx));
        Map<String, Object> params = new HashMap<>();
        params.put("csrf", Csrf.token(ctx));
        params.put("message", message);
        params.put("code", code);
        params.put("enrolledRoom", current.map(Panel::room).orElse(null));
        ctx.header("Cache-Control", "no-store");
        ctx.status(status);
        templates.html(ctx, "enrol.jte", params);
    }

    private void enrol(Context ctx) {
        String code = ctx.formParam("code");
        code = code == null ? "" : code.strip();
        if (code.isEmpty()) {
            page(ctx, HttpStatus.BAD_REQUEST, "Type the pairing code from the AV team: " + CODE_HINT + ".", "");
            return;
        }
        if (code.length() > 20 || !code.matches("[A-Za-z0-9 -]+")) {
            page(ctx, HttpStatus.BAD_REQUEST, "That is not a pairing code: a code has " + CODE_HINT + ".", "");
            return;
        }
        PanelCredential credential;
        try {
            credential = panels.enrol(code, name(ctx.userAgent()));
        } catch (PanelService.EnrolmentRefused e) {
            page(ctx, HttpStatus.FORBIDDEN, "That code did not work: " + e.getMessage() + ".", code);
            return;
        }
        PanelCookie.set(ctx, credential.token());
        audit.record(credential.panel(), "panel.enrol", credential.panel().room(), Map.of());
        ctx.redirect("/room/" + credential.panel().room(), HttpStatus.SEE_OTHER);
    }

    /** What to call the panel in the admin console: which kind of device enrolled. */
    static String name(String userAgent) {
        String ua = userAgent == null ? "" : userAgent;
        String kind = ua.contains("iPad")
                ? "iPad"
                : ua.contains("iPhone")
                        ? "iPhone"
                        : ua.contains("Android")
                                ? "Android"
                                : ua.contains("CrOS")
                                        ? "ChromeOS"
                                        : ua.contains("Windows")
                                                ? "Windows"
                                                : ua.contains("Mac OS") ? "Mac" : ua.contains("Linux") ? "Linux" : null;
        return kind == null ? "touch panel" : "touch panel (" + kind + ")";
    }
}
