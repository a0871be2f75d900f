package org.roomctl.panel.routes;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import org.roomctl.fleet.panels.Panel;
import org.roomctl.panel.access.PanelAccess;
import org.roomctl.panel.control.CallControl;
import org.roomctl.panel.control.RoomCommands;
import org.roomctl.panel.live.Screen;
import org.roomctl.panel.view.Views;
import org.roomctl.panel.view.Words;

/** The home screen: the call, the devices at a glance, hang up, the document camera and the display. */
public final class HomeRoutes {
    /** The display inputs the panel offers, as labelled on the wall plates. */
    static final List<String> DISPLAY_INPUTS = List.of("hdmi1", "hdmi2", "hdmi3");

    private final Pages pages;
    private final RoomCommands commands;
    private final CallControl calls;

    public HomeRoutes(Pages pages, RoomCommands commands, CallControl calls) {
        this.pages = pages;
        this.commands = commands;
        this.calls = calls;
    }

    public void install(JavalinConfig config) {
        config.routes.get(
                "/", ctx -> ctx.redirect("/room/" + PanelAccess.panel(ctx).room(), HttpStatus.SEE_OTHER));
        config.routes.get("/room/{room}", this::home);
        config.routes.post(
                "/room/{room}/hangup", ctx -> Respond.later(ctx, pages.templates(), calls.hangUp(panel(ctx))));
        config.routes.post("/room/{room}/doccam", this::doccam);
        config.routes.post("/room/{room}/display/power", this::displayPower);
        config.routes.post("/room/{room}/display/input", this::displayInput);
    }

    private static Panel panel(Context ctx) {
        return PanelAccess.panel(ctx);
    }

    private void home(Context ctx) {
        Views.Names names = pages.views().names();
        String room = panel(ctx).room();
        pages.render(
                ctx,
                "home.jte",
                pages.page(ctx, Screen.HOME, names),
                Map.of(
                        "camera", pages.views().device(room, "camera"),
                        "doccam", pages.views().device(room, "doccam"),
                        "display", pages.views().device(room, "display"),
                        "inputs", DISPLAY_INPUTS));
    }

    private void doccam(Context ctx) {
        boolean on = Inputs.onOff(ctx);
        Panel p = panel(ctx);
        Respond.later(
                ctx,
                pages.templates(),
                commands.send(
                        p.room(),
                        "doccam.power",
                        Map.of("on", on),
                        p.actor(),
                        "Document camera is " + (on ? "on" : "off")));
    }

    private void displayPower(Context ctx) {
        boolean on = Inputs.onOff(ctx);
        Panel p = panel(ctx);
        Respond.later(
                ctx,
                pages.templates(),
                commands.send(
                        p.room(),
                        "display.power",
                        Map.of("on", on),
                        p.actor(),
                        "Display is turning " + (on ? "on" : "off")));
    }

    private void displayInput(Context ctx) {
        String input = Inputs.oneOf(ctx, "input", DISPLAY_INPUTS, "inputs");
        Panel p = panel(ctx);
        Respond.later(
                ctx,
                pages.templates(),
                commands.send(
                        p.room(),
                        "display.input",
                        Map.of("input", input),
                        p.actor(),
                        "Display is showing " + Words.input(input)));
    }
}
