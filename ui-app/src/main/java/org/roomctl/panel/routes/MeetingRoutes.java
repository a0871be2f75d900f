package org.roomctl.panel.routes;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roomctl.fleet.panels.Panel;
import org.roomctl.panel.access.PanelAccess;
import org.roomctl.panel.control.CallControl;
import org.roomctl.panel.live.Screen;

/** Ending the meeting, and asking the AV team for help. */
public final class MeetingRoutes {
    /** The reasons a person can give for help, by the key the help screen sends. */
    static final Map<String, String> HELP_REASONS = reasons();

    private static Map<String, String> reasons() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("call", "The call does not work");
        r.put("picture", "No picture on the display");
        r.put("sound", "No sound");
        r.put("other", "Something else");
        return r;
    }

    private final Pages pages;
    private final CallControl calls;

    public MeetingRoutes(Pages pages, CallControl calls) {
        this.pages = pages;
        this.calls = calls;
    }

    public void install(JavalinConfig config) {
        config.routes.get(
                "/room/{room}/end",
                ctx -> pages.render(
                        ctx,
                        "end.jte",
                        pages.page(ctx, Screen.END, pages.views().names()),
                        Map.of()));
        config.routes.post(
                "/room/{room}/end", ctx -> Respond.later(ctx, pages.templates(), calls.endMeeting(panel(ctx))));
        config.routes.get(
                "/room/{room}/help",
                ctx -> pages.render(
                        ctx,
                        "help.jte",
                        pages.page(ctx, Screen.HELP, pages.views().names()),
                        Map.of("reasons", HELP_REASONS)));
        config.routes.post("/room/{room}/help", this::help);
    }

    private static Panel panel(Context ctx) {
        return PanelAccess.panel(ctx);
    }

    private void help(Context ctx) {
        String reason = Inputs.oneOf(ctx, "reason", List.copyOf(HELP_REASONS.keySet()), "reasons");
        Panel p = panel(ctx);
        String room = pages.views().names().name(p.room());
        Respond.outcome(
                ctx, pages.templates(), calls.help(p, "Help asked for in " + room + ": " + HELP_REASONS.get(reason)));
    }
}
