package org.roomctl.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebIT {
    private Javalin app;
    private LiveHub<String> hub;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        hub = new LiveHub<>(room -> "<div id=\"call\" hx-swap-oob=\"true\">" + room + " idle</div>");
        app = Javalin.create(config -> {
                    Web.install(config);
                    config.routes.get("/page", ctx -> ctx.result("token=" + Csrf.token(ctx)));
                    config.routes.post("/act", ctx -> ctx.result("done"));
                    config.routes.sse(
                            "/live/{room}", client -> hub.subscribe(client.ctx().pathParam("room"), client));
                })
                .start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() {
        hub.close();
        app.stop();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String token, String site) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody());
        if (cookie != null) {
            b.header("Cookie", Csrf.COOKIE + "=" + cookie);
        }
        if (token != null) {
            b.header(Csrf.HEADER, token);
        }
        if (site != null) {
            b.header("Sec-Fetch-Site", site);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token() throws Exception {
        HttpResponse<String> page = get("/page");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
        String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        assertThat(page.body()).isEqualTo("token=" + value);
        return value;
    }

    @Test
    void stateChangingRequestsNeedTheTokenOfTheirCookie() throws Exception {
        String token = token();
        assertThat(post("/act", token, token, "same-origin").statusCode()).isEqualTo(200);
        assertThat(post("/act", token, null, null).statusCode()).isEqualTo(403);
        assertThat(post("/act", null, token, null).statusCode()).isEqualTo(403);
        assertThat(post("/act", token, token + "x", null).statusCode()).isEqualTo(403);
        HttpResponse<String> refused = post("/act", token, token, null);
        assertThat(refused.statusCode()).isEqualTo(200);
    }

    @Test
    void crossSiteRequestsAreRefusedEvenWithTheToken() throws Exception {
        String token = token();
        HttpResponse<String> r = post("/act", token, token, "cross-site");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("came from another site");
        HttpResponse<String> o = http.send(
                HttpRequest.newBuilder(URI.create(base + "/act"))
                        .header("Cookie", Csrf.COOKIE + "=" + token)
                        .header(Csrf.HEADER, token)
                        .header("Origin", "https://evil.example")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(o.statusCode()).isEqualTo(403);
        assertThat(o.body()).contains("https://evil.example");
    }

    @Test
    void everyResponseHasTheSecurityHeaders() throws Exception {
        HttpResponse<String> r = get("/page");
        assertThat(r.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        v -> assertThat(v).contains("script-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void assetsComeFromTheJarNotACdn() throws Exception {
        HttpResponse<String> htmx = get("/assets/htmx.min.js");
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx").hasSizeGreaterThan(40_000);
        assertThat(get("/assets/live.js").body()).contains("EventSource").contains("htmx.swap");
        assertThat(get("/assets/nope.js").statusCode()).isEqualTo(404);
    }

    @Test
    void aBrowserGetsEverythingOnConnectThenEveryPush() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<java.io.InputStream> stream = http.send(
                HttpRequest.newBuilder(URI.create(base + "/live/room-a"))
                        .header("Accept", "text/event-stream") // as a browser's EventSource sends
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    lines.add(l);
                }
            } catch (Exception e) {
                // closed
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(lines)
                .contains("data: <div id=\"call\" hx-swap-oob=\"true\">room-a idle</div>"));
        assertThat(lines).contains("event: fragment");

        await().until(() -> hub.counts().getOrDefault("room-a", 0) == 1);
        hub.push("room-a", "<div id=\"call\" hx-swap-oob=\"true\">in a call</div>");
        hub.push("room-b", "<div id=\"call\" hx-swap-oob=\"true\">not for a</div>");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> lines.contains("data: <div id=\"call\" hx-swap-oob=\"true\">in a call</div>"));
        assertThat(lines).noneMatch(l -> l.contains("not for a"));
        hub.reload("room-a");
        await().until(() -> lines.contains("event: reload"));
    }
}
