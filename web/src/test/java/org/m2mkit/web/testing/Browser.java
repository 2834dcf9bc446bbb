package org.m2mkit.web.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium from the system's packages (Debian: chromium, chromium-driver), driven by Selenium.
 * Nothing is downloaded: the browser and its driver must be installed, and a clear message says so if not.
 *
 * <p>Tests wait for what the page shows with {@link #until}, {@link #element} and {@link #text}: each looks its
 * elements up again on every try, so a page load or a script that replaces an element while the test waits is
 * one more try, not a {@code StaleElementReferenceException}. Never hold an element across a wait.
 */
public final class Browser {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    /** How long a test waits for a page to show something: generous, so a loaded machine is not a failure. */
    public static final Duration WAIT = Duration.ofSeconds(60);

    private Browser() {
    }

    /**
     * Waits up to {@link #WAIT} until {@code condition} gives true or a value other than null, and returns that.
     * The condition runs again when an element it found went stale or was not there yet, so it must look up the
     * elements it needs itself (from the driver it is given), never use ones found before.
     */
    public static <T> T until(WebDriver browser, Function<WebDriver, T> condition) {
        return until(browser, WAIT, condition);
    }

    /** {@link #until(WebDriver, Function)} with a longer wait, for what takes longer than a page. */
    public static <T> T until(WebDriver browser, Duration timeout, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.ignoring(StaleElementReferenceException.class); // NoSuchElementException is ignored already
        return wait.until(condition);
    }

    /** Waits until the address passes {@code url} and the page at it has loaded. */
    public static void arrive(WebDriver browser, Predicate<String> url) {
        until(browser, d -> url.test(d.getCurrentUrl()) && loaded(d));
    }

    /**
     * Waits until the page has loaded (its scripts have run) and the element {@code at} is on it, and returns it
     * (use it at once: do not wait again).
     */
    public static WebElement element(WebDriver browser, By at) {
        return until(browser, d -> loaded(d) ? d.findElement(at) : null);
    }

    /** Waits until the page has loaded and the element {@code at} shows a text that passes {@code test}; returns it. */
    public static String text(WebDriver browser, By at, Predicate<String> test) {
        return until(browser, d -> {
            String text = loaded(d) ? d.findElement(at).getText() : null;
            return text != null && test.test(text) ? text : null;
        });
    }

    private static boolean loaded(WebDriver d) {
        return "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
    }

    /** Waits until the element {@code at} shows some text, and returns it. */
    public static String text(WebDriver browser, By at) {
        return text(browser, at, t -> !t.isBlank());
    }

    /** Starts a headless browser with a phone-to-laptop sized window; the caller quits it. */
    public static ChromeDriver start() {
        String browser = first(BROWSERS, "M2MKIT_TEST_BROWSER", "chromium (Debian package chromium)");
        String driver = first(DRIVERS, "M2MKIT_TEST_CHROMEDRIVER", "chromedriver (Debian package chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--disable-extensions", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile())
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    private static String first(List<String> candidates, String env, String what) {
        String override = System.getenv(env);
        if (override != null && !override.isBlank()) {
            return override;
        }
        return candidates.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst()
                .orElseThrow(() -> new IllegalStateException("browser tests need " + what + "; not found at "
                        + candidates + " (or set " + env + "); .ci/run installs it"));
    }
}
