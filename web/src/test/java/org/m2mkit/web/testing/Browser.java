package org.m2mkit.web.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium from the system's packages (Debian: chromium, chromium-driver), driven by Selenium.
 * Nothing is downloaded: the browser and its driver must be installed, and a clear message says so if not.
 */
public final class Browser {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browser() {
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
