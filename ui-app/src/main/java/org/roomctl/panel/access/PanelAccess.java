package org.roomctl.panel.access;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.roomctl.fleet.panels.Panel;
import org.roomctl.fleet.panels.PanelService;

/**
 * Who may use the panel's screens: a browser holding a valid panel credential, for its own room
 * only. Every route under {@code /room/<room>} and {@code /} passes here first; the room in the
 * path must be the panel's, and the handlers act on the panel's room, never on a room the browser
 * names. An unknown or revoked panel is sent to the enrolment screen, and sees nothing else.
 */
public final class PanelAccess {
    static final String ATTRIBUTE = "roomctl.panel";
    public static final String ENROL = "/enrol";

    private final PanelService panels;

    public PanelAccess(PanelService panels) {
        this.panels = panels;
    }

    /** A before-handler for every request. */
    public void check(Context ctx) {
        String path = ctx.path();
        if (!path.equals("/") && !path.startsWith("/room/")) {
            return;
        }
        String token = PanelCookie.read(ctx);
        Optional<Panel> panel = panels.authenticate(token);
        boolean stream = isLiveStream(path);
        if (panel.isEmpty()) {
            if (token != null) {
                PanelCookie.clear(ctx);
            }
            if (!stream) {
                toEnrolment(ctx);
            }
            return; // a live stream without a panel is told to reload: see LiveRoutes
        }
        if (path.startsWith("/room/")) {
            String room = segment(path, 2);
            if (!room.equals(panel.get().room())) {
                if (stream) {
                    return;
                }
                throw new OtherRoomException(panel.get().room(), room);
            }
        }
        ctx.attribute(ATTRIBUTE, panel.get());
    }

    private static boolean isLiveStream(String path) {
        return path.matches("/room/[^/]+/live/[^/]+");
    }

    /** The panel this request comes from, checked by {@link #check}; null on a live stream it refused. */
    public static Panel panel(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }

    private static void toEnrolment(Context ctx) {
        if ("true".equals(ctx.header("HX-Request"))) {
            // htmx follows this with a full page load.
            ctx.header("HX-Redirect", ENROL)
                    .status(HttpStatus.UNAUTHORIZED)
                    .html("<span class=\"result fail\">This panel is not enrolled.</span>");
        } else if (ctx.method().name().equals("GET")) {
            ctx.redirect(ENROL, HttpStatus.SEE_OTHER);
        } else {
            ctx.status(HttpStatus.UNAUTHORIZED).html("This panel is not enrolled: open " + ENROL + " to enrol it.");
        }
        ctx.skipRemainingHandlers();
    }

    private static String segment(String path, int i) {
        String[] parts = path.split("/");
        return parts.length > i ? parts[i] : "";
    }
}
