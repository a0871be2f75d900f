package org.roomctl.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roomctl.admin.auth.Role;
import org.roomctl.admin.http.Fmt;
import org.roomctl.fleet.audit.AuditLog;
import org.roomctl.fleet.schedule.Booking;
import org.roomctl.fleet.schedule.BookingState;
import org.roomctl.fleet.schedule.SiteShutdown;

/**
 * The schedule pages over HTTP, on the testkit's three real rooms and the real schedule engine
 * (timed in fractions of a second): bookings made, refused, followed live, failed and cancelled;
 * site shutdowns made, run (a room in a booking skipped, then shut down when it ends), changed,
 * switched off and deleted; who may do which.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedulesIT {
    private AdminRig rig;
    private Client admin;
    private Client operator;
    private Client viewer;
    private ZoneId zone;

    @BeforeAll
    void start() throws Exception {
        rig = new AdminRig();
        rig.user("olive", Role.OPERATOR);
        rig.user("vera", Role.VIEWER);
        admin = rig.signedIn(AdminRig.ROOT);
        operator = rig.signedIn("olive");
        viewer = rig.signedIn("vera");
        zone = rig.app.console().settings().zone();
    }

    @AfterAll
    void stop() throws Exception {
        rig.close();
    }

    /** Every test leaves no booking holding a room, and the rooms idle. */
    @AfterEach
    void idle() {
        var schedules = rig.fleet.schedules();
        for (Booking b : schedules.current()) {
            cancelQuietly(b.id());
        }
        for (Booking b : schedules.upcoming(100)) {
            cancelQuietly(b.id());
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> rig.app.console().connections().open().isEmpty()
                        && List.of("room-a", "room-b", "room-c").stream().allMatch(r -> "idle".equals(rig.call(r))));
    }

    private void cancelQuietly(long id) {
        try {
            rig.fleet.schedules().cancel(id, "test");
        } catch (Exception e) {
            // finished meanwhile
        }
    }

    private List<AuditLog.Entry> audit(String action, String target) {
        return rig.fleet.audit().latest(200).stream()
                .filter(e -> e.action().equals(action) && e.target().equals(target))
                .toList();
    }

    private Map<String, String> booking(String caller, String callee, Instant start, Instant end, String title) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("caller", caller);
        form.put("callee", callee);
        form.put("start", rig.local(start));
        form.put("end", rig.local(end));
        form.put("title", title);
        return form;
    }

    private static long bookingId(String html) {
        Matcher m =
                Pattern.compile("id=\"booking-message-link\">Booking (\\d+)<").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String row(List<String> lines, long id) {
        String marker = "id=\"booking-" + id + "\"";
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i);
            int at = l.lastIndexOf(marker);
            if (at >= 0) {
                return l.substring(at, Math.min(l.length(), at + 200));
            }
        }
        return "";
    }

    @Test
    void aBookingConnectsItsRoomsAtItsStartAndHangsUpAtItsEndAndThePagesFollowLive() throws Exception {
        String page = operator.get("/schedules").body();
        assertThat(page)
                .contains("booking-form", "<option value=\"room-a\"", "Room C (Auckland)")
                .contains("data-live-url=\"/live/schedules\"", zone.getId());
        List<String> lines = stream(viewer, "/live/schedules");
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains("id=\"bookings\"")));

        Instant start = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> made =
                operator.post("/bookings", booking("room-a", "room-b", start, start.plusSeconds(6), "Stand-up"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        assertThat(made.body()).contains("Booked: Room A calls Room B", "booking-form", "hx-swap-oob=\"true\"");
        long id = bookingId(made.body());
        assertThat(made.body()).contains("id=\"booking-" + id + "\" data-state=\"booked\"");
        Booking b = rig.fleet.schedules().find(id).orElseThrow();
        assertThat(b.startsAt()).isEqualTo(start); // read in the console's time zone
        assertThat(b.bookedBy()).isEqualTo("user:olive");
        // The engine writes the audit entry under the user's name; the console does not write it again.
        assertThat(audit("booking.create", "booking:" + id)).singleElement().satisfies(e -> assertThat(e.actor())
                .isEqualTo("user:olive"));

        List<String> detail = stream(viewer, "/live/bookings/" + id);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> row(lines, id).contains("data-state=\"active\"")
                        && row(lines, id).contains("data-connection=\"connected\""));
        assertThat(rig.codec("room-a").callStatus()).isEqualTo("Connected");
        assertThat(rig.codec("room-b").callStatus()).isEqualTo("Connected");
        long connection = rig.fleet.schedules().find(id).orElseThrow().connectionId();
        assertThat(viewer.get("/schedules").body())
                .contains("id=\"bookings-current\"", "href=\"/connections/" + connection + "\"");
        await().atMost(Duration.ofSeconds(15)).until(() -> row(lines, id).contains("data-state=\"ended\""));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rig.codec("room-a").calls().isEmpty()
                        && rig.codec("room-b").calls().isEmpty());
        await().atMost(Duration.ofSeconds(5)).until(() -> detail.stream()
                .anyMatch(l -> l.contains("id=\"booking-detail\" data-state=\"ended\"")
                        && l.contains("data-connection=\"ended\"")));

        String one = viewer.get("/bookings/" + id).body();
        assertThat(one)
                .contains("Stand-up", "Room A", "Room B", "ended at its end time", "href=\"/connections/" + connection)
                .contains("<td>booked</td><td>starting</td>", "<td>starting</td><td>active</td>")
                .contains("<td>ending</td><td>ended</td>")
                .doesNotContain("cancel-" + id);
        assertThat(viewer.get("/connections/" + connection).body()).contains("booking:" + id, "schedule");
        assertThat(viewer.get("/bookings/999999").statusCode()).isEqualTo(404);
        assertThat(viewer.get("/bookings/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void theBookingFormSaysWhatIsWrongAndNamesTheBookingInTheWay() throws Exception {
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        Map<String, String> form = booking("", "room-b", tomorrow, tomorrow.plusSeconds(3600), "Review");
        assertRefused(form, 400, "choose the room that calls");
        form.put("caller", "room-a");
        form.put("start", "tomorrow at ten");
        assertRefused(form, 400, "start 'tomorrow at ten' is not a time");
        form.put("start", rig.local(tomorrow.plusSeconds(7200)));
        assertRefused(form, 400, "must be before the end");
        form.put("start", rig.local(tomorrow));
        form.put("callee", "room-a");
        assertRefused(form, 400, "a room cannot call itself");
        form.put("callee", "nowhere");
        assertRefused(form, 404, "there is no room 'nowhere'");
        form.put("callee", "room-b");
        form.put("title", "");
        assertRefused(form, 400, "a booking needs a title");

        HttpResponse<String> first = operator.post(
                "/bookings", booking("room-b", "room-c", tomorrow, tomorrow.plusSeconds(3600), "Board meeting"));
        long blocking = bookingId(first.body());
        HttpResponse<String> overlap = operator.post(
                "/bookings",
                booking("room-a", "room-c", tomorrow.plusSeconds(1800), tomorrow.plusSeconds(5400), "Clashes"));
        assertThat(overlap.statusCode()).isEqualTo(409);
        assertThat(overlap.body())
                .contains("booking-form", "Room C is already booked then: booking " + blocking)
                .contains("Board meeting")
                .contains("href=\"/bookings/" + blocking + "\" id=\"booking-message-link\">See booking " + blocking)
                .contains("value=\"Clashes\""); // what was typed stays
        // Back to back is fine: the first ends when the second starts.
        HttpResponse<String> after = operator.post(
                "/bookings",
                booking("room-a", "room-c", tomorrow.plusSeconds(3600), tomorrow.plusSeconds(5400), "Next"));
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(viewer.get("/schedules").body())
                .contains("id=\"bookings-upcoming\"", "id=\"booking-" + blocking + "\" data-state=\"booked\"");

        // Cancelling: operators only, once.
        assertThat(viewer.post("/bookings/" + blocking + "/cancel").statusCode())
                .isEqualTo(403);
        HttpResponse<String> cancelled = operator.post("/bookings/" + blocking + "/cancel");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("booking " + blocking + " 'Board meeting' cancelled");
        HttpResponse<String> again = operator.post("/bookings/" + blocking + "/cancel");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("has already finished: cancelled");
        assertThat(operator.post("/bookings/999999/cancel").statusCode()).isEqualTo(404);
        assertThat(audit("booking.cancel", "booking:" + blocking))
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("user:olive"));
        String page = viewer.get("/bookings/" + blocking).body();
        assertThat(page)
                .contains("data-state=\"cancelled\"", "cancelled by user:olive")
                .doesNotContain("Cancel booking");
        assertThat(viewer.get("/schedules").body())
                .contains("id=\"bookings-past\"", "id=\"booking-" + blocking + "\" data-state=\"cancelled\"");
    }

    private void assertRefused(Map<String, String> form, int status, String message) throws Exception {
        int before = rig.fleet.schedules().upcoming(500).size();
        HttpResponse<String> r = operator.post("/bookings", form);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains("id=\"booking-form\"", "id=\"booking-message\"", message);
        assertThat(rig.fleet.schedules().upcoming(500)).hasSize(before);
    }

    @Test
    void aViewerSeesBookingsButCannotBookOrCancel() throws Exception {
        String page = viewer.get("/schedules").body();
        assertThat(page).contains("id=\"bookings\"").doesNotContain("booking-form");
        Instant tomorrow = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        HttpResponse<String> r =
                viewer.post("/bookings", booking("room-a", "room-b", tomorrow, tomorrow.plusSeconds(60), "Sneaky"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("vera is a viewer; this needs an operator");
        assertThat(rig.fleet.schedules().upcoming(500)).noneMatch(b -> b.title().equals("Sneaky"));
        long id = rig.fleet
                .schedules()
                .book("room-a", "room-b", tomorrow, tomorrow.plusSeconds(60), "Theirs", "test")
                .id();
        assertThat(viewer.get("/schedules").body())
                .contains("id=\"booking-" + id + "\"")
                .doesNotContain("cancel-" + id);
        assertThat(operator.get("/schedules").body()).contains("id=\"cancel-" + id + "\"");
    }

    @Test
    void aBookingThatCannotStartFailsAndSaysWhy() throws Exception {
        rig.fleet.catalog().setEnabled("room-c", false);
        try {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            HttpResponse<String> made =
                    operator.post("/bookings", booking("room-a", "room-c", now, now.plusSeconds(60), "Doomed"));
            assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
            long id = bookingId(made.body());
            // Retried for the window (2 s here), then failed, with the reason on the lists and its page.
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> rig.fleet.schedules().find(id).orElseThrow().state() == BookingState.FAILED);
            String past = viewer.get("/schedules").body();
            assertThat(past).contains("id=\"booking-" + id + "\" data-state=\"failed\"");
            assertThat(past.substring(past.indexOf("id=\"booking-" + id + "\"")))
                    .contains("could not connect the rooms", "Room C is disabled");
            String page = viewer.get("/bookings/" + id).body();
            assertThat(page).contains("last failure", "Room C is disabled");
            assertThat(rig.codec("room-a").calls()).isEmpty();
        } finally {
            rig.fleet.catalog().setEnabled("room-c", true);
        }
    }

    @Test
    void anAdminSchedulesASiteShutdownAndItsRunShowsEveryRoom() throws Exception {
        // Operators and viewers see shutdowns; only admins change them.
        assertThat(operator.get("/shutdowns").body()).contains("no-shutdowns").doesNotContain("shutdown-form");
        assertThat(operator.post("/shutdowns", Map.of("site", "Auckland", "time", "19:00", "zone", "UTC"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(admin.get("/shutdowns").body()).contains("shutdown-form", "<option value=\"Auckland\"");
        assertShutdownRefused(Map.of("site", "Auckland", "time", "7pm", "zone", "UTC"), 400, "not a time of day");
        assertShutdownRefused(
                Map.of("site", "Auckland", "time", "19:00", "zone", "Mars/Olympus"), 400, "unknown time zone");
        assertShutdownRefused(Map.of("time", "19:00", "zone", "UTC"), 400, "a shutdown needs a site");
        assertShutdownRefused(
                Map.of("site", "Atlantis", "time", "19:00", "zone", "UTC"), 404, "no room in the catalog is at site");

        // Room C's display is on, and Room C is in a booking when its site shuts down: the room is
        // skipped, then shut down when the booking ends.
        assertThat(operator.post("/rooms/room-c/power", Map.of("device", "display", "on", "on"))
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "on".equals(rig.display("room-c").power()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long booking = rig.fleet
                .schedules()
                .book("room-c", "room-a", now, now.plusSeconds(8), "Late meeting", "test")
                .id();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> rig.fleet.schedules().find(booking).orElseThrow().state() == BookingState.ACTIVE);
        ZoneId site = awayFromMidnight();
        LocalTime at = LocalTime.now(site).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> made =
                admin.post("/shutdowns", Map.of("site", "Auckland", "time", at.toString(), "zone", site.getId()));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        SiteShutdown s = rig.fleet.shutdowns().all().get(0);
        assertThat(made.body())
                .contains("id=\"shutdowns-body\"", "Auckland: shut down every day at " + at)
                .contains("id=\"shutdown-next-" + s.id() + "\">")
                .contains(Fmt.time(s.dueOn(LocalDate.now(site)), site) + " <span class=\"small muted\">site time");
        assertShutdownRefused(
                Map.of("site", "Auckland", "time", "20:00", "zone", "UTC"),
                409,
                "Auckland already has an end-of-day shutdown");
        assertThat(audit("shutdown.create", "site:Auckland")).singleElement().satisfies(e -> assertThat(e.actor())
                .isEqualTo("user:root"));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> viewer.get("/shutdowns").body().contains("data-outcome=\"skipped\""));
        String skipped = viewer.get("/shutdowns").body();
        assertThat(skipped).contains("href=\"/bookings/" + booking + "\">booking " + booking, "1 skipped");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> viewer.get("/shutdowns").body().contains("-room-c\" data-outcome=\"ok\""));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !"on".equals(rig.display("room-c").power()));
        String ran = viewer.get("/shutdowns").body();
        assertThat(ran).contains("1 ok").doesNotContain("never ran");

        // Changing it: a wrong zone is refused in its row; a right one is saved and the next run follows.
        HttpResponse<String> wrong =
                admin.post("/shutdowns/" + s.id(), Map.of("time", "07:00", "zone", "Nowhere/Land"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"shutdown-message\"", "unknown time zone");
        HttpResponse<String> edited =
                admin.post("/shutdowns/" + s.id(), Map.of("time", "07:00", "zone", "Pacific/Auckland"));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(edited.body())
                .contains("saved: 07:00 Pacific/Auckland", " 07:00:00 <span class=\"small muted\">site time");
        HttpResponse<String> off = admin.post("/shutdowns/" + s.id() + "/enabled", Map.of("enabled", "false"));
        assertThat(off.body()).contains("data-enabled=\"false\"", "none: disabled");
        assertThat(admin.post("/shutdowns/" + s.id() + "/enabled", Map.of("enabled", "maybe"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(admin.post("/shutdowns/" + s.id() + "/enabled", Map.of("enabled", "true"))
                        .body())
                .contains("data-enabled=\"true\"");
        HttpResponse<String> deleted = admin.post("/shutdowns/" + s.id() + "/delete");
        assertThat(deleted.body())
                .contains("Auckland's shutdown deleted", "no-shutdowns")
                .contains("data-outcome=\"ok\""); // its runs stay on record
        assertThat(admin.post("/shutdowns/" + s.id() + "/delete").statusCode()).isEqualTo(404);
        for (String action : List.of("shutdown.edit", "shutdown.disable", "shutdown.enable", "shutdown.delete")) {
            assertThat(audit(action, "site:Auckland"))
                    .as(action)
                    .singleElement()
                    .satisfies(e -> assertThat(e.actor()).isEqualTo("user:root"));
        }
    }

    /** A zone in which it is not near midnight, so a shutdown a few seconds ahead runs today. */
    private static ZoneId awayFromMidnight() {
        for (String z : List.of("UTC", "Asia/Tokyo", "America/New_York")) {
            LocalTime t = LocalTime.now(ZoneId.of(z));
            if (t.isAfter(LocalTime.of(0, 5)) && t.isBefore(LocalTime.of(23, 55))) {
                return ZoneId.of(z);
            }
        }
        throw new IllegalStateException("unreachable: three zones hours apart cannot all be near midnight");
    }

    private void assertShutdownRefused(Map<String, String> form, int status, String message) throws Exception {
        int before = rig.fleet.shutdowns().all().size();
        HttpResponse<String> r = admin.post("/shutdowns", form);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains("id=\"shutdown-form-message\"", message);
        assertThat(rig.fleet.shutdowns().all()).hasSize(before);
    }

    /** Follows a live stream as a browser's EventSource would, collecting its lines. */
    private List<String> stream(Client client, String path) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(rig.base + path)).header("Accept", "text/event-stream");
        b.header(
                "Cookie",
                client.cookies.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(java.util.stream.Collectors.joining("; ")));
        HttpResponse<java.io.InputStream> r =
                HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = in.readLine()) != null) {
                    lines.add(l);
                }
            } catch (Exception e) {
                // closed with the app
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
