package org.roomctl.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.roomctl.schema.jooq.Tables.BUS_MESSAGE;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roomctl.admin.auth.Role;
import org.roomctl.fleet.alerts.Alert;
import org.roomctl.fleet.audit.AuditLog;
import org.roomctl.fleet.connect.Connection;
import org.roomctl.fleet.connect.ConnectionStatus;
import org.roomctl.fleet.connect.RequestedVia;

/** Every page and form of the console, over HTTP, on the testkit's three real rooms. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleIT {
    private AdminRig rig;
    private Client admin;
    private Client operator;
    private Client viewer;

    @BeforeAll
    void start() throws Exception {
        rig = new AdminRig();
        rig.user("olive", Role.OPERATOR);
        rig.user("vera", Role.VIEWER);
        admin = rig.signedIn(AdminRig.ROOT);
        operator = rig.signedIn("olive");
        viewer = rig.signedIn("vera");
    }

    @AfterAll
    void stop() throws Exception {
        rig.close();
    }

    /** Every test leaves the rooms idle and without open connections. */
    @AfterEach
    void idle() {
        for (var c : rig.app.console().connections().open()) {
            try {
                rig.fleet.connections().disconnect(c.id(), "test");
            } catch (Exception e) {
                // ended meanwhile
            }
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> rig.app.console().connections().open().isEmpty()
                        && List.of("room-a", "room-b", "room-c").stream().allMatch(r -> "idle".equals(rig.call(r))));
    }

    private List<AuditLog.Entry> audit() {
        return rig.fleet.audit().latest(50);
    }

    private void assertAudited(String actor, String action, String target) {
        assertThat(audit()).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo(actor);
            assertThat(e.action()).isEqualTo(action);
            assertThat(e.target()).isEqualTo(target);
        });
    }

    private Connection connected(String a, String b) throws Exception {
        Connection c = rig.fleet.connections().connect(a, b, "panel:" + a + "#1", RequestedVia.PANEL, null);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> rig.fleet.connections().find(c.id()).orElseThrow().status() == ConnectionStatus.CONNECTED);
        return c;
    }

    @Test
    void fleetListsEveryRoomWithItsStateAndTheCounts() throws Exception {
        HttpResponse<String> r = viewer.get("/fleet");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("Room A", "Room B", "Room C", "Sydney", "Auckland")
                .contains("id=\"count-online\">3/3<")
                .contains("id=\"count-in-call\">0<")
                .contains("id=\"count-devices-offline\">0<")
                .contains("data-live-url=\"/live/fleet?show=all\"");
        assertThat(viewer.get("/").headers().firstValue("Location")).contains("/fleet");

        // Filtering by site, and by problem.
        String auckland = viewer.get("/fleet?site=Auckland").body();
        assertThat(auckland).contains("fleet-room-room-c").doesNotContain("fleet-room-room-a");
        rig.rooms.sims.device("room-c", "display").unplug();
        try {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> viewer.get("/fleet?show=device-offline").body().contains("fleet-room-room-c"));
            String problems = viewer.get("/fleet?show=problems").body();
            assertThat(problems)
                    .contains("fleet-room-room-c", "display offline")
                    .doesNotContain("fleet-room-room-a");
            assertThat(viewer.get("/fleet").body()).contains("id=\"count-devices-offline\">1<");
        } finally {
            rig.rooms.sims.device("room-c", "display").plug();
        }
        assertThat(viewer.get("/fleet?show=everything").statusCode()).isEqualTo(400);
    }

    @Test
    void theFleetStreamPushesRoomChangesAsTheyHappen() throws Exception {
        List<String> lines = stream(viewer, "/live/fleet?show=all");
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains("fleet-body")));
        lines.clear();
        Connection c = connected("room-a", "room-b");
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream()
                .anyMatch(l -> l.contains("id=\"fleet-room-room-a\"") && l.contains("data-call=\"connected\"")));
        assertThat(lines).anyMatch(l -> l.contains("id=\"count-in-call\">2<"));
        rig.fleet.connections().disconnect(c.id(), "test");
    }

    @Test
    void aRoomPageShowsItsDevicesConnectionsAndMessages() throws Exception {
        insertMessage("room-a", rig.rooms.topics.events("room-a"), "{\"type\":\"hello from the test\"}");
        HttpResponse<String> r = viewer.get("/rooms/room-a");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("Room A", "codec", "camera", "doccam", "display", "sony-visca", "pjlink")
                .contains("hello from the test")
                .contains("data-live-url=\"/live/rooms/room-a\"")
                // A viewer gets no buttons.
                .doesNotContain("action-refresh")
                .doesNotContain("connect-form");
        assertThat(operator.get("/rooms/room-a").body()).contains("action-refresh", "connect-form", "preset-form");
        assertThat(viewer.get("/rooms/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void roomActionsReachTheDevicesAndAreAudited() throws Exception {
        HttpResponse<String> refresh = operator.post("/rooms/room-b/refresh");
        assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(200);
        assertThat(refresh.body()).contains("every device read again");
        assertAudited("user:olive", "room.refresh", "room-b");

        HttpResponse<String> on = operator.post("/rooms/room-b/power", Map.of("device", "display", "on", "on"));
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rig.display("room-b").power().equals("on"));
        assertAudited("user:olive", "device.power", "room-b/display");

        HttpResponse<String> preset = operator.post("/rooms/room-b/preset", Map.of("preset", "3"));
        assertThat(preset.statusCode()).as(preset.body()).isEqualTo(200);
        assertThat(preset.body()).contains("preset 3");
        assertAudited("user:olive", "camera.preset", "room-b");

        HttpResponse<String> bad = operator.post("/rooms/room-b/preset", Map.of("preset", "99"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("from 0 to 15");
        assertThat(operator.post("/rooms/room-b/power", Map.of("device", "codec", "on", "on"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(operator.post("/rooms/room-b/power", Map.of("device", "toaster", "on", "on"))
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> end = operator.post("/rooms/room-b/end-meeting");
        assertThat(end.statusCode()).as(end.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rig.display("room-b").power().equals("standby")
                        || rig.display("room-b").power().equals("cooling"));
        assertAudited("user:olive", "room.end-meeting", "room-b");
    }

    @Test
    void anOperatorConnectsTwoRoomsAndForcesThemApart() throws Exception {
        HttpResponse<String> r = operator.post("/rooms/room-a/connect", Map.of("callee", "room-c"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("connecting Room A to Room C");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "connected".equals(rig.call("room-a")) && "connected".equals(rig.call("room-c")));
        assertThat(rig.codec("room-c").callStatus()).isEqualTo("Connected");
        assertThat(operator.get("/rooms/room-a").body()).contains("action-disconnect");

        // Busy now: the form comes back with the reason.
        HttpResponse<String> busy = operator.post("/rooms/room-b/connect", Map.of("callee", "room-a"));
        assertThat(busy.statusCode()).isEqualTo(409);
        assertThat(busy.body()).contains("connect-form", "busy");
        HttpResponse<String> none = operator.post("/rooms/room-b/connect", Map.of());
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("choose the room");

        HttpResponse<String> d = operator.post("/rooms/room-c/disconnect");
        assertThat(d.statusCode()).as(d.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "idle".equals(rig.call("room-a")) && "idle".equals(rig.call("room-c")));
        assertThat(rig.codec("room-a").calls()).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rig.app.console().connections().open().isEmpty());
        assertThat(operator.post("/rooms/room-c/disconnect").statusCode()).isEqualTo(409);
        assertAudited("user:olive", "connection.connect", lastConnectionId());
    }

    private String lastConnectionId() {
        return Long.toString(rig.app
                .console()
                .connections()
                .search(new org.roomctl.admin.connections.HistoryFilter(null, null, null, null, "all", null, 1))
                .get(0)
                .id());
    }

    @Test
    void connectionsPageListsActiveOnesAndSearchesTheHistory() throws Exception {
        Connection c = connected("room-a", "room-b");
        String page = viewer.get("/connections").body();
        assertThat(page).contains("id=\"active-" + c.id() + "\"", "Room A", "Room B", "panel:room-a#1");
        assertThat(page).doesNotContain("disconnect-" + c.id()); // a viewer has no button
        assertThat(operator.get("/connections").body()).contains("disconnect-" + c.id());

        HttpResponse<String> d = operator.post("/connections/" + c.id() + "/disconnect");
        assertThat(d.statusCode()).as(d.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> rig.fleet.connections().find(c.id()).orElseThrow().status() == ConnectionStatus.ENDED);
        assertAudited("user:olive", "connection.disconnect", Long.toString(c.id()));

        String today =
                java.time.LocalDate.now(rig.app.console().settings().zone()).toString();
        assertThat(viewer.get("/connections?room=room-a&outcome=ended&from=" + today)
                        .body())
                .contains("href=\"/connections/" + c.id() + "\"");
        assertThat(viewer.get("/connections?site=Auckland&outcome=ended").body())
                .doesNotContain("href=\"/connections/" + c.id() + "\"");
        assertThat(viewer.get("/connections?outcome=failed").body())
                .doesNotContain("href=\"/connections/" + c.id() + "\"");
        assertThat(viewer.get("/connections?room=Room%20B").body()).contains("href=\"/connections/" + c.id() + "\"");
        assertThat(viewer.get("/connections?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(viewer.get("/connections?outcome=maybe").statusCode()).isEqualTo(400);

        HttpResponse<String> one = viewer.get("/connections/" + c.id());
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body())
                .contains("requested", "dialling", "connected", "disconnecting", "ended", "by user:olive");
        assertThat(viewer.get("/connections/999999").statusCode()).isEqualTo(404);

        HttpResponse<String> csv = viewer.get("/connections/export.csv?room=room-a");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("id,caller,caller_name");
        assertThat(lines)
                .anyMatch(l -> l.startsWith(
                        c.id() + ",room-a,Room A,Sydney,room-b,Room B,Sydney,panel:room-a#1,panel,ended,"));
    }

    @Test
    void theBusLogSearchesByTopicWildcardsRoomTimeAndText() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String prefix = rig.rooms.topics.prefix();
        long a = insertMessage(
                "room-a", prefix + "/rooms/room-a/events", "{\"needle\":\"alpha\"}", now.minusSeconds(7200));
        long b = insertMessage("room-b", prefix + "/rooms/room-b/state", "{\"needle\":\"beta\"}", now.minusSeconds(60));
        long c = insertMessage(null, prefix + "/connections/events", "{\"needle\":\"gamma\"}", now.minusSeconds(30));

        assertThat(ids("/bus?text=needle")).containsSubsequence(c, b, a); // newest first
        assertThat(ids("/bus?text=needle&topic=" + Client.enc(prefix + "/rooms/+/state")))
                .containsExactly(b);
        assertThat(ids("/bus?text=needle&topic=" + Client.enc(prefix + "/rooms/#")))
                .containsExactly(b, a);
        assertThat(ids("/bus?text=needle&topic=" + Client.enc(prefix + "/#"))).containsExactly(c, b, a);
        assertThat(ids("/bus?text=needle&topic=" + Client.enc(prefix + "/connections/events")))
                .containsExactly(c);
        assertThat(ids("/bus?text=needle&room=room-a")).containsExactly(a);
        assertThat(ids("/bus?text=GAMMA")).containsExactly(c);
        String from = Client.enc(now.minusSeconds(3600).toString());
        assertThat(ids("/bus?text=needle&from=" + from)).containsExactly(c, b);
        assertThat(ids("/bus?text=needle&to=" + from)).containsExactly(a);
        HttpResponse<String> bad = viewer.get("/bus?topic=" + Client.enc("a/#/b"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("'#' must be a whole level, and the last one");

        // Paged newest first: a page of 100, then "Older".
        for (int i = 0; i < 105; i++) {
            insertMessage("room-c", prefix + "/rooms/room-c/events", "{\"page\":" + i + "}", now);
        }
        String first = viewer.get("/bus?room=room-c&text=page").body();
        assertThat(count(first, "<tr id=\"msg-")).isEqualTo(100);
        Matcher older = Pattern.compile("href=\"(/bus\\?[^\"]*before=\\d+)\" id=\"older\"")
                .matcher(first);
        assertThat(older.find()).isTrue();
        String second = viewer.get(older.group(1).replace("&amp;", "&")).body();
        assertThat(count(second, "<tr id=\"msg-")).isEqualTo(5);
    }

    @Test
    void theBusTailPushesNewlyRecordedMessages() throws Exception {
        String prefix = rig.rooms.topics.prefix();
        List<String> lines = busTail("room-b");
        insertMessage("room-a", prefix + "/rooms/room-a/events", "{\"tail\":\"not for this filter\"}");
        long id = insertMessage("room-b", prefix + "/rooms/room-b/events", "{\"tail\":\"for this filter\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains("msg-" + id)));
        assertThat(lines).anyMatch(l -> l.contains("afterbegin:#bus-body"));
        assertThat(lines).noneMatch(l -> l.contains("not for this filter"));
    }

    @Test
    void theBusTailShowsAMessageCommittedAfterANewerOne() throws Exception {
        String prefix = rig.rooms.topics.prefix();
        List<String> lines = busTail("room-b");
        // As two recorders at once: the first takes the lower number but commits last.
        try (java.sql.Connection slow = rig.database.dataSource().getConnection()) {
            slow.setAutoCommit(false);
            long early = insertMessage(
                    DSL.using(slow, SQLDialect.POSTGRES),
                    "room-b",
                    prefix + "/rooms/room-b/events",
                    "{\"late\":true}",
                    Instant.now());
            long later = insertMessage("room-b", prefix + "/rooms/room-b/events", "{\"late\":false}");
            assertThat(later).isGreaterThan(early);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> lines.stream().anyMatch(l -> l.contains("msg-" + later)));
            slow.commit();
            await().atMost(Duration.ofSeconds(4)).until(() -> lines.stream().anyMatch(l -> l.contains("msg-" + early)));
            Thread.sleep(1500);
            assertThat(lines.stream()
                            .filter(l -> l.contains("id=\"msg-" + later + "\""))
                            .count())
                    .as("shown once")
                    .isEqualTo(1);
        }
    }

    @Test
    void theCatalogEditsRoomsAndTheirPanels() throws Exception {
        HttpResponse<String> page = viewer.get("/catalog");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("catalog-room-a", "Room A");

        HttpResponse<String> edit =
                admin.post("/catalog/rooms/room-a", Map.of("name", "Harbour", "site", "Sydney CBD"));
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        assertThat(edit.body()).contains("value=\"Harbour\"", "saved");
        assertThat(rig.fleet.catalog().room("room-a").orElseThrow().name()).isEqualTo("Harbour");
        assertThat(viewer.get("/fleet").body()).contains("Harbour", "Sydney CBD"); // the fleet follows at once
        assertAudited("user:root", "catalog.edit", "room-a");
        admin.post("/catalog/rooms/room-a", Map.of("name", "", "site", ""));
        assertThat(rig.fleet.catalog().room("room-a").orElseThrow().name()).isEqualTo("Room A");
        assertThat(admin.post("/catalog/rooms/room-a", Map.of("name", "x".repeat(81)))
                        .statusCode())
                .isEqualTo(400);

        HttpResponse<String> off = admin.post("/catalog/rooms/room-c/enabled", Map.of("enabled", "false"));
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(rig.fleet.catalog().room("room-c").orElseThrow().enabled()).isFalse();
        HttpResponse<String> refused = operator.post("/rooms/room-a/connect", Map.of("callee", "room-c"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("disabled");
        admin.post("/catalog/rooms/room-c/enabled", Map.of("enabled", "true"));
        assertThat(rig.fleet.catalog().room("room-c").orElseThrow().enabled()).isTrue();
        assertAudited("user:root", "catalog.disable", "room-c");
        assertAudited("user:root", "catalog.enable", "room-c");

        HttpResponse<String> code = admin.post("/catalog/rooms/room-b/pairing-codes");
        Matcher m = Pattern.compile("class=\"pairing-code\">([A-Z0-9]{4}-[A-Z0-9]{4})<")
                .matcher(code.body());
        assertThat(m.find()).as(code.body()).isTrue();
        assertThat(viewer.get("/catalog").body())
                .contains("Pending pairing codes")
                .contains("user:root");
        var panel = rig.fleet.panels().enrol(m.group(1), "test panel");
        assertThat(viewer.get("/catalog").body())
                .contains("panel-" + panel.panel().id(), "test panel");
        HttpResponse<String> revoke =
                admin.post("/catalog/panels/" + panel.panel().id() + "/revoke");
        assertThat(revoke.statusCode()).isEqualTo(200);
        assertThat(rig.fleet.panels().authenticate(panel.token())).isEmpty();
        assertAudited("user:root", "panel.revoke", Long.toString(panel.panel().id()));

        HttpResponse<String> second = admin.post("/catalog/rooms/room-b/pairing-codes");
        Matcher m2 = Pattern.compile("class=\"pairing-code\">([A-Z0-9]{4}-[A-Z0-9]{4})<")
                .matcher(second.body());
        assertThat(m2.find()).isTrue();
        assertThat(admin.post("/catalog/rooms/room-b/pairing-codes/revoke").body())
                .contains("1 pending code(s) revoked");
        org.junit.jupiter.api.Assertions.assertThrows(
                Exception.class, () -> rig.fleet.panels().enrol(m2.group(1), "too late"));
        assertAudited("user:root", "panel.code.revoke", "room-b");
    }

    @Test
    void alertsAreAcknowledgedAndResolvedWithWhoDidIt() throws Exception {
        Alert help = rig.fleet.alerts().help("room-a", "the display shows nothing", "panel:room-a#7");
        String page = viewer.get("/alerts").body();
        assertThat(page).contains("alert-" + help.id(), "the display shows nothing", "panel:room-a#7");
        assertThat(viewer.get("/fleet").body()).contains("id=\"count-alerts\">");

        HttpResponse<String> ack = operator.post("/alerts/" + help.id() + "/acknowledge");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        assertThat(rig.fleet.alerts().find(help.id()).orElseThrow().acknowledgedBy())
                .isEqualTo("user:olive");
        assertThat(operator.post("/alerts/" + help.id() + "/acknowledge").statusCode())
                .isEqualTo(409);
        HttpResponse<String> resolve = operator.post("/alerts/" + help.id() + "/resolve");
        assertThat(resolve.statusCode()).isEqualTo(200);
        assertThat(resolve.body()).contains("Recently resolved", "user:olive");
        assertThat(rig.fleet.alerts().find(help.id()).orElseThrow().resolvedBy())
                .isEqualTo("user:olive");
        assertAudited("user:olive", "alert.acknowledge", Long.toString(help.id()));
        assertAudited("user:olive", "alert.resolve", Long.toString(help.id()));
        assertThat(operator.post("/alerts/424242/resolve").statusCode()).isEqualTo(404);
    }

    @Test
    void theAlertsStreamPushesNewAlerts() throws Exception {
        List<String> lines = stream(viewer, "/live/alerts");
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.contains("alerts-table")));
        Alert a = rig.fleet
                .alerts()
                .raise(Alert.DEVICE_OFFLINE, "room-c", "camera", "room-c/camera", "camera offline 5 min", "rule")
                .orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains("alert-" + a.id())));
        rig.fleet.alerts().resolve(a.id(), "test");
    }

    @Test
    void usageIsDrawnPerDayAndPerRoom() throws Exception {
        Connection c = connected("room-b", "room-c");
        rig.fleet.connections().disconnect(c.id(), "test");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> rig.fleet.connections().find(c.id()).orElseThrow().status() == ConnectionStatus.ENDED);
        HttpResponse<String> r = viewer.get("/usage?weeks=2");
        assertThat(r.statusCode()).isEqualTo(200);
        String today =
                java.time.LocalDate.now(rig.app.console().settings().zone()).toString();
        assertThat(r.body())
                .contains("<svg class=\"chart\"")
                .contains("data-day=\"" + today + "\"")
                .contains("data-room=\"room-c\"")
                .contains("Room C: ");
        String charts = r.body().substring(r.body().indexOf("<svg"), r.body().lastIndexOf("</svg>"));
        assertThat(charts).doesNotContain("<script", "http");
        Matcher day = Pattern.compile("<title>" + today + ": (\\d+) connected").matcher(r.body());
        assertThat(day.find()).isTrue();
        assertThat(Integer.parseInt(day.group(1))).isGreaterThanOrEqualTo(1);
        assertThat(count(r.body(), "<g class=\"day\"")).isEqualTo(14);
        assertThat(viewer.get("/usage?weeks=0").statusCode()).isEqualTo(400);
    }

    @Test
    void adminsManageUsersAndTokens() throws Exception {
        HttpResponse<String> add =
                admin.post("/users", Map.of("name", "newbie", "role", "viewer", "password", "short"));
        assertThat(add.statusCode()).isEqualTo(400);
        assertThat(add.body()).contains("users-body", "at least 12 characters");
        add = admin.post("/users", Map.of("name", "newbie", "role", "viewer", "password", AdminRig.PASSWORD));
        assertThat(add.statusCode()).as(add.body()).isEqualTo(200);
        assertThat(add.body()).contains("user newbie added as viewer");
        assertThat(admin.post("/users", Map.of("name", "newbie", "role", "viewer", "password", AdminRig.PASSWORD))
                        .statusCode())
                .isEqualTo(409);
        assertAudited("user:root", "user.create", "newbie");
        long id = rig.app.console().users().find("newbie").orElseThrow().id();

        Client newbie = rig.signedIn("newbie");
        assertThat(newbie.get("/fleet").statusCode()).isEqualTo(200);
        assertThat(admin.post("/users/" + id + "/role", Map.of("role", "operator"))
                        .body())
                .contains("newbie is now operator");
        assertThat(rig.app.console().users().find("newbie").orElseThrow().role())
                .isEqualTo(Role.OPERATOR);
        assertThat(admin.post("/users/" + id + "/role", Map.of("role", "king")).statusCode())
                .isEqualTo(400);

        // A new password ends the user's sessions.
        assertThat(admin.post("/users/" + id + "/password", Map.of("password", "another long password"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(newbie.get("/fleet").statusCode()).isEqualTo(302);
        newbie.login("newbie", "another long password");
        assertThat(admin.post("/users/" + id + "/sessions/revoke").body()).contains("1 session(s) of newbie ended");
        assertThat(newbie.get("/fleet").statusCode()).isEqualTo(302);
        newbie.login("newbie", "another long password");
        assertThat(admin.post("/users/" + id + "/disabled", Map.of("disabled", "true"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(newbie.get("/fleet").statusCode()).isEqualTo(302);
        assertThat(newbie.submit("/login", Map.of("name", "newbie", "password", "another long password"))
                        .statusCode())
                .isEqualTo(401);
        admin.post("/users/" + id + "/disabled", Map.of("disabled", "false"));
        newbie.login("newbie", "another long password");
        assertAudited("user:root", "user.disable", "newbie");
        assertThat(admin.get("/users").body()).contains("user-newbie", "user-olive", "user-root");

        // The last admin stays an admin.
        long root = rig.app.console().users().find(AdminRig.ROOT).orElseThrow().id();
        HttpResponse<String> demote = admin.post("/users/" + root + "/role", Map.of("role", "viewer"));
        assertThat(demote.statusCode()).isEqualTo(409);
        assertThat(demote.body()).contains("last admin");

        HttpResponse<String> issued = admin.post("/tokens", Map.of("name", "nightly report", "role", "viewer"));
        assertThat(issued.statusCode()).isEqualTo(200);
        Matcher t = Pattern.compile("id=\"new-token\">(rct\\.[^<]+)<").matcher(issued.body());
        assertThat(t.find()).isTrue();
        assertThat(Client.api(rig.base, "GET", "/api/rooms", t.group(1), null).statusCode())
                .isEqualTo(200);
        assertThat(admin.get("/tokens").body()).contains("nightly report").doesNotContain(t.group(1));
        assertThat(admin.post("/tokens", Map.of("name", "nightly report", "role", "viewer"))
                        .statusCode())
                .isEqualTo(409);
        long tokenId = Long.parseLong(t.group(1).split("\\.")[1]);
        assertThat(admin.post("/tokens/" + tokenId + "/revoke").body()).contains("token nightly report revoked");
        assertThat(Client.api(rig.base, "GET", "/api/rooms", t.group(1), null).statusCode())
                .isEqualTo(401);
        assertAudited("user:root", "token.issue", "nightly report");
        assertAudited("user:root", "token.revoke", "nightly report");
    }

    @Test
    void everyoneChangesTheirOwnPassword() throws Exception {
        rig.user("paula", Role.VIEWER);
        Client paula = rig.signedIn("paula");
        Client paulaElsewhere = rig.signedIn("paula");
        assertThat(paula.get("/account").body()).contains("Your sessions", "password-form");
        HttpResponse<String> wrong = paula.post(
                "/account/password",
                Map.of("current", "not it at all", "password", "brand new password", "repeat", "brand new password"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("password-form", "current password");
        HttpResponse<String> differ = paula.post(
                "/account/password",
                Map.of("current", AdminRig.PASSWORD, "password", "brand new password", "repeat", "brand new passwort"));
        assertThat(differ.statusCode()).isEqualTo(400);
        HttpResponse<String> ok = paula.post(
                "/account/password",
                Map.of("current", AdminRig.PASSWORD, "password", "brand new password", "repeat", "brand new password"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("1 other session(s) ended");
        assertThat(paula.get("/fleet").statusCode()).isEqualTo(200);
        assertThat(paulaElsewhere.get("/fleet").statusCode()).isEqualTo(302);
        assertAudited("user:paula", "account.password", "paula");
    }

    @Test
    void theAuditLogAndTheOtherPagesRender() throws Exception {
        assertThat(viewer.get("/audit").body()).contains("user.login");
        HttpResponse<String> css = viewer.get("/static/admin.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        HttpResponse<String> missing = viewer.get("/no/such/page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Not found");
    }

    @Test
    void healthAndMetrics() throws Exception {
        Client anyone = new Client(rig.base);
        HttpResponse<String> health = anyone.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"database\":\"ok\"", "\"broker\":\"ok\"", "\"app\":\"admin\"");
        viewer.get("/fleet");
        String metrics = anyone.get("/metrics").body();
        assertThat(metrics)
                .contains(
                        "http_server_requests_seconds_count{app=\"admin\",method=\"GET\",route=\"/fleet\",status=\"200\"}")
                .contains("roomctl_rooms_online{app=\"admin\"} 3.0")
                .contains("roomctl_admin_live_streams");
    }

    // ---- helpers ----

    private List<Long> ids(String path) throws Exception {
        HttpResponse<String> r = viewer.get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Matcher m = Pattern.compile("<tr id=\"msg-(\\d+)\"").matcher(r.body());
        List<Long> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private static int count(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }

    private long insertMessage(String room, String topic, String payload) {
        return insertMessage(room, topic, payload, Instant.now());
    }

    /** As the recorder writes a message into the bus record. */
    private long insertMessage(String room, String topic, String payload, Instant at) {
        return insertMessage(rig.database.dsl(), room, topic, payload, at);
    }

    private static long insertMessage(DSLContext sql, String room, String topic, String payload, Instant at) {
        return sql.insertInto(BUS_MESSAGE)
                .set(BUS_MESSAGE.RECEIVED_AT, at)
                .set(BUS_MESSAGE.TOPIC, topic)
                .set(BUS_MESSAGE.ROOM_ID, room)
                .set(BUS_MESSAGE.PAYLOAD, payload.getBytes(StandardCharsets.UTF_8))
                .set(BUS_MESSAGE.PAYLOAD_TEXT, payload)
                .set(BUS_MESSAGE.QOS, (short) 1)
                .set(BUS_MESSAGE.RETAINED, false)
                .set(BUS_MESSAGE.PROPERTIES, JSONB.valueOf("{}"))
                .set(BUS_MESSAGE.DEDUPE_KEY, java.util.UUID.randomUUID().toString())
                .returning(BUS_MESSAGE.ID)
                .fetchOne()
                .getId();
    }

    /** The bus log's live tail for one room, once it follows the record. */
    private List<String> busTail(String room) throws Exception {
        List<String> lines = stream(viewer, "/live/bus?room=" + room);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> rig.app.console().live().streams() > 0);
        Thread.sleep(1500); // the tail starts from the newest message when someone first watches
        return lines;
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
