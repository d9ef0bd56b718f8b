package com.clearskin.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by Debian's chromedriver, for browser tests of the running app.
 *
 * <p>Where either program is missing the tests are skipped with a message saying what to install,
 * unless {@code CLEARSKIN_REQUIRE_BROWSER=1} (as in CI), where a missing browser is a failure. Nothing
 * is ever downloaded: the driver is given to Selenium explicitly, so Selenium Manager does not run.
 * Paths: {@code CHROMEDRIVER} and {@code CHROMIUM} override /usr/bin/chromedriver and /usr/bin/chromium.
 */
public final class BrowserSupport implements AutoCloseable {

    public static final String REQUIRE_ENV = "CLEARSKIN_REQUIRE_BROWSER";
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(15);
    static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);

    /** The two programs the tests need. */
    public record Binaries(Path driver, Path browser) {
    }

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final String baseUrl;

    private BrowserSupport(ChromeDriver driver, ChromeDriverService service, Path profile, String baseUrl) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    /**
     * Finds chromedriver and Chromium; skips the calling test (or class, from {@code @BeforeAll})
     * when one is missing, or fails it when {@code CLEARSKIN_REQUIRE_BROWSER=1}.
     */
    public static Binaries binaries() {
        Path browser = Path.of(envOr("CHROMIUM", "/usr/bin/chromium"));
        Path driver = Path.of(envOr("CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(browser)) {
            unavailable("no Chromium at " + browser);
        }
        if (!Files.isExecutable(driver)) {
            unavailable("no chromedriver at " + driver);
        }
        return new Binaries(driver, browser);
    }

    public static boolean required() {
        return "1".equals(System.getenv(REQUIRE_ENV)) || "true".equalsIgnoreCase(System.getenv(REQUIRE_ENV));
    }

    private static void unavailable(String what) {
        if (required()) {
            fail("Browser tests required (" + REQUIRE_ENV + "=1) but " + what
                    + "; install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver),"
                    + " or set CHROMIUM and CHROMEDRIVER");
        }
        String message = "Browser tests skipped: " + what + "; install Debian's chromium and chromium-driver, or set "
                + REQUIRE_ENV + "=1 to make this a failure";
        System.out.println(message);
        Assumptions.abort(message);
    }

    /** Starts a fresh headless browser, with an empty profile, for the app at the given port. */
    public static BrowserSupport start(int port) {
        Binaries binaries = binaries();
        // Selenium Manager must never try to download a browser or a driver.
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", binaries.driver().toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("clearskin-chromium-");
            Files.createDirectories(Path.of("target", "browser"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binaries.browser().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
                "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(binaries.driver().toFile())
                .usingAnyFreePort()
                .withLogFile(new File("target/browser/chromedriver.log"))
                .withAppendLog(true)
                .withLogLevel(ChromiumDriverLogLevel.WARNING)
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw new IllegalStateException("Chromium at " + binaries.browser() + " did not start with chromedriver at "
                    + binaries.driver() + " (see target/browser/chromedriver.log)", e);
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
        return new BrowserSupport(driver, service, profile, "http://localhost:" + port);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the app, such as {@code /treatments}. */
    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public String url(String path) {
        return baseUrl + path;
    }

    /**
     * Waits that poll through the moment of a page load: while the old document goes away,
     * chromedriver may answer "node does not belong to the document" instead of "stale element".
     */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Errors the browser reported since the last call: failed requests, scripts that threw, content
     * refused by the Content-Security-Policy.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** The HTTP status of the page now shown, as the browser received it (Navigation Timing). */
    public long status() {
        Object status = script("var n = performance.getEntriesByType('navigation')[0];"
                + " return n ? n.responseStatus : -1;");
        return ((Number) status).longValue();
    }

    public void windowSize(Dimension size) {
        driver.manage().window().setSize(size);
        waiting().until(d -> ((Number) script("return window.innerWidth;")).intValue() <= size.width);
    }

    /**
     * Form controls with no {@code <label for=...>} naming them: hidden inputs and buttons aside, every
     * input, select and textarea needs one, with some text.
     */
    @SuppressWarnings("unchecked")
    public List<String> unlabelledControls() {
        return (List<String>) script("""
                var missing = [];
                document.querySelectorAll('input, select, textarea').forEach(function (el) {
                  var type = (el.getAttribute('type') || '').toLowerCase();
                  if (type === 'hidden' || type === 'submit' || type === 'button' || type === 'reset') { return; }
                  var describe = el.tagName.toLowerCase() + '[name=' + el.getAttribute('name') + ']';
                  if (!el.id) { missing.push(describe + ' has no id'); return; }
                  var labels = document.querySelectorAll('label[for="' + CSS.escape(el.id) + '"]');
                  if (labels.length === 0) { missing.push(describe + ' #' + el.id + ' has no <label for>'); return; }
                  if (document.querySelectorAll('#' + CSS.escape(el.id)).length > 1) {
                    missing.push(describe + ' #' + el.id + ' shares its id');
                  }
                  if (!labels[0].textContent.trim()) { missing.push(describe + ' #' + el.id + ' has an empty label'); }
                });
                return missing;
                """);
    }

    /** Saves the visible page as target/screenshots/{name}.png, after checking it is not blank. */
    public Path screenshot(String name) {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null || distinctColours(image) < 8) {
                throw new AssertionError("The screenshot " + name + " is blank or unreadable");
            }
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
                if (colours.size() >= 64) {
                    return colours.size();
                }
            }
        }
        return colours.size();
    }

    /** A JUnit extension that saves a screenshot of the page a test failed on, as FAILED-{test}.png. */
    public static TestExecutionExceptionHandler screenshotOnFailure(Supplier<BrowserSupport> browser) {
        return (context, thrown) -> {
            BrowserSupport b = browser.get();
            if (b != null) {
                try {
                    Files.createDirectories(SCREENSHOTS);
                    Files.write(SCREENSHOTS.resolve("FAILED-" + context.getRequiredTestMethod().getName() + ".png"),
                            b.driver.getScreenshotAs(OutputType.BYTES));
                } catch (Exception e) {
                    thrown.addSuppressed(e);
                }
            }
            throw thrown;
        };
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
