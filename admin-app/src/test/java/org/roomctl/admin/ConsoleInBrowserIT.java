package org.roomctl.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.roomctl.admin.auth.Role;
import org.roomctl.fleet.connect.Connection;
import org.roomctl.fleet.connect.ConnectionStatus;
import org.roomctl.fleet.connect.RequestedVia;
import org.roomctl.testkit.Browsers;

/**
 * The console in a real browser (headless Chromium) on the testkit's three real rooms: an
 * operator signs in, watches the fleet change live, and forces apart a call two panels started.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleInBrowserIT {
    /** A laptop's screen. */
    static final Dimension LAPTOP = new Dimension(1440, 900);

    private AdminRig rig;
    private ChromeDriver browser;

    @BeforeAll
    void start() throws Exception {
        rig = new AdminRig();
        rig.user("olive", Role.OPERATOR);
        browser = Browsers.chromium(LAPTOP);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        rig.close();
    }

    /** An element's text now; live updates replace elements, so a read may need a second try. */
    private String text(String id) {
        for (int i = 0; ; i++) {
            try {
                return browser.findElement(By.id(id)).getText();
            } catch (StaleElementReferenceException e) {
                if (i == 5) {
                    throw e;
                }
            }
        }
    }

    private String attribute(String id, String name) {
        try {
            List<WebElement> found = browser.findElements(By.id(id));
            return found.isEmpty() ? null : found.get(0).getAttribute(name);
        } catch (StaleElementReferenceException e) {
            return null; // replaced just now: the caller waits and asks again
        }
    }

    /** Clicks an element that a live update may be replacing right now. */
    private void click(By what) {
        await().atMost(Duration.ofSeconds(5))
                .ignoreException(StaleElementReferenceException.class)
                .until(() -> {
                    browser.findElement(what).click();
                    return true;
                });
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(
                browser.getScreenshotAs(OutputType.FILE).toPath(),
                dir.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void signIn() {
        browser.get(rig.base + "/fleet");
        assertThat(browser.getCurrentUrl()).contains("/login?next=");
        browser.findElement(By.id("name")).sendKeys("olive");
        browser.findElement(By.id("password")).sendKeys(AdminRig.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.getCurrentUrl().endsWith("/fleet"));
    }

    @Test
    void anOperatorWatchesTheFleetAndForcesApartACallTwoPanelsStarted() throws Exception {
        signIn();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "up".equals(browser.findElement(By.tagName("html")).getAttribute("data-live")));
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

        // The panel app is not merged yet: the call starts as a panel starts one.
        Connection call =
                rig.fleet.connections().connect("room-a", "room-b", "panel:room-a#1", RequestedVia.PANEL, null);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "connected".equals(attribute("fleet-room-room-a", "data-call"))
                        && "connected".equals(attribute("fleet-room-room-b", "data-call")));
        await().atMost(Duration.ofSeconds(5)).until(() -> text("count-in-call").equals("2"));
        assertThat(text("fleet-room-room-a")).contains("Room B");
        assertThat(browser.executeScript("return window.marker;")).isEqualTo(marker); // never reloaded
        screenshot("fleet");

        click(By.linkText("Room A"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.getCurrentUrl().endsWith("/rooms/room-a"));
        assertThat(text("room-call")).contains("connected", "Room B", "panel:room-a#1");
        assertThat(browser.findElements(By.cssSelector("#room-devices tr[data-status=online]")))
                .hasSize(4);
        screenshot("room");

        browser.get(rig.base + "/connections");
        click(By.id("disconnect-" + call.id()));
        browser.switchTo().alert().accept();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !browser.findElements(By.id("no-active")).isEmpty());
        assertThat(rig.fleet.connections().find(call.id()).orElseThrow().status())
                .isEqualTo(ConnectionStatus.ENDED);
        assertThat(rig.fleet.connections().find(call.id()).orElseThrow().endReason())
                .isEqualTo("disconnected by user:olive");
        // Both rooms are idle: as the bus says, and on the (simulated) codecs themselves.
        assertThat(rig.call("room-a")).isEqualTo("idle");
        assertThat(rig.call("room-b")).isEqualTo("idle");
        assertThat(rig.codec("room-a").calls()).isEmpty();
        assertThat(rig.codec("room-b").calls()).isEmpty();
        screenshot("connections");

        browser.get(rig.base + "/fleet");
        assertThat(attribute("fleet-room-room-a", "data-call")).isEqualTo("idle");
        assertThat(attribute("fleet-room-room-b", "data-call")).isEqualTo("idle");
        assertThat(text("count-in-call")).isEqualTo("0");
    }
}
