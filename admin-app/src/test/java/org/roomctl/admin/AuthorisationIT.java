package org.roomctl.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roomctl.admin.auth.Access;
import org.roomctl.admin.auth.Gatekeeper;
import org.roomctl.admin.auth.Role;
import org.roomctl.fleet.connect.Connection;
import org.roomctl.fleet.connect.ConnectionStatus;
import org.roomctl.fleet.connect.RequestedVia;
import org.roomctl.web.Csrf;

/** Who may do what: sessions, roles, CSRF, API tokens, throttled sign-in, shared sessions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationIT {
    private AdminRig rig;

    @BeforeAll
    void start() throws Exception {
        rig = new AdminRig();
        rig.user("olive", Role.OPERATOR);
        rig.user("vera", Role.VIEWER);
    }

    @AfterAll
    void stop() throws Exception {
        rig.close();
    }

    private List<Endpoint> endpoints() {
        return rig.app.javalin().unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint)
                .filter(e -> e.method == HandlerType.GET || e.method == HandlerType.POST)
                .toList();
    }

    private static String concrete(String path) {
        return path.replace("/rooms/{id}", "/rooms/room-a").replace("{id}", "1").replace("{name}", "htmx.min.js");
    }

    private static Set<RouteRole> roles(Endpoint e) {
        Roles r = e.metadata(Roles.class);
        return r == null ? Set.of() : r.getRoles();
    }

    private static boolean isPublic(Endpoint e) {
        return roles(e).contains(Access.ANYONE)
                || Set.of("/health", "/metrics", "/assets/{name}").contains(e.path);
    }

    @Test
    void everyRouteSaysWhoMayUseIt() {
        assertThat(endpoints()).hasSizeGreaterThan(40);
        for (Endpoint e : endpoints()) {
            assertThat(isPublic(e) || roles(e).stream().anyMatch(Role.class::isInstance))
                    .as("%s %s declares who may use it", e.method, e.path)
                    .isTrue();
        }
    }

    @Test
    void withoutASessionEveryPageGoesToTheLoginAndEveryCallIsRefused() throws Exception {
        Client stranger = new Client(rig.base);
        int checked = 0;
        for (Endpoint e : endpoints()) {
            if (isPublic(e)) {
                continue;
            }
            String path = concrete(e.path);
            checked++;
            if (e.path.startsWith("/api/")) {
                HttpResponse<String> r =
                        Client.api(rig.base, e.method.name(), path, null, e.method == HandlerType.POST ? "{}" : null);
                assertThat(r.statusCode()).as("%s %s", e.method, path).isEqualTo(401);
                assertThat(r.body()).contains("\"code\":\"unauthenticated\"");
            } else if (e.method == HandlerType.GET && !e.path.startsWith("/live/")) {
                HttpResponse<String> r = stranger.get(path);
                assertThat(r.statusCode()).as("GET %s", path).isEqualTo(302);
                assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/login?next=");
            } else {
                HttpResponse<String> r = e.method == HandlerType.GET ? stranger.get(path) : stranger.post(path);
                assertThat(r.statusCode()).as("%s %s", e.method, path).isEqualTo(401);
            }
        }
        assertThat(checked).isGreaterThan(35);
        // The login page itself, and what it needs, are for anyone.
        assertThat(stranger.get("/login").statusCode()).isEqualTo(200);
        assertThat(stranger.get("/static/admin.css").statusCode()).isEqualTo(200);
        assertThat(stranger.get("/api/openapi.json").statusCode()).isEqualTo(200);
    }

    @Test
    void aViewerCannotDisconnectACall() throws Exception {
        Connection c = rig.fleet.connections().connect("room-a", "room-b", "panel:room-a#1", RequestedVia.PANEL, null);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> rig.fleet.connections().find(c.id()).orElseThrow().status() == ConnectionStatus.CONNECTED);
        try {
            Client vera = rig.signedIn("vera");
            HttpResponse<String> page = vera.post("/connections/" + c.id() + "/disconnect");
            assertThat(page.statusCode()).isEqualTo(403);
            assertThat(page.body()).contains("vera is a viewer; this needs an operator");
            assertThat(vera.post("/rooms/room-a/disconnect").statusCode()).isEqualTo(403);
            assertThat(vera.post("/rooms/room-a/end-meeting").statusCode()).isEqualTo(403);
            String token = rig.token("viewer automation", Role.VIEWER);
            HttpResponse<String> api =
                    Client.api(rig.base, "POST", "/api/connections/" + c.id() + "/disconnect", token, null);
            assertThat(api.statusCode()).isEqualTo(403);
            assertThat(api.body()).contains("\"code\":\"forbidden\"");
            Thread.sleep(500);
            assertThat(rig.fleet.connections().find(c.id()).orElseThrow().status())
                    .isEqualTo(ConnectionStatus.CONNECTED);
            assertThat(rig.codec("room-a").callStatus()).isEqualTo("Connected");
        } finally {
            rig.fleet.connections().disconnect(c.id(), "test");
            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            rig.fleet.connections().find(c.id()).orElseThrow().status() == ConnectionStatus.ENDED);
        }
    }

    @Test
    void aStateChangeWithoutTheCsrfTokenIsRefused() throws Exception {
        Client root = rig.signedIn(AdminRig.ROOT);
        HttpResponse<String> forged = root.postWithoutCsrf(
                "/users", Map.of("name", "mallory", "role", "admin", "password", "mallory's long password"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        assertThat(rig.app.console().users().find("mallory")).isEmpty();
        // From another site, even with the token.
        HttpResponse<String> crossSite = root.send(
                HttpRequest.newBuilder(URI.create(rig.base + "/rooms/room-a/refresh"))
                        .header(Csrf.HEADER, root.csrf())
                        .header("Origin", "https://evil.example")
                        .POST(HttpRequest.BodyPublishers.noBody()),
                true);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        // The API with the session cookie (a browser) needs the token too; with a bearer token it does not.
        HttpResponse<String> cookieApi = root.send(
                HttpRequest.newBuilder(URI.create(rig.base + "/api/alerts/1/resolve"))
                        .POST(HttpRequest.BodyPublishers.noBody()),
                true);
        assertThat(cookieApi.statusCode()).isEqualTo(403);
        assertThat(cookieApi.body()).contains("\"code\":\"csrf\"");
        HttpResponse<String> cookieApiWithToken = root.send(
                HttpRequest.newBuilder(URI.create(rig.base + "/api/alerts/424242/resolve"))
                        .header(Csrf.HEADER, root.csrf())
                        .POST(HttpRequest.BodyPublishers.noBody()),
                true);
        assertThat(cookieApiWithToken.statusCode()).isEqualTo(404); // through, to "no such alert"
        String token = rig.token("csrf check", Role.OPERATOR);
        assertThat(Client.api(rig.base, "POST", "/api/alerts/424242/resolve", token, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aRevokedApiTokenIsRefused() throws Exception {
        String token = rig.token("to be revoked", Role.OPERATOR);
        assertThat(Client.api(rig.base, "GET", "/api/rooms", token, null).statusCode())
                .isEqualTo(200);
        long id = Long.parseLong(token.split("\\.")[1]);
        Client root = rig.signedIn(AdminRig.ROOT);
        assertThat(root.post("/tokens/" + id + "/revoke").statusCode()).isEqualTo(200);
        HttpResponse<String> r = Client.api(rig.base, "GET", "/api/rooms", token, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"roomctl\"");
        assertThat(Client.api(rig.base, "GET", "/api/rooms", token + "x", null).statusCode())
                .isEqualTo(401);
        assertThat(Client.api(rig.base, "GET", "/api/rooms", "rct.99999.nothing", null)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void anOperatorCannotManageUsersTokensOrTheCatalog() throws Exception {
        Client olive = rig.signedIn("olive");
        assertThat(olive.get("/users").statusCode()).isEqualTo(403);
        assertThat(olive.get("/tokens").statusCode()).isEqualTo(403);
        HttpResponse<String> add =
                olive.post("/users", Map.of("name", "sneaky", "role", "admin", "password", "a long enough password"));
        assertThat(add.statusCode()).isEqualTo(403);
        assertThat(rig.app.console().users().find("sneaky")).isEmpty();
        long self = rig.app.console().users().find("olive").orElseThrow().id();
        assertThat(olive.post("/users/" + self + "/role", Map.of("role", "admin"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(rig.app.console().users().find("olive").orElseThrow().role()).isEqualTo(Role.OPERATOR);
        assertThat(olive.post("/tokens", Map.of("name", "mine", "role", "admin"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(olive.post("/catalog/rooms/room-a", Map.of("name", "Mine")).statusCode())
                .isEqualTo(403);
        assertThat(olive.get("/fleet").body()).doesNotContain("href=\"/users\"");
        // What an operator may do, it may.
        assertThat(olive.post("/rooms/room-a/refresh").statusCode()).isEqualTo(200);
    }

    @Test
    void aPanelCredentialIsUselessHere() throws Exception {
        var code = rig.fleet.panels().issueCode("room-a", "test", Duration.ofMinutes(5));
        var panel = rig.fleet.panels().enrol(code.code(), "panel in room a");
        assertThat(Client.api(rig.base, "GET", "/api/rooms", panel.token(), null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(Client.api(rig.base, "GET", "/api/rooms", "rct." + panel.token(), null)
                        .statusCode())
                .isEqualTo(401);
        Client withPanelCookie = new Client(rig.base);
        withPanelCookie.cookies.put(Gatekeeper.SESSION_COOKIE, panel.token());
        assertThat(withPanelCookie.get("/fleet").statusCode()).isEqualTo(302);
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndSecureOverHttps() throws Exception {
        Client c = new Client(rig.base);
        HttpResponse<String> r = c.send(
                HttpRequest.newBuilder(URI.create(rig.base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-Proto", "https")
                        .header(Csrf.HEADER, c.csrf())
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "name=" + AdminRig.ROOT + "&password=" + Client.enc(AdminRig.ROOT_PASSWORD))),
                true);
        assertThat(r.statusCode()).isEqualTo(303);
        String cookie = r.headers().allValues("Set-Cookie").stream()
                .filter(s -> s.startsWith(Gatekeeper.SESSION_COOKIE))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Secure", "Path=/");
        // Only a hash of the token is in the database.
        String token = c.session();
        assertThat(rig.database
                        .dsl()
                        .fetchCount(
                                org.roomctl.schema.jooq.Tables.ADMIN_SESSION,
                                org.roomctl.schema.jooq.Tables.ADMIN_SESSION.TOKEN_HASH.eq(token)))
                .isZero();
    }

    @Test
    void signingOutEndsTheSessionEverywhere() throws Exception {
        Client c = rig.signedIn("vera");
        String stolen = c.session();
        HttpResponse<String> out = c.submit("/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        Client thief = new Client(rig.base);
        thief.cookies.put(Gatekeeper.SESSION_COOKIE, stolen);
        assertThat(thief.get("/fleet").statusCode()).isEqualTo(302);
    }

    @Test
    void afterSigningInTheBrowserGoesBackButNeverToAnotherSite() throws Exception {
        Client c = new Client(rig.base);
        HttpResponse<String> r =
                c.submit("/login", Map.of("name", "vera", "password", AdminRig.PASSWORD, "next", "/alerts"));
        assertThat(r.headers().firstValue("Location")).contains("/alerts");
        c = new Client(rig.base);
        r = c.submit("/login", Map.of("name", "vera", "password", AdminRig.PASSWORD, "next", "//evil.example/x"));
        assertThat(r.headers().firstValue("Location")).contains("/fleet");
    }

    @Test
    void guessingPasswordsIsSlowedAndLocked() throws Exception {
        // A console instance of its own, so its per-address count starts from nothing.
        try (AdminApp second = AdminApp.create(rig.fleet, AdminSettings.defaults(), Clock.systemUTC())
                .start("127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + second.port();
            rig.user("gus", Role.VIEWER);
            Client c = new Client(base);
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> wrong = c.submit("/login", Map.of("name", "gus", "password", "guess number " + i));
                assertThat(wrong.statusCode()).isEqualTo(401);
                assertThat(wrong.body()).contains("wrong user name or password", "login-form");
            }
            // The name is locked now, even with the right password, on every instance.
            HttpResponse<String> locked = c.submit("/login", Map.of("name", "gus", "password", AdminRig.PASSWORD));
            assertThat(locked.statusCode()).isEqualTo(429);
            assertThat(locked.body()).contains("too many wrong passwords");
            assertThat(new Client(rig.base)
                            .submit("/login", Map.of("name", "gus", "password", AdminRig.PASSWORD))
                            .statusCode())
                    .isEqualTo(429);
            // Guessing many names from one address is stopped too.
            for (int i = 0; i < 5; i++) {
                c.submit("/login", Map.of("name", "nobody-" + i, "password", "whatever it is"));
            }
            HttpResponse<String> blocked = c.submit("/login", Map.of("name", "vera", "password", AdminRig.PASSWORD));
            assertThat(blocked.statusCode()).isEqualTo(429);
            assertThat(blocked.body()).contains("too many failed sign-ins from this address");
            // Behind a proxy, the address the proxy saw counts: other people are not blocked.
            HttpResponse<String> elsewhere = c.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-Forwarded-For", "203.0.113.9")
                            .header(Csrf.HEADER, c.csrf())
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "name=vera&password=" + Client.enc(AdminRig.PASSWORD))),
                    true);
            assertThat(elsewhere.statusCode()).isEqualTo(303);
            assertThat(rig.fleet.audit().latest(30))
                    .anyMatch(e -> e.action().equals("user.login.failed") && "gus".equals(e.target()));
        }
    }

    @Test
    void sessionsAreSharedByInstancesAndExpire() throws Exception {
        Client vera = rig.signedIn("vera");
        try (AdminApp other = AdminApp.create(rig.fleet, AdminSettings.defaults(), Clock.systemUTC())
                        .start("127.0.0.1", 0);
                AdminApp later = AdminApp.create(
                                rig.fleet,
                                AdminSettings.defaults(),
                                Clock.offset(Clock.systemUTC(), Duration.ofHours(9)))
                        .start("127.0.0.1", 0)) {
            Client sameBrowser = new Client("http://127.0.0.1:" + other.port());
            sameBrowser.cookies.putAll(vera.cookies);
            assertThat(sameBrowser.get("/fleet").statusCode()).isEqualTo(200);
            // Nine hours on, unused for longer than the idle time (8 h): gone.
            Client nineHoursOn = new Client("http://127.0.0.1:" + later.port());
            nineHoursOn.cookies.putAll(vera.cookies);
            assertThat(nineHoursOn.get("/fleet").statusCode()).isEqualTo(302);
        }
    }

    @Test
    void theFirstAdminComesFromTheSettingsOnce() throws Exception {
        assertThat(rig.app.console().users().find(AdminRig.ROOT).orElseThrow().role())
                .isEqualTo(Role.ADMIN);
        try (AdminApp again = AdminApp.create(
                rig.fleet,
                AdminSettings.defaults().withBootstrap("intruder", "a long intruder password"),
                Clock.systemUTC())) {
            assertThat(again.console().users().find("intruder")).isEmpty();
        }
    }
}
