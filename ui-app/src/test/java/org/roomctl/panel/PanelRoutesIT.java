package org.roomctl.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roomctl.contract.Json;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.fleet.alerts.Alert;
import org.roomctl.fleet.audit.AuditLog;
import org.roomctl.fleet.connect.Connection;
import org.roomctl.fleet.connect.ConnectionStatus;
import org.roomctl.fleet.connect.RequestedVia;
import org.roomctl.fleet.panels.Panel;
import org.roomctl.sim.pjlink.DisplayState;
import org.roomctl.sim.visca.ViscaState;
import org.roomctl.sim.wolfprot.DocCamState;
import org.roomctl.web.Csrf;

/**
 * Every route of the panel over HTTP, against three real rooms (simulated devices, room agents,
 * broker, database): who may use which, what each screen shows, and that each button does what
 * it says on the devices and answers in words.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PanelRoutesIT {
    private PanelRig rig;

    @BeforeAll
    void start() throws Exception {
        rig = new PanelRig();
    }

    @AfterAll
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    @BeforeEach
    void roomsReady() throws Exception {
        rig.reset();
    }

    private PanelHttp anonymous() {
        return new PanelHttp(rig.base);
    }

    private PanelHttp panelOf(String room) throws Exception {
        return new PanelHttp(rig.base).withPanel(rig.credential(room));
    }

    private static Map<String, String> form(String... kv) {
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    // ---- who may use it ----

    @Test
    void anUnenrolledBrowserIsSentToEnrolmentAndSeesNothingElse() throws Exception {
        PanelHttp b = anonymous();
        for (String path :
                List.of("/", "/room/room-a", "/room/room-a/rooms", "/room/room-a/camera", "/room/room-a/help")) {
            HttpResponse<String> r = b.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).as(path).contains("/enrol");
            assertThat(r.body()).doesNotContain("Room A");
        }
        HttpResponse<String> button = b.htmx("/room/room-a/doccam", form("on", "on"));
        assertThat(button.statusCode()).isEqualTo(401);
        assertThat(button.headers().firstValue("HX-Redirect")).contains("/enrol");
        HttpResponse<String> plain =
                b.post("/room/room-a/doccam", form("on", "on", Csrf.FIELD, b.cookies.get(Csrf.COOKIE)));
        assertThat(plain.statusCode()).isEqualTo(401);
        assertThat(rig.property("room-a", "doccam", "power")).isEqualTo("off");

        HttpResponse<String> enrol = b.get("/enrol");
        assertThat(enrol.statusCode()).isEqualTo(200);
        assertThat(enrol.body()).contains("id=\"enrol-form\"", "Pairing code").doesNotContain("Room A", "room-a");

        // A credential that was never issued is dropped, and leads to the same place.
        PanelHttp forged = new PanelHttp(rig.base).withPanel("1.not-a-secret");
        HttpResponse<String> r = forged.get("/room/room-a");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(PanelHttp.setCookie(r, "roomctl_panel")).contains("Max-Age=0");

        // The live stream of an unenrolled page tells it to reload (and so to go to the enrolment screen).
        assertThat(firstEvents(b, "/room/room-a/live/home", 1)).contains("event: reload");
    }

    @Test
    void enrolmentExchangesACodeOnceForAnHttpOnlyStrictCookie() throws Exception {
        String code = rig.pairingCode("room-a");
        PanelHttp b = anonymous();
        b.get("/enrol");
        String csrf = b.cookies.get(Csrf.COOKIE);

        assertThat(b.post("/enrol", form("code", code)).statusCode())
                .as("without the CSRF token")
                .isEqualTo(403);
        HttpResponse<String> ok = b.post("/enrol", form("code", code.toLowerCase(), Csrf.FIELD, csrf));
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).contains("/room/room-a");
        String cookie = PanelHttp.setCookie(ok, "roomctl_panel");
        assertThat(cookie)
                .contains("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=")
                .doesNotContain("Secure");
        assertThat(b.get("/room/room-a").body()).contains("Room A", "Sydney");
        Panel panel = rig.fleet.panels().panels("room-a").get(0);
        assertThat(panel.name()).startsWith("touch panel");

        PanelHttp other = anonymous();
        other.get("/enrol");
        HttpResponse<String> again =
                other.post("/enrol", form("code", code, Csrf.FIELD, other.cookies.get(Csrf.COOKIE)));
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.body()).contains("That code did not work: that code has been used already");
        assertThat(other.cookies).doesNotContainKey("roomctl_panel");

        HttpResponse<String> unknown =
                other.post("/enrol", form("code", "ZZZZ-ZZZZ", Csrf.FIELD, other.cookies.get(Csrf.COOKIE)));
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(unknown.body()).contains("that code is not known");
        HttpResponse<String> empty =
                other.post("/enrol", form("code", " ", Csrf.FIELD, other.cookies.get(Csrf.COOKIE)));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Type the pairing code");
        HttpResponse<String> junk =
                other.post("/enrol", form("code", "<script>x</script>", Csrf.FIELD, other.cookies.get(Csrf.COOKIE)));
        assertThat(junk.statusCode()).isEqualTo(400);
        assertThat(junk.body()).contains("That is not a pairing code").doesNotContain("<script>x");

        // Served over https (behind a proxy that says so), the cookie is Secure.
        PanelHttp secure = anonymous();
        secure.get("/enrol");
        HttpResponse<String> s = secure.post(
                "/enrol",
                form("code", rig.pairingCode("room-b"), Csrf.FIELD, secure.cookies.get(Csrf.COOKIE)),
                "X-Forwarded-Proto",
                "https");
        assertThat(PanelHttp.setCookie(s, "roomctl_panel")).contains("Secure");
    }

    @Test
    void aRevokedPanelIsSentToEnrolmentEvenWhileItOnlyListens() throws Exception {
        PanelHttp b = panelOf("room-c");
        assertThat(b.get("/room/room-c").statusCode()).isEqualTo(200);
        Panel panel = rig.fleet.panels().panels("room-c").get(0);
        List<String> lines = new CopyOnWriteArrayList<>();
        InputStream stream = openStream(b, "/room/room-c/live/home", lines);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event: fragment"));

        assertThat(rig.fleet.panels().revoke(panel.id(), "test")).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event: reload"));
        stream.close();
        HttpResponse<String> r = b.get("/room/room-c");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/enrol");
        assertThat(b.cookies).doesNotContainKey("roomctl_panel");
    }

    @Test
    void aPanelActsOnItsOwnRoomOnly() throws Exception {
        PanelHttp a = panelOf("room-a");
        Object before = rig.property("room-b", "doccam", "power");
        HttpResponse<String> page = a.get("/room/room-b");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body())
                .contains("This panel controls its own room only", "/room/room-a")
                .doesNotContain("Room B");
        for (String path : List.of(
                "/room/room-b/doccam",
                "/room/room-b/hangup",
                "/room/room-b/end",
                "/room/room-b/rooms/room-c/connect")) {
            HttpResponse<String> r = a.htmx(path, form("on", "on", "key", "aaaaaaaa-1"));
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(r.body()).as(path).contains("controls its own room only");
        }
        for (String trick : List.of(
                "/room/room-a/../room-b/doccam",
                "/room/room-a/%2e%2e/room-b/doccam",
                "/room/room-a%2F..%2Froom-b/doccam")) {
            assertThat(a.htmx(trick, form("on", "on")).statusCode()).as(trick).isIn(400, 403, 404);
        }
        assertThat(firstEvents(a, "/room/room-b/live/home", 1)).contains("event: reload");
        Thread.sleep(500);
        assertThat(rig.property("room-b", "doccam", "power")).isEqualTo(before);
        assertThat(rig.fleet.connections().openFor("room-b")).isEmpty();
    }

    @Test
    void stateChangingRequestsNeedTheCsrfTokenOfTheirCookie() throws Exception {
        PanelHttp a = panelOf("room-a");
        a.get("/room/room-a");
        HttpResponse<String> noToken = a.post("/room/room-a/doccam", form("on", "on"), "HX-Request", "true");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("CSRF");
        HttpResponse<String> crossSite = a.post(
                "/room/room-a/doccam",
                form("on", "on"),
                Csrf.HEADER,
                a.cookies.get(Csrf.COOKIE),
                "Sec-Fetch-Site",
                "cross-site");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(rig.property("room-a", "doccam", "power")).isEqualTo("off");
    }

    // ---- what the screens show ----

    @Test
    void everyScreenRendersItsRoom() throws Exception {
        PanelHttp a = panelOf("room-a");
        HttpResponse<String> root = a.get("/");
        assertThat(root.statusCode()).isEqualTo(303);
        assertThat(root.headers().firstValue("Location")).contains("/room/room-a");

        HttpResponse<String> home = a.get("/room/room-a");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(home.body())
                .contains("Room A", "Sydney", "No call", "Camera", "Document camera", "Display")
                .contains("data-live-url=\"/room/room-a/live/home\"", "id=\"state-doccam\"", "data-status=\"off\"")
                .contains("/assets/htmx.min.js", "/static/panel.css")
                .doesNotContain("https://");

        HttpResponse<String> rooms = a.get("/room/room-a/rooms");
        assertThat(rooms.statusCode()).isEqualTo(200);
        assertThat(rooms.body())
                .contains("id=\"room-room-b\"", "id=\"room-room-c\"", "Auckland", "Free")
                .doesNotContain("id=\"room-room-a\"");
        assertThat(a.get("/room/room-a/rooms?site=Auckland").body())
                .contains("id=\"room-room-c\"")
                .doesNotContain("id=\"room-room-b\"");
        assertThat(a.get("/room/room-a/rooms?q=b").body())
                .contains("id=\"room-room-b\"")
                .doesNotContain("id=\"room-room-c\"");
        assertThat(a.get("/room/room-a/rooms?q=nothing-like-it").body()).contains("No room is called anything like");
        assertThat(a.get("/room/room-a/rooms?site=Mars").body()).contains("There is no site called 'Mars'");
        HttpResponse<String> tooLong = a.get("/room/room-a/rooms?q=" + "x".repeat(61));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Search for at most 60 letters");
        HttpResponse<String> list = a.get("/room/room-a/rooms?q=c", "HX-Request", "true");
        assertThat(list.body())
                .startsWith("<div id=\"room-list\">")
                .contains("room-room-c")
                .doesNotContain("<html");

        HttpResponse<String> confirm = a.get("/room/room-a/rooms/room-b");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Call Room B?", "name=\"key\"", "Connect", "Cancel");
        HttpResponse<String> self = a.get("/room/room-a/rooms/room-a");
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(self.body()).contains("This is the room you are in");
        HttpResponse<String> nowhere = a.get("/room/room-a/rooms/nowhere");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).contains("There is no room 'nowhere' in the directory");

        assertThat(a.get("/room/room-a/camera").body()).contains("View 1", "View 6", "Zoom in", "Save a view");
        assertThat(a.get("/room/room-a/camera?save").body()).contains("Save as 1", "Done saving");
        assertThat(a.get("/room/room-a/end").body()).contains("End the meeting?");
        assertThat(a.get("/room/room-a/help").body()).contains("No picture on the display", "Something else");

        HttpResponse<String> missing = a.get("/room/room-a/nothing-here");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("There is no such page");
    }

    @Test
    void assetsComeFromTheJarAndOpsAnswer() throws Exception {
        PanelHttp b = anonymous();
        HttpResponse<String> css = b.get("/static/panel.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(b.get("/static/panel.js").body()).contains("data-hold");
        assertThat(b.get("/static/enrol.js").body()).contains("replaceState");
        assertThat(b.get("/static/secrets.txt").statusCode()).isEqualTo(404);
        assertThat(b.get("/assets/htmx.min.js").statusCode()).isEqualTo(200);
        HttpResponse<String> health = b.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"database\":\"ok\"", "\"broker\":\"ok\"", "\"app\":\"panel\"");
        assertThat(b.get("/metrics").body()).contains("panel_live_streams", "panel_live_push_seconds");
    }

    @Test
    void theLiveStreamSendsTheScreensFragmentsToBeSwappedById() throws Exception {
        PanelHttp a = panelOf("room-a");
        String first = firstEvents(a, "/room/room-a/live/home", 1);
        assertThat(first)
                .contains("event: fragment")
                .contains("id=\"call\"", "id=\"state-camera\"", "id=\"state-doccam\"", "id=\"state-display\"")
                .contains("hx-swap-oob=\"true\"");
        assertThat(firstEvents(a, "/room/room-a/live/rooms", 1)).contains("id=\"room-room-b\"", "id=\"room-room-c\"");
    }

    @Test
    void aCallThatDidNotGoThroughIsToldOnBothHomeScreens() throws Exception {
        List<String> a = new CopyOnWriteArrayList<>();
        List<String> b = new CopyOnWriteArrayList<>();
        InputStream sa = openStream(panelOf("room-a"), "/room/room-a/live/home", a);
        InputStream sb = openStream(panelOf("room-b"), "/room/room-b/live/home", b);
        try {
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> a.contains("event: fragment") && b.contains("event: fragment"));
            // As any app instance announces a failed connection on the bus.
            rig.fleet
                    .bus()
                    .publish(BusMessage.of(
                            rig.rooms.topics.connectionEvents(),
                            Json.bytes(Map.of(
                                    "id", 99,
                                    "caller", "room-a",
                                    "callee", "room-b",
                                    "status", "failed",
                                    "reason", "Room B could not answer")),
                            1,
                            false))
                    .get();
            await().atMost(Duration.ofSeconds(5)).until(() -> a.stream()
                    .anyMatch(l -> l.contains("id=\"notice\"")
                            && l.contains("The call to Room B did not go through: Room B could not answer")));
            await().atMost(Duration.ofSeconds(5)).until(() -> b.stream()
                    .anyMatch(l -> l.contains("Room A tried to call, but the call did not go through")));
        } finally {
            sa.close();
            sb.close();
        }
    }

    // ---- the buttons, on real devices ----

    @Test
    void theDocumentCameraAndTheDisplayAnswerWithWhatTheRoomDid() throws Exception {
        PanelHttp a = panelOf("room-a");
        HttpResponse<String> on = a.htmx("/room/room-a/doccam", form("on", "on"));
        assertThat(on.statusCode()).isEqualTo(200);
        assertThat(on.body()).contains("Document camera is on");
        assertThat(rig.rooms
                        .sims
                        .device("room-a", "doccam")
                        .state(DocCamState.class)
                        .power())
                .isEqualTo("on");
        await().atMost(Duration.ofSeconds(5)).until(() -> "on".equals(rig.property("room-a", "doccam", "power")));
        assertThat(a.htmx("/room/room-a/doccam", form("on", "off")).body()).contains("Document camera is off");
        assertThat(rig.rooms
                        .sims
                        .device("room-a", "doccam")
                        .state(DocCamState.class)
                        .power())
                .isEqualTo("off");

        // The display is in standby: it cannot change input, and the panel says why in plain words.
        HttpResponse<String> standby = a.htmx("/room/room-a/display/input", form("input", "hdmi2"));
        assertThat(standby.statusCode()).isEqualTo(409);
        assertThat(standby.body()).contains("Display is off: turn it on first").doesNotContain("ERR", "PJLink");

        assertThat(a.htmx("/room/room-a/display/power", form("on", "on")).body())
                .contains("Display is turning on");
        await().atMost(Duration.ofSeconds(5)).until(() -> "on".equals(rig.property("room-a", "display", "power")));
        HttpResponse<String> input = a.htmx("/room/room-a/display/input", form("input", "hdmi2"));
        assertThat(input.body()).contains("Display is showing HDMI 2");
        assertThat(rig.rooms
                        .sims
                        .device("room-a", "display")
                        .state(DisplayState.class)
                        .input())
                .isEqualTo(32);
        assertThat(a.htmx("/room/room-a/display/power", form("on", "off")).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> !"on".equals(rig.property("room-a", "display", "power")));
    }

    @Test
    void badInputIsAnsweredInWords() throws Exception {
        PanelHttp a = panelOf("room-a");
        Map<String, Map<String, String>> cases = Map.of(
                "/room/room-a/doccam", form("on", "maybe"),
                "/room/room-a/display/input", form("input", "hdmi9"),
                "/room/room-a/camera/recall", form("preset", "9"),
                "/room/room-a/camera/save", form("preset", "two"),
                "/room/room-a/camera/move", form("direction", "sideways"),
                "/room/room-a/camera/zoom", form("direction", "sideways"),
                "/room/room-a/help", form("reason", "bored"),
                "/room/room-a/rooms/room-b/connect", form("key", "short"));
        Map<String, String> words = Map.of(
                "/room/room-a/doccam", "Say 'on' or 'off', not 'maybe'",
                "/room/room-a/display/input", "Choose one of the inputs shown, not 'hdmi9'",
                "/room/room-a/camera/recall", "Choose a view from 1 to 6, not '9'",
                "/room/room-a/camera/save", "Choose a view from 1 to 6, not 'two'",
                "/room/room-a/camera/move", "Choose one of the directions shown",
                "/room/room-a/camera/zoom", "Choose one of the zoom buttons shown",
                "/room/room-a/help", "Choose one of the reasons shown",
                "/room/room-a/rooms/room-b/connect", "This screen is out of date");
        for (var c : cases.entrySet()) {
            HttpResponse<String> r = a.htmx(c.getKey(), c.getValue());
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(r.body()).as(c.getKey()).contains(words.get(c.getKey())).contains("class=\"result fail\"");
        }
        assertThat(rig.fleet.connections().openFor("room-a")).isEmpty();
    }

    @Test
    void cameraViewsMovesZoomAndHome() throws Exception {
        PanelHttp a = panelOf("room-b");
        assertThat(a.htmx("/room/room-b/camera/save", form("preset", "3")).body())
                .contains("Saved what the camera shows now as view 3");
        await().atMost(Duration.ofSeconds(3)).until(() -> rig.rooms
                .sims
                .device("room-b", "camera")
                .state(ViscaState.class)
                .presets()
                .containsKey(3));
        assertThat(a.htmx("/room/room-b/camera/recall", form("preset", "3")).body())
                .contains("Camera is showing view 3");
        HttpResponse<String> move = a.htmx("/room/room-b/camera/move", form("direction", "up"));
        assertThat(move.statusCode()).isEqualTo(200);
        assertThat(a.htmx("/room/room-b/camera/stop", form()).statusCode()).isEqualTo(200);
        assertThat(a.htmx("/room/room-b/camera/zoom", form("direction", "in")).statusCode())
                .isEqualTo(200);
        assertThat(a.htmx("/room/room-b/camera/stop", form()).statusCode()).isEqualTo(200);
        assertThat(rig.rooms
                        .sims
                        .device("room-b", "camera")
                        .state(ViscaState.class)
                        .moving())
                .isFalse();
        assertThat(a.htmx("/room/room-b/camera/home", form()).body()).contains("Camera is back to its home view");
    }

    @Test
    void anOfflineDeviceSaysWhyItsButtonsDoNothing() throws Exception {
        PanelHttp b = panelOf("room-b");
        rig.rooms.sims.device("room-b", "camera").unplug();
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> rig.fleet
                    .rooms()
                    .room("room-b")
                    .map(s -> s.state().devices().get("camera").status().wireName())
                    .orElse("")
                    .equals("offline"));
            assertThat(b.get("/room/room-b").body())
                    .contains("data-status=\"offline\"", "Camera is offline: check that it is powered and plugged in");
            HttpResponse<String> r = b.htmx("/room/room-b/camera/recall", form("preset", "1"));
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.body()).contains("Camera is offline: check that it is powered and plugged in");
        } finally {
            rig.rooms.sims.device("room-b", "camera").plug();
        }
    }

    @Test
    void connectingAndHangingUpGoThroughTheConnectionRecord() throws Exception {
        PanelHttp a = panelOf("room-a");
        Panel panel = rig.fleet.panels().panels("room-a").get(0);
        HttpResponse<String> r = a.htmx("/room/room-a/rooms/room-b/connect", form("key", "0123456789-abc"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Calling Room B");
        assertThat(r.headers().firstValue("HX-Redirect")).contains("/room/room-a");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rig.call("room-a").equals("connected")
                        && rig.call("room-b").equals("connected"));
        Connection c = rig.fleet.connections().openFor("room-a").orElseThrow();
        assertThat(c.callee()).isEqualTo("room-b");
        assertThat(c.requestedBy()).isEqualTo(panel.actor());
        assertThat(c.via()).isEqualTo(RequestedVia.PANEL);

        // A second tap with the same key is the same connection, not a second call.
        HttpResponse<String> again = a.htmx("/room/room-a/rooms/room-b/connect", form("key", "0123456789-abc"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(rig.fleet.connections().openFor("room-a").orElseThrow().id()).isEqualTo(c.id());
        HttpResponse<String> busy = a.htmx("/room/room-a/rooms/room-c/connect", form("key", "fedcba9876-xyz"));
        assertThat(busy.statusCode()).isEqualTo(409);
        assertThat(busy.body()).contains("Cannot connect: Room A is busy");

        HttpResponse<String> home = a.get("/room/room-a");
        assertThat(home.body()).contains("In a call with Room B", "data-kind=\"connected\"");

        HttpResponse<String> hangUp = a.htmx("/room/room-a/hangup", form());
        assertThat(hangUp.statusCode()).isEqualTo(200);
        assertThat(hangUp.body()).contains("Call ended");
        assertThat(rig.call("room-a")).isEqualTo("idle");
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.fleet
                .connections()
                .find(c.id())
                .map(x -> x.status() == ConnectionStatus.ENDED)
                .orElse(false));
        assertThat(rig.fleet.connections().find(c.id()).orElseThrow().endReason())
                .contains("disconnected by " + panel.actor());
        HttpResponse<String> nothing = a.htmx("/room/room-a/hangup", form());
        assertThat(nothing.statusCode()).isEqualTo(409);
        assertThat(nothing.body()).contains("There is no call to hang up");
        assertThat(rig.fleet.audit().latest(20))
                .extracting(AuditLog.Entry::action)
                .contains("panel.connect", "panel.hangup");
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.call("room-b").equals("idle"));
    }

    @Test
    void aRoomWhoseControllerIsOfflineIsSaidToBe() throws Exception {
        PanelHttp a = panelOf("room-a");
        PanelHttp c = panelOf("room-c");
        rig.rooms.stopC();
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !rig.fleet.rooms().room("room-c").orElseThrow().online());
            HttpResponse<String> call = a.htmx("/room/room-a/rooms/room-c/connect", form("key", "0123456789-off"));
            assertThat(call.statusCode()).isEqualTo(409);
            assertThat(call.body()).contains("Room C is offline");
            assertThat(a.get("/room/room-a/rooms").body()).contains("Offline");
            assertThat(c.get("/room/room-c").body())
                    .contains("controller is offline", "data-kind=\"unknown\"", "data-status=\"unknown\"");
            HttpResponse<String> doccam = c.htmx("/room/room-c/doccam", form("on", "on"));
            assertThat(doccam.statusCode()).isEqualTo(503);
            assertThat(doccam.body()).contains("This room's controller is offline");
        } finally {
            rig.rooms.restartC();
        }
    }

    @Test
    void helpRaisesAnAlertTheAdminConsoleSees() throws Exception {
        PanelHttp a = panelOf("room-a");
        Panel panel = rig.fleet.panels().panels("room-a").get(0);
        HttpResponse<String> r = a.htmx("/room/room-a/help", form("reason", "picture"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("The AV team has been asked to help");
        Alert alert = rig.fleet.alerts().open().stream()
                .filter(x -> x.kind().equals(Alert.HELP))
                .findFirst()
                .orElseThrow();
        assertThat(alert.room()).isEqualTo("room-a");
        assertThat(alert.message()).contains("Room A", "No picture on the display");
        assertThat(alert.raisedBy()).isEqualTo(panel.actor());
    }

    @Test
    void endingTheMeetingHangsUpAndTurnsEverythingOff() throws Exception {
        PanelHttp b = panelOf("room-b");
        b.htmx("/room/room-b/doccam", form("on", "on"));
        HttpResponse<String> call = b.htmx("/room/room-b/rooms/room-a/connect", form("key", "0123456789-end"));
        assertThat(call.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.call("room-b").equals("connected"));
        long id = rig.fleet.connections().openFor("room-b").orElseThrow().id();

        HttpResponse<String> end = b.htmx("/room/room-b/end", form());
        assertThat(end.statusCode()).isEqualTo(200);
        assertThat(end.body()).contains("Meeting ended");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        rig.call("room-b").equals("idle") && rig.call("room-a").equals("idle"));
        assertThat(rig.rooms
                        .sims
                        .device("room-b", "doccam")
                        .state(DocCamState.class)
                        .power())
                .isEqualTo("off");
        assertThat(rig.rooms
                        .sims
                        .device("room-b", "camera")
                        .state(ViscaState.class)
                        .power())
                .isEqualTo("standby");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        !rig.fleet.connections().find(id).orElseThrow().status().open());
        assertThat(rig.fleet.connections().find(id).orElseThrow().endReason()).contains("panel:room-b");

        // The next meeting turns the camera back on from the camera screen.
        assertThat(b.htmx("/room/room-b/camera/power", form("on", "on")).body()).contains("Camera is on");
        assertThat(rig.rooms
                        .sims
                        .device("room-b", "camera")
                        .state(ViscaState.class)
                        .power())
                .isEqualTo("on");
    }

    // ---- helpers ----

    /** The first {@code events} events of a live stream, as text. */
    private static String firstEvents(PanelHttp b, String path, int events) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        InputStream in = openStream(b, path, lines);
        try {
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> lines.stream().filter(String::isEmpty).count() >= events);
            return String.join("\n", lines);
        } finally {
            in.close();
        }
    }

    private static InputStream openStream(PanelHttp b, String path, List<String> lines) throws Exception {
        HttpResponse<InputStream> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(b.base() + path))
                                .header("Accept", "text/event-stream")
                                .header("Cookie", b.cookieHeader())
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = in.readLine()) != null) {
                    lines.add(l);
                }
            } catch (Exception e) {
                // closed
            }
        });
        reader.setDaemon(true);
        reader.start();
        return r.body();
    }
}
