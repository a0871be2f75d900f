package org.roomctl.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.roomctl.admin.auth.Role;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.FleetSettings;
import org.roomctl.fleet.connect.Connection;
import org.roomctl.fleet.connect.ConnectionStatus;
import org.roomctl.fleet.schedule.Booking;
import org.roomctl.panel.PanelApp;
import org.roomctl.panel.PanelSettings;
import org.roomctl.testkit.Browsers;

/**
 * The console in a real browser (headless Chromium) on the testkit's three real rooms, beside the
 * touch panel app (its own fleet instance, as in a deployment) on the same rooms: an operator
 * signs in, watches the fleet live and forces apart a call that two panels started, both panels
 * and both codecs going idle; and an operator books a connection a few seconds ahead and watches
 * the real schedule engine connect the rooms and hang up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleInBrowserIT {
    /** A laptop's screen. */
    static final Dimension LAPTOP = new Dimension(1440, 900);

    private AdminRig rig;
    private ChromeDriver browser;
    private ChromeDriver panelA;
    private ChromeDriver panelB;
    private Javalin panels;
    private String panelBase;

    @BeforeAll
    void start() throws Exception {
        browser = Browsers.chromium(LAPTOP); // skips the class, loudly, without Chromium
        panelA = Browsers.chromium(Browsers.PANEL);
        panelB = Browsers.chromium(Browsers.PANEL);
        rig = new AdminRig();
        rig.user("olive", Role.OPERATOR);
        Fleet panelFleet = rig.fleet("panel");
        AdminRig.awaitReady(panelFleet, "room-a", "room-b", "room-c");
        FleetSettings fleetSettings = new FleetSettings(
                rig.rooms.databaseUrl,
                null,
                null,
                rig.rooms.broker.uri(),
                null,
                null,
                null,
                rig.rooms.topics.prefix(),
                panelFleet.instance());
        panels = PanelApp.create(
                        panelFleet,
                        new PanelSettings(fleetSettings, "127.0.0.1", 0, Duration.ofSeconds(4), Duration.ofSeconds(1)),
                        Clock.systemUTC())
                .start("127.0.0.1", 0);
        panelBase = "http://127.0.0.1:" + panels.port();
    }

    @AfterAll
    void stop() throws Exception {
        for (ChromeDriver b : new ChromeDriver[] {browser, panelA, panelB}) {
            if (b != null) {
                b.quit();
            }
        }
        if (panels != null) {
            panels.stop();
        }
        if (rig != null) {
            rig.close();
        }
    }

    /** Each scenario starts with every room idle and free. */
    @BeforeEach
    void idle() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> rig.app.console().connections().open().isEmpty()
                        && List.of("room-a", "room-b", "room-c").stream().allMatch(r -> "idle".equals(rig.call(r))));
    }

    /** An element's text now; live updates replace elements, so a read may need a second try. */
    private static String text(ChromeDriver b, By what) {
        for (int i = 0; ; i++) {
            try {
                List<WebElement> found = b.findElements(what);
                return found.isEmpty() ? "" : found.get(0).getText();
            } catch (StaleElementReferenceException e) {
                if (i == 5) {
                    throw e;
                }
            }
        }
    }

    private String text(String id) {
        return text(browser, By.id(id));
    }

    private static String attribute(ChromeDriver b, By what, String name) {
        try {
            List<WebElement> found = b.findElements(what);
            return found.isEmpty() ? null : found.get(0).getAttribute(name);
        } catch (StaleElementReferenceException e) {
            return null; // replaced just now: the caller waits and asks again
        }
    }

    private String attribute(String id, String name) {
        return attribute(browser, By.id(id), name);
    }

    /** Clicks an element that a live update may be replacing right now. */
    private static void click(ChromeDriver b, By what) {
        await().atMost(Duration.ofSeconds(5))
                .ignoreException(StaleElementReferenceException.class)
                .until(() -> {
                    b.findElement(what).click();
                    return true;
                });
    }

    private static void awaitLive(ChromeDriver b) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "up".equals(b.findElement(By.tagName("html")).getAttribute("data-live")));
    }

    private static void screenshot(ChromeDriver b, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(
                b.getScreenshotAs(OutputType.FILE).toPath(),
                dir.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Signs in as the operator, unless this browser is signed in already. */
    private void signIn() {
        browser.get(rig.base + "/fleet");
        if (!browser.getCurrentUrl().contains("/login?next=")) {
            return;
        }
        browser.findElement(By.id("name")).sendKeys("olive");
        browser.findElement(By.id("password")).sendKeys(AdminRig.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.getCurrentUrl().endsWith("/fleet"));
    }

    /** Enrols a panel browser by its pairing link, as a technician does with a code from the catalog. */
    private void enrol(ChromeDriver panel, String room) {
        String code = rig.fleet
                .panels()
                .issueCode(room, "user:olive", Duration.ofMinutes(5))
                .code();
        panel.get(panelBase + "/enrol#" + code);
        await().atMost(Duration.ofSeconds(10)).until(() -> panel.getCurrentUrl().endsWith("/room/" + room));
        awaitLive(panel);
    }

    private static String panelCall(ChromeDriver panel) {
        return String.valueOf(attribute(panel, By.id("call"), "data-kind"));
    }

    @Test
    void anOperatorSeesTheFleetAndForcesApartACallTwoPanelsStarted() throws Exception {
        signIn();
        awaitLive(browser);
        assertThat(text("whoami")).isEqualTo("olive");
        for (String room : List.of("room-a", "room-b", "room-c")) {
            assertThat(attribute("fleet-room-" + room, "data-availability")).isEqualTo("online");
            assertThat(attribute("fleet-room-" + room, "data-call")).isEqualTo("idle");
        }
        assertThat(text("count-online")).isEqualTo("3/3");
        Object marker = browser.executeScript("window.marker = 42; return window.marker;");

        // Live: a room agent goes away and comes back; the page follows without a reload.
        rig.rooms.stopC();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "offline".equals(attribute("fleet-room-room-c", "data-availability")));
        await().atMost(Duration.ofSeconds(5)).until(() -> text("count-online").equals("2/3"));
        rig.rooms.restartC();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "online".equals(attribute("fleet-room-room-c", "data-availability")));
        AdminRig.awaitReady(rig.fleet, "room-c");

        // Two rooms' panels; room A's calls room B, as people do it.
        enrol(panelA, "room-a");
        enrol(panelB, "room-b");
        panelB.executeScript("window.marker = 7;");
        click(panelA, By.linkText("Call a room"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !panelA.findElements(By.cssSelector("#room-room-b a"))
                .isEmpty());
        click(panelA, By.cssSelector("#room-room-b a"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> text(panelA, By.tagName("h1")).contains("Call Room B?"));
        click(panelA, By.id("connect"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> panelA.getCurrentUrl().endsWith("/room/room-a")
                        && "connected".equals(panelCall(panelA))
                        && "connected".equals(panelCall(panelB)));
        assertThat(text(panelB, By.id("call"))).contains("In a call with Room A");
        panelA.executeScript("window.marker = 7;");

        // The console, open all along, shows the call without a reload.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "connected".equals(attribute("fleet-room-room-a", "data-call"))
                        && "connected".equals(attribute("fleet-room-room-b", "data-call")));
        await().atMost(Duration.ofSeconds(5)).until(() -> text("count-in-call").equals("2"));
        assertThat(text("fleet-room-room-a")).contains("Room B");
        assertThat(browser.executeScript("return window.marker;")).isEqualTo(marker);
        screenshot(browser, "fleet");
        Connection call = rig.fleet.connections().openFor("room-a").orElseThrow();
        assertThat(call.requestedBy()).startsWith("panel:room-a#");

        click(browser, By.linkText("Room A"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.getCurrentUrl().endsWith("/rooms/room-a"));
        assertThat(text("room-call")).contains("connected", "Room B", "panel:room-a#");
        assertThat(browser.findElements(By.cssSelector("#room-devices tr[data-status=online]")))
                .hasSize(4);
        screenshot(browser, "room");

        // The operator forces the call apart.
        browser.get(rig.base + "/connections");
        click(browser, By.id("disconnect-" + call.id()));
        browser.switchTo().alert().accept();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !browser.findElements(By.id("no-active")).isEmpty());
        Connection ended = rig.fleet.connections().find(call.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(ConnectionStatus.ENDED);
        assertThat(ended.endReason()).isEqualTo("disconnected by user:olive");
        // Both panels follow by themselves, and the codecs themselves hung up.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "idle".equals(panelCall(panelA)) && "idle".equals(panelCall(panelB)));
        assertThat(text(panelA, By.id("call"))).contains("No call");
        assertThat(text(panelB, By.id("call"))).contains("No call");
        assertThat(panelA.executeScript("return window.marker;")).isEqualTo(7L);
        assertThat(panelB.executeScript("return window.marker;")).isEqualTo(7L);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rig.codec("room-a").calls().isEmpty()
                        && rig.codec("room-b").calls().isEmpty());
        assertThat(rig.call("room-a")).isEqualTo("idle");
        assertThat(rig.call("room-b")).isEqualTo("idle");
        screenshot(browser, "connections");
        screenshot(panelB, "panel-after-disconnect");

        browser.get(rig.base + "/fleet");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> "idle".equals(attribute("fleet-room-room-a", "data-call"))
                        && "idle".equals(attribute("fleet-room-room-b", "data-call"))
                        && text("count-in-call").equals("0"));
    }

    @Test
    void aScheduleConnectsTwoRoomsAtItsStartTimeAndHangsUpAtItsEnd() throws Exception {
        signIn();
        browser.get(rig.base + "/schedules");
        awaitLive(browser);
        Object marker = browser.executeScript("window.marker = 43; return window.marker;");

        new Select(browser.findElement(By.id("booking-caller"))).selectByValue("room-a");
        new Select(browser.findElement(By.id("booking-callee"))).selectByValue("room-b");
        browser.findElement(By.id("booking-title")).sendKeys("Stand-up, Sydney rooms");
        // A few seconds ahead, in the console's time zone, to the second. Chromium's date-time
        // editor takes keys in the order of the machine's locale, so the fields are set as values.
        Instant start = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plusSeconds(8);
        setValue("booking-start", rig.local(start));
        setValue("booking-end", rig.local(end));
        click(browser, By.id("booking-submit"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> text("booking-message").startsWith("Booked"));
        long id = Long.parseLong(text("booking-message-link").replace("Booking ", ""));
        Booking booked = rig.fleet.schedules().find(id).orElseThrow();
        assertThat(booked.startsAt()).isEqualTo(start);
        assertThat(booked.endsAt()).isEqualTo(end);
        assertThat(booked.bookedBy()).isEqualTo("user:olive");
        String row = "booking-" + id;
        await().atMost(Duration.ofSeconds(5)).until(() -> "booked".equals(attribute(row, "data-state")));
        screenshot(browser, "schedules-booked");

        // At its start the engine connects the rooms; the page shows it, live.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "active".equals(attribute(row, "data-state"))
                        && "connected".equals(attribute(row, "data-connection")));
        assertThat(Instant.now()).isAfterOrEqualTo(start);
        assertThat(rig.codec("room-a").callStatus()).isEqualTo("Connected");
        assertThat(rig.codec("room-b").callStatus()).isEqualTo("Connected");
        assertThat(text(row)).contains("Room A", "Room B", "Stand-up, Sydney rooms");
        screenshot(browser, "schedules-active");

        // At its end it hangs up.
        await().atMost(Duration.ofSeconds(20)).until(() -> "ended".equals(attribute(row, "data-state")));
        assertThat(Instant.now()).isAfterOrEqualTo(end);
        assertThat(text(row)).contains("ended at its end time");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rig.codec("room-a").calls().isEmpty()
                        && rig.codec("room-b").calls().isEmpty());
        assertThat(browser.executeScript("return window.marker;")).isEqualTo(marker); // never reloaded
        screenshot(browser, "schedules-ended");

        click(browser, By.cssSelector("#" + row + " a"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.getCurrentUrl().endsWith("/bookings/" + id));
        assertThat(text("booking-events")).contains("booked", "active", "ended");
        assertThat(text("booking-connection")).startsWith("connection ");
    }

    private void setValue(String id, String value) {
        browser.executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                browser.findElement(By.id(id)),
                value);
        assertThat(browser.findElement(By.id(id)).getAttribute("value")).isEqualTo(value);
    }
}
