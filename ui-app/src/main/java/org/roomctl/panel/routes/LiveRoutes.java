package org.roomctl.panel.routes;

import io.javalin.config.JavalinConfig;
import io.javalin.http.sse.SseClient;
import java.util.Optional;
import org.roomctl.fleet.panels.Panel;
import org.roomctl.panel.access.PanelAccess;
import org.roomctl.panel.live.LivePanels;
import org.roomctl.panel.live.Screen;
import org.roomctl.web.LiveHub;

/**
 * The live stream of a screen ({@code /room/<room>/live/<screen>}): the fragments of its room as
 * they change. A stream the panel may not have (not enrolled, revoked, another room) is told to
 * reload, so the page itself goes where it belongs: the enrolment screen, or its own room.
 */
public final class LiveRoutes {
    private final LiveHub<String> hub;

    public LiveRoutes(LiveHub<String> hub) {
        this.hub = hub;
    }

    public void install(JavalinConfig config) {
        config.routes.sse("/room/{room}/live/{screen}", this::stream);
    }

    private void stream(SseClient client) {
        Panel panel = PanelAccess.panel(client.ctx());
        Optional<Screen> screen = Screen.of(client.ctx().pathParam("screen"));
        if (panel == null || screen.isEmpty()) {
            client.sendEvent("reload", "");
            client.close();
            return;
        }
        hub.subscribe(LivePanels.key(panel.room(), screen.get()), client);
    }
}
