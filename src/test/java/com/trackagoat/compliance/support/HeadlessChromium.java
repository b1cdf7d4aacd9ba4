package com.trackagoat.compliance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium ({@code /usr/bin/chromium}), headless, driven through Debian's {@code /usr/bin/chromedriver}:
 * nothing is downloaded (no Selenium Manager, no browser of a test tool's own), and the flags keep it off the
 * network (no updates, sync, QUIC or background requests) with a fresh profile. Screenshots go to a folder a
 * person can look at. Where Chromium is missing the test is skipped, saying how to install it, except on CI
 * ({@code CI=true}), whose {@code .ci/run} installs it: there a missing browser fails the test.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private HeadlessChromium(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** Skips the calling test (or fails it on CI) unless Debian's chromium and chromium-driver are installed. */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        String missing = "Chromium is not installed (" + BROWSER + ", " + DRIVER + "): install it with "
                + "'apt-get install -y --no-install-recommends chromium chromium-driver' (.ci/run does)";
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(missing);
        }
        Assumptions.assumeTrue(installed, missing);
    }

    /** A browser window of the given size; screenshots go to {@code screenshots} (emptied first). */
    public static HeadlessChromium start(int width, int height, Path screenshots, Path driverLog) {
        try {
            Path profile = Files.createTempDirectory("console-chromium-");
            Files.createDirectories(screenshots);
            try (Stream<Path> old = Files.list(screenshots)) {
                old.filter(p -> p.toString().endsWith(".png")).forEach(p -> p.toFile().delete());
            }
            ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile()).addArguments("--headless",
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().withBuildCheckDisabled(true).withLogFile(driverLog.toFile()).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new HeadlessChromium(driver, profile, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Resizes the window, e.g. to a phone's width. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * Saves the whole page, not only the window's part of it, as {@code name}.png (Chromium's own full-page
     * capture, through the DevTools protocol chromedriver speaks).
     */
    @SuppressWarnings("unchecked")
    public Path screenshot(String name) {
        Map<String, Object> size = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", ((Number) size.get("width")).doubleValue(), "height", ((Number) size.get("height")).doubleValue());
        String png = (String) driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)).get("data");
        Path target = screenshots.resolve(name + ".png");
        try {
            Files.write(target, Base64.getDecoder().decode(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
