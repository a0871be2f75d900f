package org.roomctl.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roomctl.admin.auth.Role;
import org.roomctl.contract.Json;
import org.roomctl.fleet.alerts.Alert;

/** Every call of the JSON API, with API tokens, on the testkit's three real rooms. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiIT {
    private AdminRig rig;
    private String operator;
    private String viewer;

    @BeforeAll
    void start() throws Exception {
        rig = new AdminRig();
        operator = rig.token("automation", Role.OPERATOR);
        viewer = rig.token("dashboard", Role.VIEWER);
    }

    @AfterAll
    void stop() throws Exception {
        rig.close();
    }

    private JsonNode call(String method, String path, String token, String body, int status) throws Exception {
        HttpResponse<String> r = Client.api(rig.base, method, path, token, body);
        assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return Json.mapper().readTree(r.body());
    }

    @Test
    void roomsAndTheirState() throws Exception {
        JsonNode rooms = call("GET", "/api/rooms", viewer, null, 200).get("rooms");
        assertThat(rooms).hasSize(3);
        // By site, then name: Auckland first.
        assertThat(rooms.findValuesAsText("id")).containsExactly("room-c", "room-a", "room-b");
        JsonNode a = rooms.get(1);
        assertThat(a.get("availability").asText()).isEqualTo("online");
        assertThat(a.get("call").get("state").asText()).isEqualTo("idle");
        assertThat(a.get("devices").get("total").asInt()).isEqualTo(4);
        assertThat(a.get("devices").get("online").asInt()).isEqualTo(4);
        assertThat(call("GET", "/api/rooms?site=Auckland", viewer, null, 200).get("rooms"))
                .hasSize(1);
        assertThat(call("GET", "/api/rooms?show=bogus", viewer, null, 400)
                        .get("code")
                        .asText())
                .isEqualTo("bad_request");

        JsonNode c = call("GET", "/api/rooms/room-c", viewer, null, 200);
        assertThat(c.get("name").asText()).isEqualTo("Room C");
        assertThat(c.get("site").asText()).isEqualTo("Auckland");
        assertThat(c.get("devices")).hasSize(4);
        assertThat(c.get("devices").findValuesAsText("status")).containsOnly("online");
        assertThat(c.get("devices").findValuesAsText("role")).contains("codec", "camera", "doccam", "display");
        JsonNode missing = call("GET", "/api/rooms/nowhere", viewer, null, 404);
        assertThat(missing.get("code").asText()).isEqualTo("not_found");
        assertThat(missing.get("message").asText()).contains("nowhere");
    }

    @Test
    void connectFollowAndDisconnect() throws Exception {
        JsonNode made =
                call("POST", "/api/connections", operator, "{\"caller\":\"room-a\",\"callee\":\"room-c\"}", 201);
        long id = made.get("id").asLong();
        assertThat(made.get("via").asText()).isEqualTo("api");
        assertThat(made.get("requestedBy").asText()).isEqualTo("token:automation");
        await().atMost(Duration.ofSeconds(20)).until(() -> call("GET", "/api/connections/" + id, viewer, null, 200)
                .get("status")
                .asText()
                .equals("connected"));
        assertThat(rig.codec("room-a").callStatus()).isEqualTo("Connected");
        assertThat(rig.codec("room-c").callStatus()).isEqualTo("Connected");
        JsonNode state = call("GET", "/api/rooms/room-a", viewer, null, 200);
        assertThat(state.get("connection").get("id").asLong()).isEqualTo(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> call("GET", "/api/rooms/room-c", viewer, null, 200)
                .get("call")
                .get("state")
                .asText()
                .equals("connected"));
        assertThat(call("GET", "/api/rooms/room-c", viewer, null, 200)
                        .get("call")
                        .get("peer")
                        .asText())
                .isEqualTo("Room A");
        assertThat(call("GET", "/api/connections?outcome=open", viewer, null, 200)
                        .get("connections")
                        .findValuesAsText("status"))
                .containsExactly("connected");

        // Refusals say why.
        JsonNode busy =
                call("POST", "/api/connections", operator, "{\"caller\":\"room-b\",\"callee\":\"room-c\"}", 409);
        assertThat(busy.get("code").asText()).isEqualTo("room_busy");
        assertThat(busy.get("message").asText()).contains("Room C is busy");
        assertThat(call("POST", "/api/connections", operator, "{\"caller\":\"room-b\",\"callee\":\"room-b\"}", 400)
                        .get("code")
                        .asText())
                .isEqualTo("same_room");
        assertThat(call("POST", "/api/connections", operator, "{\"caller\":\"room-b\",\"callee\":\"nowhere\"}", 404)
                        .get("code")
                        .asText())
                .isEqualTo("not_found");
        assertThat(call("POST", "/api/connections", operator, "not json", 400)
                        .get("message")
                        .asText())
                .contains("must be JSON");
        assertThat(call("POST", "/api/connections", operator, "{\"caller\":\"room-b\"}", 400)
                        .get("message")
                        .asText())
                .contains("\"callee\"");
        assertThat(call("POST", "/api/connections", viewer, "{\"caller\":\"room-b\",\"callee\":\"room-a\"}", 403)
                        .get("code")
                        .asText())
                .isEqualTo("forbidden");

        JsonNode d = call("POST", "/api/connections/" + id + "/disconnect", operator, null, 202);
        assertThat(d.get("status").asText()).isIn("disconnecting", "ended");
        await().atMost(Duration.ofSeconds(20)).until(() -> call("GET", "/api/connections/" + id, viewer, null, 200)
                .get("status")
                .asText()
                .equals("ended"));
        assertThat(rig.codec("room-a").calls()).isEmpty();
        assertThat(rig.codec("room-c").calls()).isEmpty();
        JsonNode done = call("GET", "/api/connections/" + id, viewer, null, 200);
        assertThat(done.get("reason").asText()).isEqualTo("disconnected by token:automation");
        assertThat(done.get("events").findValuesAsText("to"))
                .containsExactly("requested", "dialling", "connected", "disconnecting", "ended");
        assertThat(call("GET", "/api/connections?room=room-c&outcome=ended", viewer, null, 200)
                        .get("connections")
                        .findValuesAsText("id"))
                .contains(Long.toString(id));
        assertThat(call("GET", "/api/connections/999999", viewer, null, 404)
                        .get("code")
                        .asText())
                .isEqualTo("not_found");
        assertThat(call("POST", "/api/connections/999999/disconnect", operator, null, 404)
                        .get("code")
                        .asText())
                .isEqualTo("not_found");
        assertThat(rig.fleet.audit().latest(20))
                .anyMatch(e -> e.actor().equals("token:automation")
                        && e.action().equals("connection.disconnect")
                        && e.target().equals(Long.toString(id)));
    }

    @Test
    void theSameIdempotencyKeyMakesOneConnection() throws Exception {
        String body = "{\"caller\":\"room-b\",\"callee\":\"room-a\"}";
        long first = keyed(body, "job-43");
        try {
            // A retry with the key gets the same connection; without it, the rooms are busy.
            assertThat(keyed(body, "job-43")).isEqualTo(first);
            assertThat(call("POST", "/api/connections", operator, body, 409)
                            .get("code")
                            .asText())
                    .isEqualTo("room_busy");
        } finally {
            call("POST", "/api/connections/" + first + "/disconnect", operator, null, 202);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> call("GET", "/api/connections/" + first, viewer, null, 200)
                            .get("status")
                            .asText()
                            .equals("ended"));
        }
    }

    private long keyed(String body, String key) throws Exception {
        var r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(rig.base + "/api/connections"))
                                .header("Authorization", "Bearer " + operator)
                                .header("Idempotency-Key", key)
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.mapper().readTree(r.body()).get("id").asLong();
    }

    @Test
    void alertsAreListedAcknowledgedAndResolved() throws Exception {
        // A help request: the fleet's alert rules resolve conditions that clear, never these.
        Alert a = rig.fleet.alerts().help("room-c", "nobody can hear us", "panel:room-c#3");
        JsonNode open = call("GET", "/api/alerts", viewer, null, 200).get("alerts");
        assertThat(open.findValuesAsText("id")).contains(Long.toString(a.id()));
        JsonNode ack = call("POST", "/api/alerts/" + a.id() + "/acknowledge", operator, null, 200);
        assertThat(ack.get("state").asText()).isEqualTo("acknowledged");
        assertThat(ack.get("acknowledgedBy").asText()).isEqualTo("token:automation");
        assertThat(call("POST", "/api/alerts/" + a.id() + "/acknowledge", operator, null, 409)
                        .get("code")
                        .asText())
                .isEqualTo("conflict");
        JsonNode resolved = call("POST", "/api/alerts/" + a.id() + "/resolve", operator, null, 200);
        assertThat(resolved.get("state").asText()).isEqualTo("resolved");
        assertThat(resolved.get("resolvedBy").asText()).isEqualTo("token:automation");
        assertThat(call("GET", "/api/alerts?state=resolved", viewer, null, 200)
                        .get("alerts")
                        .findValuesAsText("id"))
                .contains(Long.toString(a.id()));
        assertThat(call("GET", "/api/alerts", viewer, null, 200).get("alerts").findValuesAsText("id"))
                .doesNotContain(Long.toString(a.id()));
        assertThat(call("GET", "/api/alerts?state=all", viewer, null, 200)
                        .get("alerts")
                        .findValuesAsText("id"))
                .contains(Long.toString(a.id()));
        assertThat(call("GET", "/api/alerts?state=sideways", viewer, null, 400)
                        .get("code")
                        .asText())
                .isEqualTo("bad_request");
        assertThat(call("POST", "/api/alerts/" + a.id() + "/resolve", viewer, null, 403)
                        .get("code")
                        .asText())
                .isEqualTo("forbidden");
        assertThat(call("POST", "/api/alerts/777777/resolve", operator, null, 404)
                        .get("code")
                        .asText())
                .isEqualTo("not_found");
    }

    @Test
    void bookingsAreBookedListedRefusedAndCancelled() throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        String body = bookingBody(
                "room-a", "room-c", start.toString(), start.plusSeconds(3600).toString(), "Sync");
        HttpResponse<String> r = Client.api(rig.base, "POST", "/api/bookings", operator, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode made = Json.mapper().readTree(r.body());
        long id = made.get("id").asLong();
        assertThat(r.headers().firstValue("Location")).contains("/api/bookings/" + id);
        assertThat(made.get("state").asText()).isEqualTo("booked");
        assertThat(made.get("bookedBy").asText()).isEqualTo("token:automation");
        assertThat(made.get("callerName").asText()).isEqualTo("Room A");
        assertThat(made.get("start").asText()).isEqualTo(start.toString());
        assertThat(made.has("connection")).isFalse();

        assertThat(call("GET", "/api/bookings?state=upcoming", viewer, null, 200)
                        .get("bookings")
                        .findValuesAsText("id"))
                .contains(Long.toString(id));
        assertThat(call("GET", "/api/bookings", viewer, null, 200)
                        .get("bookings")
                        .findValuesAsText("id"))
                .contains(Long.toString(id));
        assertThat(call("GET", "/api/bookings?state=past", viewer, null, 200)
                        .get("bookings")
                        .findValuesAsText("id"))
                .doesNotContain(Long.toString(id));
        assertThat(call("GET", "/api/bookings?state=soon", viewer, null, 400)
                        .get("message")
                        .asText())
                .contains("current, upcoming, past or all");
        assertThat(call("GET", "/api/bookings?limit=0", viewer, null, 400)
                        .get("code")
                        .asText())
                .isEqualTo("bad_request");
        JsonNode one = call("GET", "/api/bookings/" + id, viewer, null, 200);
        assertThat(one.get("title").asText()).isEqualTo("Sync");
        assertThat(one.get("events").findValuesAsText("to")).containsExactly("booked");

        // Refusals say why; an overlap names the booking in the way.
        JsonNode overlap = call(
                "POST",
                "/api/bookings",
                operator,
                bookingBody(
                        "room-c",
                        "room-b",
                        start.plusSeconds(1800).toString(),
                        start.plusSeconds(5400).toString(),
                        "x"),
                409);
        assertThat(overlap.get("code").asText()).isEqualTo("booking_overlap");
        assertThat(overlap.get("overlapping").asLong()).isEqualTo(id);
        assertThat(overlap.get("message").asText())
                .contains("Room C is already booked then: booking " + id + " 'Sync'");
        assertThat(call("POST", "/api/bookings", operator, "not json", 400)
                        .get("message")
                        .asText())
                .contains("must be JSON");
        assertThat(call(
                                "POST",
                                "/api/bookings",
                                operator,
                                bookingBody("room-a", "room-b", "tomorrow", start.toString(), "x"),
                                400)
                        .get("message")
                        .asText())
                .contains("\"start\" 'tomorrow' is not a time with its offset");
        assertThat(call(
                                "POST",
                                "/api/bookings",
                                operator,
                                "{\"caller\":\"room-a\",\"callee\":\"room-b\",\"start\":\"" + start + "\"}",
                                400)
                        .get("message")
                        .asText())
                .contains("\"end\"");
        assertThat(call(
                                "POST",
                                "/api/bookings",
                                operator,
                                bookingBody(
                                        "room-a",
                                        "room-b",
                                        start.minusSeconds(7200).toString(),
                                        start.minus(Duration.ofDays(1)).toString(),
                                        "x"),
                                400)
                        .get("message")
                        .asText())
                .contains("must be before the end");
        assertThat(call(
                                "POST",
                                "/api/bookings",
                                operator,
                                bookingBody(
                                        "room-a",
                                        "room-a",
                                        start.toString(),
                                        start.plusSeconds(60).toString(),
                                        "x"),
                                400)
                        .get("code")
                        .asText())
                .isEqualTo("same_room");
        assertThat(call(
                                "POST",
                                "/api/bookings",
                                operator,
                                bookingBody(
                                        "room-a",
                                        "nowhere",
                                        start.toString(),
                                        start.plusSeconds(60).toString(),
                                        "x"),
                                404)
                        .get("code")
                        .asText())
                .isEqualTo("not_found");
        assertThat(call("POST", "/api/bookings", viewer, body, 403).get("code").asText())
                .isEqualTo("forbidden");
        assertThat(call("POST", "/api/bookings/" + id + "/cancel", viewer, null, 403)
                        .get("code")
                        .asText())
                .isEqualTo("forbidden");

        JsonNode cancelled = call("POST", "/api/bookings/" + id + "/cancel", operator, null, 200);
        assertThat(cancelled.get("state").asText()).isEqualTo("cancelled");
        assertThat(cancelled.get("cancelledBy").asText()).isEqualTo("token:automation");
        assertThat(cancelled.get("outcome").asText()).isEqualTo("cancelled by token:automation");
        assertThat(call("POST", "/api/bookings/" + id + "/cancel", operator, null, 409)
                        .get("code")
                        .asText())
                .isEqualTo("booking_finished");
        assertThat(call("POST", "/api/bookings/999999/cancel", operator, null, 404)
                        .get("code")
                        .asText())
                .isEqualTo("not_found");
        assertThat(call("GET", "/api/bookings/999999", viewer, null, 404)
                        .get("code")
                        .asText())
                .isEqualTo("not_found");
        assertThat(call("GET", "/api/bookings?state=past", viewer, null, 200)
                        .get("bookings")
                        .findValuesAsText("id"))
                .contains(Long.toString(id));
        // The engine audits under the token's name; the API does not write the entries again.
        for (String action : List.of("booking.create", "booking.cancel")) {
            assertThat(rig.fleet.audit().latest(100).stream()
                            .filter(e -> e.action().equals(action) && e.target().equals("booking:" + id)))
                    .as(action)
                    .singleElement()
                    .satisfies(e -> assertThat(e.actor()).isEqualTo("token:automation"));
        }
    }

    private static String bookingBody(String caller, String callee, String start, String end, String title) {
        return Json.string(Map.of("caller", caller, "callee", callee, "start", start, "end", end, "title", title));
    }

    @Test
    void anUnknownApiPathIsAJsonError() throws Exception {
        assertThat(call("GET", "/api/nothing-here", viewer, null, 404)
                        .get("code")
                        .asText())
                .isEqualTo("not_found");
    }

    /** The OpenAPI document lists every API route the app has, and no other. */
    @Test
    void theOpenApiDocumentDescribesExactlyTheApi() throws Exception {
        JsonNode doc = call("GET", "/api/openapi.json", null, null, 200);
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<String> methods = p.getValue().fieldNames(); methods.hasNext(); ) {
                documented.add(methods.next().toUpperCase() + " " + p.getKey());
            }
        }
        Set<String> routes = new TreeSet<>();
        for (var e : rig.app.javalin().unsafe.internalRouter.allHttpHandlers()) {
            if (e.endpoint.path.startsWith("/api/")
                    && (e.endpoint.method == HandlerType.GET || e.endpoint.method == HandlerType.POST)) {
                routes.add(e.endpoint.method.name() + " " + e.endpoint.path);
            }
        }
        assertThat(routes).hasSizeGreaterThanOrEqualTo(10);
        assertThat(documented).isEqualTo(routes);
        // Every schema a route refers to exists.
        String text = doc.toString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("#/components/(schemas|responses)/(\\w+)")
                .matcher(text);
        while (m.find()) {
            assertThat(doc.get("components").get(m.group(1)).has(m.group(2)))
                    .as(m.group())
                    .isTrue();
        }
    }
}
