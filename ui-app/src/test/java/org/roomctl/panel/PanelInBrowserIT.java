package org.roomctl.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.roomctl.contract.state.CallState;
import org.roomctl.panel.control.RoomCommands;
import org.roomctl.sim.wolfprot.DocCamState;
import org.roomctl.testkit.Browsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The panel as people use it, in real Chromium (headless), against three real rooms: two panels
 * in two rooms, a call between them seen live on both, the document camera, an offline camera,
 * an unenrolled browser, a panel reaching for another room, and a dropped live connection.
 * Screenshots of home and the directory at the panel's size and a phone's go to
 * {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PanelInBrowserIT {
    private static final Logger log = LoggerFactory.getLogger(PanelInBrowserIT.class);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private PanelRig rig;
    private ChromeDriver a;
    private ChromeDriver b;

    @BeforeAll
    void start() throws Exception {
        a = Browsers.chromium(Browsers.PANEL); // skips the class, loudly, without Chromium
        b = Browsers.chromium(Browsers.PANEL);
        rig = new PanelRig();
        enrol(a, "room-a");
        enrol(b, "room-b");
    }

    @AfterAll
    void stop() throws Exception {
        for (ChromeDriver d : new ChromeDriver[] {a, b}) {
            if (d != null) {
                d.quit();
            }
        }
        if (rig != null) {
            rig.close();
        }
    }

    @BeforeEach
    void roomsReady() throws Exception {
        rig.reset();
    }

    /** Enrols a browser by its pairing link: the code rides after '#', the script posts it. */
    private void enrol(ChromeDriver browser, String room) {
        String code = rig.pairingCode(room);
        browser.get(rig.base + "/enrol#" + code);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.getCurrentUrl().endsWith("/room/" + room));
        assertThat(browser.getCurrentUrl()).doesNotContain(code).doesNotContain("#");
        awaitLive(browser);
    }

    private static void awaitLive(ChromeDriver browser) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "up".equals(browser.findElement(By.tagName("html")).getAttribute("data-live")));
    }

    private static String text(ChromeDriver browser, String css) {
        try {
            return browser.findElement(By.cssSelector(css)).getText();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String attribute(ChromeDriver browser, String css, String name) {
        try {
            return String.valueOf(browser.findElement(By.cssSelector(css)).getAttribute(name));
        } catch (RuntimeException e) {
            return "";
        }
    }

    private void home(ChromeDriver browser, String room) {
        browser.get(rig.base + "/room/" + room);
        awaitLive(browser);
    }

    /** A screenshot with the viewport exactly {@code size} (a window's size includes its frame). */
    private static void screenshot(ChromeDriver browser, String name, Dimension size) throws Exception {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of(
                        "width",
                        size.getWidth(),
                        "height",
                        size.getHeight(),
                        "deviceScaleFactor",
                        1,
                        "mobile",
                        size.getWidth() < 600));
        try {
            Thread.sleep(300); // let the layout settle at the new size
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void aCallFromRoomAShowsOnBothPanelsWithoutAReload() throws Exception {
        home(a, "room-a");
        home(b, "room-b");
        assertThat(text(b, "#call")).contains("No call");
        // Room B's page must not reload: a marker survives only if it does not. And the page notes
        // when its call card changes, to measure the push against the room's own change.
        b.executeScript(
                """
                window.marker = 42; window.callShownAt = 0;
                new MutationObserver(function () {
                  var c = document.querySelector('#call .call-headline');
                  if (!window.callShownAt && c && c.textContent.indexOf('In a call') >= 0) { window.callShownAt = Date.now(); }
                }).observe(document.body, {subtree: true, childList: true, characterData: true});
                """);
        AtomicLong stateChangedAt = new AtomicLong();
        rig.fleet.rooms().addListener((before, now) -> {
            if (now.id().equals("room-b")
                    && CallState.CONNECTED.equals(now.call().state())
                    && stateChangedAt.get() == 0) {
                stateChangedAt.set(System.currentTimeMillis());
            }
        });

        a.findElement(By.linkText("Call a room")).click();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !text(a, "#room-room-b").isEmpty());
        assertThat(text(a, "#room-room-b")).contains("Room B", "Sydney", "Free");
        assertThat(a.findElements(By.id("room-room-a"))).isEmpty();
        screenshot(a, "directory-panel", Browsers.PANEL);
        screenshot(a, "directory-phone", Browsers.PHONE);
        // Filter by site, then search by name: the list follows without a page load.
        a.findElement(By.xpath("//label[span[text()='Auckland']]")).click();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> a.findElements(By.id("room-room-b")).isEmpty());
        assertThat(text(a, "#room-room-c")).contains("Room C");
        a.findElement(By.xpath("//label[span[text()='All sites']]")).click();
        a.findElement(By.name("q")).sendKeys("b");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> a.findElements(By.id("room-room-c")).isEmpty()
                        && !a.findElements(By.id("room-room-b")).isEmpty());

        a.findElement(By.cssSelector("#room-room-b a")).click();
        await().atMost(Duration.ofSeconds(5)).until(() -> text(a, "h1").contains("Call Room B?"));
        a.findElement(By.id("connect")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> a.getCurrentUrl().endsWith("/room/room-a")
                        && text(a, "#call").contains("In a call with Room B"));

        // Room B's panel follows by itself.
        await().atMost(Duration.ofSeconds(10)).until(() -> text(b, "#call").contains("In a call with Room A"));
        assertThat(b.executeScript("return window.marker;")).isEqualTo(42L);
        assertThat(text(b, "#call-pill")).isEmpty(); // hidden on home: the call card says it
        long shownAt = (Long) b.executeScript("return window.callShownAt;");
        log.info(
                "LIVE LATENCY: room-b reported its call connected; its panel showed it {} ms later"
                        + " (server-side push timing in /metrics: {})",
                shownAt - stateChangedAt.get(),
                pushTimings());
        await().atMost(Duration.ofSeconds(3))
                .until(() -> text(a, "#call .timer").matches("0:0[1-9]"));
        screenshot(a, "home-in-call-panel", Browsers.PANEL);
        screenshot(b, "home-in-call-phone", Browsers.PHONE);

        // A's directory shows B in a call; hang up from home, and both panels go back to "No call".
        WebElement hangUp = a.findElement(By.cssSelector(".call-actions .when-call"));
        assertThat(hangUp.isDisplayed()).isTrue();
        assertThat(a.findElement(By.cssSelector(".call-actions .when-idle")).isDisplayed())
                .isFalse();
        hangUp.click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> text(a, "#call-feedback").contains("Call ended"));
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        text(a, "#call").contains("No call") && text(b, "#call").contains("No call"));
        assertThat(b.executeScript("return window.marker;")).isEqualTo(42L);
    }

    private String pushTimings() throws Exception {
        String metrics = new PanelHttp(rig.base).get("/metrics").body();
        return metrics.lines()
                .filter(l -> l.startsWith("panel_live_push_seconds"))
                .map(l -> l.replaceAll("\\{[^}]*}", ""))
                .toList()
                .toString();
    }

    @Test
    void theDocumentCameraButtonShowsItsWorkThenTheRealResult() throws Exception {
        home(a, "room-a");
        screenshot(a, "home-panel", Browsers.PANEL);
        screenshot(a, "home-phone", Browsers.PHONE);
        assertThat(attribute(a, "#state-doccam", "data-status")).isEqualTo("off");
        a.findElement(By.xpath("//section[@aria-label='Document camera']//button[.//span[text()='Turn on']]"))
                .click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> text(a, "#doccam-feedback").contains("Document camera is on"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> attribute(a, "#state-doccam", "data-status").equals("on"));
        assertThat(text(a, "#state-doccam")).contains("On");

        // A document camera that says nothing: the button says what it is doing until the room
        // answers, then why it did not work, in words.
        rig.rooms.sims.device("room-a", "doccam").setFaults(Map.of("silent", true));
        try {
            WebElement off = a.findElement(
                    By.xpath("//section[@aria-label='Document camera']//button[.//span[text()='Turn off']]"));
            off.click();
            await().atMost(Duration.ofSeconds(2)).until(() -> off.getText().equals("Turning off…"));
            assertThat(off.isEnabled()).isFalse();
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> !text(a, "#doccam-feedback .result.fail").isEmpty());
            assertThat(text(a, "#doccam-feedback"))
                    .doesNotContain("TIMEOUT", "DEVICE_", "WolfProt")
                    .containsAnyOf("did not finish in time", "did not answer within", "offline");
            assertThat(off.getText()).isEqualTo("Turn off");
        } finally {
            rig.rooms.sims.device("room-a", "doccam").setFaults(Map.of("silent", false));
        }
        rig.awaitReady("room-a");
        a.findElement(By.xpath("//section[@aria-label='Document camera']//button[.//span[text()='Turn off']]"))
                .click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> attribute(a, "#state-doccam", "data-status").equals("off"));
        assertThat(rig.rooms
                        .sims
                        .device("room-a", "doccam")
                        .state(DocCamState.class)
                        .power())
                .isEqualTo("off");
    }

    @Test
    void anOfflineCameraShowsOfflineAndItsButtonsSayWhy() throws Exception {
        home(a, "room-a");
        a.executeScript("window.marker = 7;");
        rig.rooms.sims.device("room-a", "camera").unplug();
        try {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> attribute(a, "#state-camera", "data-status").equals("offline"));
            assertThat(text(a, "#state-camera")).contains("Offline", "Camera is offline: check that it is powered");
            assertThat(a.executeScript("return window.marker;")).isEqualTo(7L);
            screenshot(a, "home-camera-offline-panel", Browsers.PANEL);

            a.findElement(By.linkText("Camera controls")).click();
            await().atMost(Duration.ofSeconds(5)).until(() -> text(a, "h1").equals("Camera"));
            WebElement view = a.findElement(By.xpath("//button[.//span[normalize-space()='View 1']]"));
            assertThat(Double.parseDouble(view.getCssValue("opacity"))).isLessThan(1.0); // looks unavailable
            view.click();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> text(a, "#camera-feedback").contains("Camera is offline: check that it is powered"));
            screenshot(a, "camera-offline-panel", Browsers.PANEL);
        } finally {
            rig.rooms.sims.device("room-a", "camera").plug();
        }
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !attribute(a, "#state-camera", "data-status").equals("offline"));
        assertThat(Double.parseDouble(a.findElement(By.xpath("//button[.//span[normalize-space()='View 1']]"))
                        .getCssValue("opacity")))
                .isEqualTo(1.0);
    }

    @Test
    void anUnenrolledBrowserGetsOnlyTheEnrolmentScreen() {
        ChromeDriver stranger = Browsers.chromium(Browsers.PHONE);
        try {
            for (String path : List.of("/", "/room/room-a", "/room/room-b/rooms", "/room/room-a/camera")) {
                stranger.get(rig.base + path);
                assertThat(stranger.getCurrentUrl()).as(path).endsWith("/enrol");
                assertThat(stranger.findElement(By.tagName("body")).getText())
                        .contains("Pair this panel with its room")
                        .doesNotContain("Room A", "Room B", "Call a room");
            }
            stranger.findElement(By.id("code")).sendKeys("ABCD-EFGH");
            stranger.findElement(By.cssSelector("#enrol-form button")).click();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> text(stranger, ".result.fail").contains("that code is not known"));
            assertThat(stranger.getCurrentUrl()).endsWith("/enrol");
        } finally {
            stranger.quit();
        }
    }

    @Test
    void aPanelOfRoomACannotControlRoomB() {
        home(a, "room-a");
        Object before = rig.property("room-b", "doccam", "power");
        // Straight from room A's own page, with its own CSRF token: refused.
        Object status = a.executeAsyncScript(
                """
                var done = arguments[arguments.length - 1];
                var token = document.querySelector('meta[name="csrf-token"]').content;
                fetch('/room/room-b/doccam', {method: 'POST', headers: {'X-CSRF-Token': token,
                  'Content-Type': 'application/x-www-form-urlencoded'}, body: 'on=on'})
                  .then(function (r) { done(r.status); });
                """);
        assertThat(status).isEqualTo(403L);
        a.get(rig.base + "/room/room-b");
        assertThat(a.findElement(By.tagName("body")).getText())
                .contains("This panel controls its own room only")
                .doesNotContain("Room B");
        assertThat(rig.property("room-b", "doccam", "power")).isEqualTo(before);
    }

    @Test
    void aDroppedLiveConnectionIsShownAndComesBackByItself() throws Exception {
        home(a, "room-a");
        a.executeScript("window.marker = 9;");
        assertThat(a.findElement(By.id("live-status")).isDisplayed()).isFalse();
        rig.stopApp();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> a.findElement(By.id("live-status")).isDisplayed());
        assertThat(text(a, "#live-status")).contains("Reconnecting");

        // The room changes while the panel is away; when it is back, the panel catches up.
        RoomCommands commands = new RoomCommands(rig.fleet, Duration.ofSeconds(4));
        assertThat(commands.send("room-a", "doccam.power", Map.of("on", true), "test", "on")
                        .get()
                        .ok())
                .isTrue();
        rig.startAgain();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> attribute(a, "#state-doccam", "data-status").equals("on"));
        assertThat(a.findElement(By.id("live-status")).isDisplayed()).isFalse();
        assertThat(a.executeScript("return window.marker;")).isEqualTo(9L);
        commands.send("room-a", "doccam.power", Map.of("on", false), "test", "off")
                .get();
    }
}
