package org.roomctl.admin.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.roomctl.admin.Console;
import org.roomctl.admin.auth.Role;
import org.roomctl.admin.http.Params;
import org.roomctl.admin.http.Problem;
import org.roomctl.admin.schedules.BookingRow;
import org.roomctl.admin.schedules.BookingViews;
import org.roomctl.contract.Json;
import org.roomctl.fleet.schedule.Booking;
import org.roomctl.fleet.schedule.BookingException;

/**
 * Bookings in the JSON API: listing, booking, one booking with its events, cancelling. The engine
 * ({@code fleet.schedules()}) checks each request and writes the audit log under the token's name.
 */
public final class BookingApi {
    private final Console console;

    public BookingApi(Console console) {
        this.console = console;
    }

    public void install(RoutesConfig routes) {
        routes.get("/api/bookings", this::list, Role.VIEWER);
        routes.post("/api/bookings", this::book, Role.OPERATOR);
        routes.get("/api/bookings/{id}", this::one, Role.VIEWER);
        routes.post("/api/bookings/{id}/cancel", this::cancel, Role.OPERATOR);
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.string(body));
    }

    private void list(Context ctx) {
        String state = ctx.queryParam("state") == null ? "all" : ctx.queryParam("state");
        Integer limit = Params.integer(ctx, "limit", 1, 500, "limit");
        int n = limit == null ? BookingViews.UPCOMING : limit;
        var schedules = console.fleet().schedules();
        List<Booking> bookings = new ArrayList<>();
        switch (state) {
            case "current" -> bookings.addAll(schedules.current());
            case "upcoming" -> bookings.addAll(schedules.upcoming(n));
            case "past" -> bookings.addAll(schedules.past(n));
            case "all" -> {
                bookings.addAll(schedules.current());
                bookings.addAll(schedules.upcoming(n));
                bookings.addAll(schedules.past(n));
            }
            default -> throw Problem.badRequest("state must be current, upcoming, past or all, not '" + state + "'");
        }
        json(
                ctx,
                200,
                Map.of(
                        "bookings",
                        console.bookings().rows(bookings).stream()
                                .map(ApiViews::booking)
                                .toList()));
    }

    private BookingRow existing(long id) {
        return console.bookings().find(id).orElseThrow(() -> Problem.notFound("there is no booking " + id));
    }

    private void one(Context ctx) {
        long id = Params.id(ctx, "id");
        Map<String, Object> body = ApiViews.booking(existing(id));
        body.put(
                "events",
                console.fleet().schedules().events(id).stream()
                        .map(ApiViews::bookingEvent)
                        .toList());
        json(ctx, 200, body);
    }

    private void book(Context ctx) throws BookingException {
        Map<?, ?> request;
        try {
            request = Json.read(ctx.bodyAsBytes(), Map.class);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("the body must be JSON: {\"caller\": \"room-a\", \"callee\": \"room-b\","
                    + " \"start\": \"2026-03-01T09:00:00Z\", \"end\": \"2026-03-01T10:00:00Z\", \"title\": \"...\"} ("
                    + e.getMessage() + ")");
        }
        if (request == null) {
            throw Problem.badRequest("the body must be a JSON object");
        }
        Booking b = console.fleet()
                .schedules()
                .book(
                        text(request, "caller"),
                        text(request, "callee"),
                        time(request, "start"),
                        time(request, "end"),
                        text(request, "title"),
                        Console.actor(ctx));
        console.live().schedulesChanged();
        ctx.header("Location", "/api/bookings/" + b.id());
        json(ctx, 201, ApiViews.booking(existing(b.id())));
    }

    private static String text(Map<?, ?> request, String field) {
        if (!(request.get(field) instanceof String s) || s.isBlank()) {
            throw Problem.badRequest("give \"" + field + "\" as a string");
        }
        return s;
    }

    /** An ISO 8601 time with its offset: the API takes no local times, its clients span zones. */
    private static Instant time(Map<?, ?> request, String field) {
        String s = text(request, field);
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            throw Problem.badRequest("\"" + field + "\" '" + s
                    + "' is not a time with its offset: use 2026-03-01T09:00:00Z or 2026-03-01T20:00:00+11:00");
        }
    }

    private void cancel(Context ctx) throws BookingException {
        long id = Params.id(ctx, "id");
        console.fleet().schedules().cancel(id, Console.actor(ctx));
        console.live().schedulesChanged();
        json(ctx, 200, ApiViews.booking(existing(id)));
    }
}
