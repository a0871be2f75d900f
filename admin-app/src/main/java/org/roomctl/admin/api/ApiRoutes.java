package org.roomctl.admin.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roomctl.admin.Console;
import org.roomctl.admin.alerts.AlertRoutes;
import org.roomctl.admin.auth.Access;
import org.roomctl.admin.auth.Role;
import org.roomctl.admin.connections.ConnectionRoutes;
import org.roomctl.admin.connections.ConnectionRow;
import org.roomctl.admin.connections.HistoryFilter;
import org.roomctl.admin.http.Params;
import org.roomctl.admin.http.Problem;
import org.roomctl.admin.rooms.FleetFilter;
import org.roomctl.admin.rooms.RoomRow;
import org.roomctl.contract.Json;
import org.roomctl.fleet.alerts.Alert;
import org.roomctl.fleet.connect.Connection;
import org.roomctl.fleet.connect.ConnectionRefusedException;
import org.roomctl.fleet.connect.RequestedVia;

/**
 * The JSON API for automation, described by {@code /api/openapi.json}: rooms and their state,
 * connecting and disconnecting rooms, connections, alerts. Authenticated by an API token
 * ({@code Authorization: Bearer}); errors are {@code {"code": ..., "message": ...}}.
 */
public final class ApiRoutes {
    static final String OPENAPI = "/org/roomctl/admin/openapi.json";

    private final Console console;
    private final byte[] openapi;

    public ApiRoutes(Console console) {
        this.console = console;
        try (InputStream in = ApiRoutes.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException("the build lacks " + OPENAPI);
            }
            this.openapi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void install(RoutesConfig routes) {
        routes.get(
                "/api/openapi.json", ctx -> ctx.contentType("application/json").result(openapi), Access.ANYONE);
        routes.get("/api/rooms", this::rooms, Role.VIEWER);
        routes.get("/api/rooms/{id}", this::room, Role.VIEWER);
        routes.get("/api/connections", this::connections, Role.VIEWER);
        routes.post("/api/connections", this::connect, Role.OPERATOR);
        routes.get("/api/connections/{id}", this::connection, Role.VIEWER);
        routes.post("/api/connections/{id}/disconnect", this::disconnect, Role.OPERATOR);
        routes.get("/api/alerts", this::alerts, Role.VIEWER);
        routes.post("/api/alerts/{id}/acknowledge", ctx -> alertAction(ctx, true), Role.OPERATOR);
        routes.post("/api/alerts/{id}/resolve", ctx -> alertAction(ctx, false), Role.OPERATOR);
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.string(body));
    }

    private void rooms(Context ctx) {
        FleetFilter filter = FleetFilter.of(ctx.queryParam("site"), ctx.queryParam("show"));
        List<Map<String, Object>> rooms = console.fleetView().rows(filter).stream()
                .map(r -> ApiViews.room(r, false))
                .toList();
        json(ctx, 200, Map.of("rooms", rooms));
    }

    private RoomRow existing(String id) {
        return console.fleetView().row(id).orElseThrow(() -> Problem.notFound("there is no room '" + id + "'"));
    }

    private void room(Context ctx) {
        RoomRow r = existing(ctx.pathParam("id"));
        Map<String, Object> body = ApiViews.room(r, true);
        console.connections().open().stream()
                .filter(c -> c.caller().equals(r.id()) || c.callee().equals(r.id()))
                .findFirst()
                .ifPresent(c -> body.put("connection", ApiViews.connection(c)));
        json(ctx, 200, body);
    }

    private void connections(Context ctx) {
        Integer limit = Params.integer(ctx, "limit", 1, 500, "limit");
        int n = limit == null ? HistoryFilter.PAGE : limit;
        HistoryFilter filter = ConnectionRoutes.filter(ctx, console, n + 1);
        List<ConnectionRow> rows = console.connections().search(filter);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("connections", rows.stream().limit(n).map(ApiViews::connection).toList());
        if (rows.size() > n) {
            body.put("next", rows.get(n - 1).id());
        }
        json(ctx, 200, body);
    }

    private ConnectionRow existingConnection(long id) {
        return console.connections().find(id).orElseThrow(() -> Problem.notFound("there is no connection " + id));
    }

    private void connection(Context ctx) {
        long id = Params.id(ctx, "id");
        Map<String, Object> body = ApiViews.connection(existingConnection(id));
        body.put(
                "events",
                console.fleet().connections().events(id).stream()
                        .map(ApiViews::event)
                        .toList());
        json(ctx, 200, body);
    }

    private void connect(Context ctx) throws ConnectionRefusedException {
        Map<?, ?> request;
        try {
            request = Json.read(ctx.bodyAsBytes(), Map.class);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(
                    "the body must be JSON: {\"caller\": \"room-a\", \"callee\": \"room-b\"} (" + e.getMessage() + ")");
        }
        if (request == null
                || !(request.get("caller") instanceof String caller)
                || !(request.get("callee") instanceof String callee)) {
            throw Problem.badRequest("give \"caller\" and \"callee\", the ids of the two rooms");
        }
        String key = ctx.header("Idempotency-Key");
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw Problem.badRequest("Idempotency-Key must be 1 to 200 characters");
        }
        String actor = Console.actor(ctx);
        // Keys are the caller's own: another token's key never returns its connection.
        Connection c = console.fleet()
                .connections()
                .connect(caller, callee, actor, RequestedVia.API, key == null ? null : actor + "/" + key);
        console.audit(ctx, "connection.connect", Long.toString(c.id()), Map.of("caller", caller, "callee", callee));
        ctx.header("Location", "/api/connections/" + c.id());
        json(ctx, 201, ApiViews.connection(existingConnection(c.id())));
    }

    private void disconnect(Context ctx) throws ConnectionRefusedException {
        long id = Params.id(ctx, "id");
        Connection c = console.fleet().connections().disconnect(id, Console.actor(ctx));
        console.audit(
                ctx, "connection.disconnect", Long.toString(id), Map.of("caller", c.caller(), "callee", c.callee()));
        json(ctx, 202, ApiViews.connection(existingConnection(id)));
    }

    private void alerts(Context ctx) {
        String state = ctx.queryParam("state") == null ? "open" : ctx.queryParam("state");
        List<Alert> alerts =
                switch (state) {
                    case "open" -> console.alerts().open();
                    case "resolved" -> console.alerts().recent();
                    case "all" -> {
                        List<Alert> all =
                                new java.util.ArrayList<>(console.alerts().open());
                        all.addAll(console.alerts().recent());
                        yield all;
                    }
                    default -> throw Problem.badRequest("state must be open, resolved or all, not '" + state + "'");
                };
        json(ctx, 200, Map.of("alerts", alerts.stream().map(ApiViews::alert).toList()));
    }

    private void alertAction(Context ctx, boolean acknowledge) {
        long id = Params.id(ctx, "id");
        Alert a = AlertRoutes.act(console, id, acknowledge, Console.actor(ctx));
        console.audit(ctx, acknowledge ? "alert.acknowledge" : "alert.resolve", Long.toString(id), null);
        json(ctx, 200, ApiViews.alert(a));
    }
}
