package org.roomctl.admin.schedules;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import org.roomctl.admin.Console;
import org.roomctl.admin.auth.Gatekeeper;
import org.roomctl.admin.auth.Role;
import org.roomctl.admin.http.ErrorResponses;
import org.roomctl.admin.http.Page;
import org.roomctl.admin.http.Params;
import org.roomctl.admin.http.Problem;
import org.roomctl.admin.live.LiveKey;
import org.roomctl.fleet.schedule.Booking;
import org.roomctl.fleet.schedule.BookingException;

/**
 * Bookings: the lists (in progress, upcoming, past; live), booking two rooms, a booking's page
 * with what happened to it, and cancelling. The engine ({@code fleet.schedules()}) checks and
 * records every change, and writes it to the audit log under the user's name.
 */
public final class BookingRoutes {
    private final Console console;

    public BookingRoutes(Console console) {
        this.console = console;
    }

    public void install(RoutesConfig routes) {
        routes.get("/schedules", this::page, Role.VIEWER);
        routes.sse(
                "/live/schedules",
                client -> console.live().hub().subscribe(LiveKey.schedules(role(client.ctx())), client),
                Role.VIEWER);
        routes.post("/bookings", this::book, Role.OPERATOR);
        routes.get("/bookings/{id}", this::one, Role.VIEWER);
        routes.sse(
                "/live/bookings/{id}",
                client -> console.live()
                        .hub()
                        .subscribe(LiveKey.booking(existing(client.ctx()).id(), role(client.ctx())), client),
                Role.VIEWER);
        routes.post("/bookings/{id}/cancel", this::cancel, Role.OPERATOR);
    }

    private static Role role(Context ctx) {
        return Gatekeeper.principal(ctx).role();
    }

    private BookingRow existing(Context ctx) {
        long id = Params.id(ctx, "id");
        return console.bookings().find(id).orElseThrow(() -> Problem.notFound("there is no booking " + id));
    }

    private void page(Context ctx) {
        Page page = console.pages().page(ctx, "Schedules", "schedules", "/live/schedules");
        console.pages()
                .html(
                        ctx,
                        "schedules.jte",
                        page,
                        "lists",
                        console.bookings().lists(),
                        "form",
                        BookingForm.blank(page.now(), page.zone()),
                        "rooms",
                        console.bookings().rooms());
    }

    /** The booking form, with a message and the booking it names (the one made, or the one in the way). */
    private String formFragment(Context ctx, BookingForm form, String message, boolean ok, Long booking) {
        return console.pages()
                .render(
                        "schedules/form.jte",
                        console.pages().page(ctx, "", "", null),
                        "form",
                        form,
                        "rooms",
                        console.bookings().rooms(),
                        "message",
                        message,
                        "ok",
                        ok,
                        "booking",
                        booking);
    }

    private void book(Context ctx) throws BookingException {
        BookingForm form = BookingForm.of(ctx);
        ErrorResponses.showProblemsIn(
                ctx,
                p -> formFragment(
                        ctx, form, p.getMessage(), false, (Long) p.details().get("overlapping")));
        if (form.caller().isEmpty()) {
            throw Problem.badRequest("choose the room that calls");
        }
        if (form.callee().isEmpty()) {
            throw Problem.badRequest("choose the room it calls");
        }
        var zone = console.settings().zone();
        Instant start = Params.time(ctx, "start", zone, false);
        Instant end = Params.time(ctx, "end", zone, false);
        if (start == null || end == null) {
            throw Problem.badRequest("give the start and the end (" + zone.getId() + " time)");
        }
        Booking b = console.fleet()
                .schedules()
                .book(form.caller(), form.callee(), start, end, form.title(), Console.actor(ctx));
        console.live().schedulesChanged();
        Page page = console.pages().page(ctx, "", "", null);
        String done = "Booked: " + console.bookings().name(b.caller()) + " calls "
                + console.bookings().name(b.callee()) + " from " + page.time(b.startsAt()) + " to "
                + page.time(b.endsAt()) + ".";
        // The lists come along, out of band, so they show the new booking even without the live stream.
        ctx.html(formFragment(ctx, BookingForm.blank(page.now(), page.zone()), done, true, b.id())
                + console.pages()
                        .render(
                                "schedules/bookings.jte",
                                page,
                                "lists",
                                console.bookings().lists(),
                                "oob",
                                true));
    }

    private void one(Context ctx) {
        BookingRow b = existing(ctx);
        Page page = console.pages().page(ctx, "Booking " + b.id(), "schedules", "/live/bookings/" + b.id());
        console.pages()
                .html(
                        ctx,
                        "booking.jte",
                        page,
                        "b",
                        b,
                        "events",
                        console.fleet().schedules().events(b.id()));
    }

    private void cancel(Context ctx) throws BookingException {
        long id = Params.id(ctx, "id");
        Booking b = console.fleet().schedules().cancel(id, Console.actor(ctx));
        console.live().schedulesChanged();
        console.pages()
                .html(
                        ctx,
                        "flash.jte",
                        null,
                        "ok",
                        true,
                        "message",
                        "booking " + id + " '" + b.title() + "' cancelled"
                                + (b.connectionId() == null ? "" : "; its call is being hung up"));
    }
}
