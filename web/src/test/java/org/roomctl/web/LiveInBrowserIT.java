package org.roomctl.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.roomctl.testkit.Browsers;

/** The live-update and CSRF scripts in a real browser (headless Chromium). */
class LiveInBrowserIT {
    private final AtomicReference<String> state = new AtomicReference<>("idle");
    private final AtomicInteger posts = new AtomicInteger();
    private LiveHub<String> hub;
    private Javalin app;
    private int port;
    private ChromeDriver browser;

    private String fragment() {
        return "<div id=\"call\" hx-swap-oob=\"true\">" + state.get() + "</div>";
    }

    private Javalin server(int onPort) {
        return Javalin.create(config -> {
                    Web.install(config);
                    config.routes.get(
                            "/",
                            ctx -> ctx.html(
                                    """
                    <!doctype html><html><head>
                    <meta name="csrf-token" content="%s">
                    <meta name="htmx-config" content='{"includeIndicatorStyles":false}'>
                    <script src="/assets/htmx.min.js"></script>
                    <script src="/assets/csrf.js"></script>
                    <script src="/assets/live.js"></script>
                    </head><body data-live-url="/live/room-a">
                    <div id="live-status" hidden>Reconnecting...</div>
                    <div id="call">?</div>
                    <button id="act" hx-post="/act" hx-target="#result">Act</button>
                    <div id="result"></div>
                    </body></html>
                    """
                                            .formatted(Csrf.token(ctx))));
                    config.routes.post("/act", ctx -> {
                        posts.incrementAndGet();
                        ctx.html("done " + posts.get());
                    });
                    config.routes.sse(
                            "/live/{room}", client -> hub.subscribe(client.ctx().pathParam("room"), client));
                })
                .start("127.0.0.1", onPort);
    }

    @BeforeEach
    void start() {
        hub = new LiveHub<>(room -> fragment());
        app = server(0);
        port = app.port();
        browser = Browsers.chromium(Browsers.PANEL);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        hub.close();
        app.stop();
    }

    private String text(String id) {
        try {
            return browser.findElement(By.id(id)).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return ""; // swapped between finding and reading it: the wait asks again
        }
    }

    @Test
    void pushedFragmentsAreSwappedInWithoutAReload() {
        browser.get("http://127.0.0.1:" + port + "/");
        await().atMost(Duration.ofSeconds(10)).until(() -> text("call").equals("idle"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("data-live"))
                .isEqualTo("up");
        Object marker = browser.executeScript("window.marker = 42; return window.marker;");

        state.set("connected to Melbourne");
        hub.push("room-a", fragment());
        await().atMost(Duration.ofSeconds(5)).until(() -> text("call").equals("connected to Melbourne"));
        assertThat(browser.executeScript("return window.marker;")).isEqualTo(marker); // no reload
    }

    @Test
    void htmxRequestsCarryTheCsrfToken() {
        browser.get("http://127.0.0.1:" + port + "/");
        browser.findElement(By.id("act")).click();
        await().atMost(Duration.ofSeconds(5)).until(() -> text("result").equals("done 1"));
    }

    @Test
    void aDroppedStreamIsShownAndComesBackByItself() {
        browser.get("http://127.0.0.1:" + port + "/");
        await().atMost(Duration.ofSeconds(10)).until(() -> text("call").equals("idle"));
        hub.close(); // streams first, then the server: see LiveHub.close
        app.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> "down"
                .equals(browser.findElement(By.tagName("html")).getAttribute("data-live")));
        assertThat(browser.findElement(By.id("live-status")).isDisplayed()).isTrue();

        // The server comes back (on the same port) with news: the page catches up by itself.
        state.set("in a call");
        hub = new LiveHub<>(room -> fragment());
        app = server(port);
        await().atMost(Duration.ofSeconds(20)).until(() -> text("call").equals("in a call"));
        assertThat(browser.findElement(By.id("live-status")).isDisplayed()).isFalse();
    }
}
