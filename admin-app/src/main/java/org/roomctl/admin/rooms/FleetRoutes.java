package org.roomctl.admin.rooms;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roomctl.admin.Console;
import org.roomctl.admin.auth.Gatekeeper;
import org.roomctl.admin.auth.Role;
import org.roomctl.admin.buslog.BusSearch;
import org.roomctl.admin.connections.ConnectionRow;
import org.roomctl.admin.http.ErrorResponses;
import org.roomctl.admin.http.Page;
import org.roomctl.admin.http.Params;
import org.roomctl.admin.http.Problem;
import org.roomctl.admin.live.LiveFragments;
import org.roomctl.admin.live.LiveKey;
import org.roomctl.fleet.connect.Connection;
import org.roomctl.fleet.connect.ConnectionRefusedException;
import org.roomctl.fleet.connect.RequestedVia;

/** The fleet page and the room pages, with the room actions. */
public final class FleetRoutes {
    private final Console console;

    public FleetRoutes(Console console) {
        this.console = console;
    }

    public void install(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect("/fleet"), Role.VIEWER);
        routes.get("/fleet", this::fleet, Role.VIEWER);
        routes.sse(
                "/live/fleet",
                client ->
                        console.live().hub().subscribe(LiveKey.fleet(filter(client.ctx()), role(client.ctx())), client),
                Role.VIEWER);
        routes.get("/rooms/{id}", this::room, Role.VIEWER);
        routes.sse(
                "/live/rooms/{id}",
                client -> console.live()
                        .hub()
                        .subscribe(LiveKey.room(existing(client.ctx()).id(), role(client.ctx())), client),
                Role.VIEWER);
        routes.post("/rooms/{id}/refresh", this::refresh, Role.OPERATOR);
        routes.post("/rooms/{id}/power", this::power, Role.OPERATOR);
        routes.post("/rooms/{id}/preset", this::preset, Role.OPERATOR);
        routes.post("/rooms/{id}/end-meeting", this::endMeeting, Role.OPERATOR);
        routes.post("/rooms/{id}/connect", this::connect, Role.OPERATOR);
        routes.post("/rooms/{id}/disconnect", this::disconnect, Role.OPERATOR);
    }

    private static Role role(Context ctx) {
        return Gatekeeper.principal(ctx).role();
    }

    private static FleetFilter filter(Context ctx) {
        return FleetFilter.of(ctx.queryParam("site"), ctx.queryParam("show"));
    }

    private void fleet(Context ctx) {
        FleetFilter filter = filter(ctx);
        List<RoomRow> all = console.fleetView().rows();
        Page page = console.pages().page(ctx, "Fleet", "fleet", "/live/fleet?" + filter.query());
        console.pages()
                .html(
                        ctx,
                        "fleet.jte",
                        page,
                        "filter",
                        filter,
                        "sites",
                        FleetView.sites(all),
                        "counts",
                        FleetCounts.of(all, console.fleet().alerts().open().size()),
                        "rows",
                        all.stream().filter(filter::matches).toList());
    }

    private RoomRow existing(Context ctx) {
        String id = ctx.pathParam("id");
        return console.fleetView().row(id).orElseThrow(() -> Problem.notFound("there is no room '" + id + "'"));
    }

    private Optional<ConnectionRow> openConnection(String room) {
        return console.connections().open().stream()
                .filter(c -> c.caller().equals(room) || c.callee().equals(room))
                .findFirst();
    }

    private void room(Context ctx) {
        RoomRow room = existing(ctx);
        Page page = console.pages().page(ctx, room.name(), "fleet", "/live/rooms/" + room.id());
        console.pages()
                .html(
                        ctx,
                        "room.jte",
                        page,
                        "room",
                        room,
                        "catalog",
                        console.catalogCache().get(room.id()),
                        "others",
                        console.fleetView().rows().stream()
                                .filter(r -> !r.id().equals(room.id()))
                                .toList(),
                        "open",
                        openConnection(room.id()).orElse(null),
                        "recent",
                        console.connections().forRoom(room.id(), LiveFragments.ROOM_RECENT),
                        "messages",
                        console.busLog()
                                .search(
                                        new BusSearch(null, room.id(), null, null, null, null),
                                        LiveFragments.ROOM_RECENT),
                        "message",
                        "",
                        "ok",
                        true);
    }

    private void done(Context ctx, String message) {
        console.pages().html(ctx, "flash.jte", null, "ok", true, "message", message);
    }

    private void refresh(Context ctx) {
        RoomRow room = existing(ctx);
        console.commands().send(room.id(), "room.refresh", Map.of(), null, Console.actor(ctx));
        console.audit(ctx, "room.refresh", room.id(), null);
        done(ctx, room.name() + ": every device read again");
    }

    private void power(Context ctx) {
        RoomRow room = existing(ctx);
        String deviceId = Params.required(ctx, "device", "which device");
        DeviceView device = room.devices().stream()
                .filter(d -> d.id().equals(deviceId))
                .findFirst()
                .orElseThrow(() -> Problem.notFound(room.name() + " has no device '" + deviceId + "'"));
        if (!device.switchable()) {
            throw Problem.badRequest(device.id() + " (" + device.role() + ") cannot be switched on and off here");
        }
        String on = Params.required(ctx, "on", "on or off");
        if (!on.equals("on") && !on.equals("off")) {
            throw Problem.badRequest("power must be on or off, not '" + on + "'");
        }
        console.commands().send(room.id(), device.role() + ".power", Map.of("on", on), device.id(), Console.actor(ctx));
        console.audit(ctx, "device.power", room.id() + "/" + device.id(), Map.of("on", on));
        done(ctx, room.name() + ": " + device.id() + " switched " + on);
    }

    private void preset(Context ctx) {
        RoomRow room = existing(ctx);
        Integer preset = Params.integer(ctx, "preset", 0, 15, "the preset");
        if (preset == null) {
            throw Problem.badRequest("the preset is missing");
        }
        String device = Params.optional(ctx, "device");
        console.commands().send(room.id(), "camera.recall", Map.of("preset", preset), device, Console.actor(ctx));
        console.audit(ctx, "camera.preset", room.id() + (device == null ? "" : "/" + device), Map.of("preset", preset));
        done(ctx, room.name() + ": camera at preset " + preset);
    }

    private void endMeeting(Context ctx) throws ConnectionRefusedException {
        RoomRow room = existing(ctx);
        Optional<ConnectionRow> open = openConnection(room.id());
        if (open.isPresent()) {
            console.fleet().connections().disconnect(open.get().id(), Console.actor(ctx));
        }
        console.commands().send(room.id(), "room.shutdown", Map.of(), null, Console.actor(ctx));
        console.audit(ctx, "room.end-meeting", room.id(), null);
        done(ctx, room.name() + ": meeting ended, call hung up and devices off");
    }

    private void connect(Context ctx) throws ConnectionRefusedException {
        RoomRow room = existing(ctx);
        String callee = Params.optional(ctx, "callee");
        ErrorResponses.showErrorsIn(ctx, message -> connectForm(ctx, room, message, false));
        if (callee == null) {
            throw Problem.badRequest("choose the room to connect to");
        }
        Connection c =
                console.fleet().connections().connect(room.id(), callee, Console.actor(ctx), RequestedVia.ADMIN, null);
        console.audit(ctx, "connection.connect", Long.toString(c.id()), Map.of("caller", room.id(), "callee", callee));
        String calleeName = console.fleetView().row(callee).map(RoomRow::name).orElse(callee);
        ctx.html(connectForm(ctx, room, "connecting " + room.name() + " to " + calleeName + "…", true));
    }

    private String connectForm(Context ctx, RoomRow room, String message, boolean ok) {
        return console.pages()
                .render(
                        "room/connect.jte",
                        console.pages().page(ctx, "", "", null),
                        "room",
                        room,
                        "others",
                        console.fleetView().rows().stream()
                                .filter(r -> !r.id().equals(room.id()))
                                .toList(),
                        "message",
                        message,
                        "ok",
                        ok);
    }

    private void disconnect(Context ctx) throws ConnectionRefusedException {
        RoomRow room = existing(ctx);
        Optional<ConnectionRow> open = openConnection(room.id());
        if (open.isPresent()) {
            console.fleet().connections().disconnect(open.get().id(), Console.actor(ctx));
            console.audit(ctx, "connection.disconnect", Long.toString(open.get().id()), Map.of("room", room.id()));
            done(
                    ctx,
                    "disconnecting " + open.get().callerName() + " and "
                            + open.get().calleeName());
            return;
        }
        if (!room.inCall()) {
            throw Problem.conflict(room.name() + " is not in a call");
        }
        // A call the console did not make (dialled on the codec itself): hang it up in this room.
        console.commands().send(room.id(), "call.hangup", Map.of(), null, Console.actor(ctx));
        console.audit(ctx, "room.hangup", room.id(), null);
        done(ctx, room.name() + ": call hung up");
    }
}
