package org.roomctl.panel.routes;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.roomctl.fleet.panels.Panel;
import org.roomctl.panel.access.PanelAccess;
import org.roomctl.panel.control.CameraMoves;
import org.roomctl.panel.control.RoomCommands;
import org.roomctl.panel.live.Screen;

/**
 * The camera screen: recall and save views (the camera's presets 1 to 6), move and zoom while a
 * finger is down, go home, power.
 */
public final class CameraRoutes {
    /** How many views the panel offers (the camera has more presets; six fit a finger). */
    static final int VIEWS = 6;

    private final Pages pages;
    private final RoomCommands commands;
    private final CameraMoves moves;

    public CameraRoutes(Pages pages, RoomCommands commands, CameraMoves moves) {
        this.pages = pages;
        this.commands = commands;
        this.moves = moves;
    }

    public void install(JavalinConfig config) {
        config.routes.get("/room/{room}/camera", this::camera);
        config.routes.post("/room/{room}/camera/recall", ctx -> preset(ctx, "camera.recall"));
        config.routes.post("/room/{room}/camera/save", ctx -> preset(ctx, "camera.save"));
        config.routes.post(
                "/room/{room}/camera/move",
                ctx -> Respond.later(
                        ctx,
                        pages.templates(),
                        moves.move(
                                panel(ctx),
                                Inputs.oneOf(ctx, "direction", List.of("up", "down", "left", "right"), "directions"))));
        config.routes.post(
                "/room/{room}/camera/zoom",
                ctx -> Respond.later(
                        ctx,
                        pages.templates(),
                        moves.zoom(panel(ctx), Inputs.oneOf(ctx, "direction", List.of("in", "out"), "zoom buttons"))));
        config.routes.post(
                "/room/{room}/camera/stop", ctx -> Respond.later(ctx, pages.templates(), moves.stop(panel(ctx))));
        config.routes.post("/room/{room}/camera/home", ctx -> {
            Panel p = panel(ctx);
            Respond.later(
                    ctx,
                    pages.templates(),
                    commands.send(p.room(), "camera.home", Map.of(), p.actor(), "Camera is back to its home view"));
        });
        config.routes.post("/room/{room}/camera/power", ctx -> {
            boolean on = Inputs.onOff(ctx);
            Panel p = panel(ctx);
            Respond.later(
                    ctx,
                    pages.templates(),
                    commands.send(
                            p.room(), "camera.power", Map.of("on", on), p.actor(), "Camera is " + (on ? "on" : "off")));
        });
    }

    private static Panel panel(Context ctx) {
        return PanelAccess.panel(ctx);
    }

    private void camera(Context ctx) {
        Panel p = panel(ctx);
        pages.render(
                ctx,
                "camera.jte",
                pages.page(ctx, Screen.CAMERA, pages.views().names()),
                Map.of(
                        "camera",
                        pages.views().device(p.room(), "camera"),
                        "views",
                        VIEWS,
                        "saving",
                        ctx.queryParam("save") != null));
    }

    private void preset(Context ctx, String action) {
        int view = Inputs.number(ctx, "preset", 1, VIEWS, "a view from");
        Panel p = panel(ctx);
        String done = action.equals("camera.save")
                ? "Saved what the camera shows now as view " + view
                : "Camera is showing view " + view;
        Respond.later(ctx, pages.templates(), commands.send(p.room(), action, Map.of("preset", view), p.actor(), done));
    }
}
