package org.m2mkit.web.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.m2mkit.web.app.Kit;
import org.m2mkit.web.config.KitConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.m2mkit.web.jshell.NotebookSettings;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A whole kit for a test class: free ports, a fresh data directory, demo accounts; optionally a headless browser.
 * Use as {@code @RegisterExtension static final RunningKit kit = new RunningKit();}.
 */
public final class RunningKit implements BeforeAllCallback, AfterAllCallback {

    private final boolean withBrowser;
    private final UnaryOperator<KitConfig> settings;
    private Path data;
    private Kit kit;
    private ChromeDriver browser;

    public RunningKit() {
        this(false, c -> c);
    }

    private RunningKit(boolean withBrowser, UnaryOperator<KitConfig> settings) {
        this.withBrowser = withBrowser;
        this.settings = settings;
    }

    /** A kit and a headless Chromium (see {@link Browser}). */
    public static RunningKit withBrowser() {
        return new RunningKit(true, c -> c);
    }

    /** A kit whose test configuration is changed by {@code settings}, for example to trust a proxy. */
    public static RunningKit with(UnaryOperator<KitConfig> settings) {
        return new RunningKit(false, settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        data = Files.createTempDirectory("m2mkit-test");
        kit = Kit.start(settings.apply(config(data)));
        if (withBrowser) {
            browser = Browser.start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (kit != null) {
            kit.close();
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * {@link KitConfig#forTests} with notebook cells allowed 10 s, which ordinary cells never reach even on a busy
     * machine, and a long grace after it, so that a cell past the limit is stopped (where this JVM can stop threads)
     * rather than killed because the machine was slow to stop it.
     */
    public static KitConfig config(Path data) {
        KitConfig tests = KitConfig.forTests(data);
        NotebookSettings notebooks = tests.notebooks();
        return tests.withNotebooks(notebooks.withEngines(notebooks.engines().withEvalTimeout(Duration.ofSeconds(10))
                .withStopGrace(Duration.ofSeconds(15))));
    }

    public Kit kit() {
        return kit;
    }

    public int port() {
        return kit.port();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + kit.port() + path;
    }

    /** A new client with no cookies yet. */
    public WebClient client() {
        return new WebClient(kit.port());
    }

    public ChromeDriver browser() {
        return browser;
    }

    /** A wait on the browser of up to {@code seconds}; an element a page load replaced meanwhile is looked up again. */
    public WebDriverWait waiting(int seconds) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Signs the browser in on the sign-in page and waits until it has arrived at {@code path}. */
    public void signIn(String username, String password, String path) {
        browser.manage().deleteAllCookies();
        browser.get(url("/sign-in?next=" + path));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]")).click();
        waiting(30).until(d -> d.getCurrentUrl().endsWith(path));
    }
}
