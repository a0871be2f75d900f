package org.roomctl.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real browsers for page tests: Debian's Chromium, headless, through its chromedriver
 * (installed by .ci/install-test-tools, or {@code apt-get install chromium chromium-driver}).
 * Where they are missing, browser tests are skipped, and say so loudly.
 */
public final class Browsers {
    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browsers() {}

    /** The touch panel's screen: 1280x800. */
    public static final Dimension PANEL = new Dimension(1280, 800);
    /** A phone. */
    public static final Dimension PHONE = new Dimension(390, 844);

    /**
     * A new headless Chromium window of the given size, or the test is skipped (loudly) when there
     * is no Chromium here. Quit it when done.
     */
    public static ChromeDriver chromium(Dimension size) {
        String binary = CHROMIUM.stream()
                .filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst()
                .orElse(null);
        String driver = DRIVER.stream()
                .filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst()
                .orElse(null);
        if (binary == null || driver == null) {
            String why = "SKIPPED browser test: Chromium and chromedriver are not installed"
                    + " (apt-get install chromium chromium-driver, or run .ci/install-test-tools)";
            System.err.println("*".repeat(why.length()) + "\n" + why + "\n" + "*".repeat(why.length()));
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driver).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return browser;
    }
}
