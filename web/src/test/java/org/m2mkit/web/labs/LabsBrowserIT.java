package org.m2mkit.web.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.web.app.Kit;
import org.m2mkit.web.config.KitConfig;
import org.m2mkit.web.grading.LabHttp;
import org.m2mkit.web.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The lab pages in a real browser: a paced live run showing the six steps, a correct gateway scoring 100, a
 * compile error showing its line, and the instructor's gradebook with its CSV. Screenshots go to
 * target/screenshots.
 */
class LabsBrowserIT {

    @TempDir
    static Path data;

    static Kit kit;
    static ChromeDriver browser;
    static final Duration WAIT = Duration.ofSeconds(90);

    @BeforeAll
    static void start() {
        kit = Kit.start(KitConfig.forTests(data));
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (kit != null) {
            kit.close();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + kit.port() + path;
    }

    void signIn(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/sign-in"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main form button[type='submit']")).click();
        Browser.arrive(browser, u -> !u.contains("/sign-in"));
    }

    /** The whole page at {@code width} pixels, then the window as it was. */
    static void screenshot(String name, int width) throws Exception {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        browser.manage().window().setSize(new Dimension(width, 900));
        long height = (Long) browser.executeScript("window.scrollTo(0, 0); return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(width, (int) Math.min(5000, height + 140)));
        Files.write(shots.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    static void screenshot(String name) throws Exception {
        screenshot(name, 1280);
    }

    @Test
    void aStudentWatchesTheCycleSubmitsAGatewayAndTheInstructorSeesTheGradebook() throws Exception {
        signIn("student", "m2m-student");

        // a paced run: the six steps appear as the messages happen
        browser.get(url("/labs/live"));
        browser.findElement(By.cssSelector("#start-form button[type='submit']")).click();
        Browser.until(browser, WAIT, textToBePresentInElementLocated(By.id("run-info"), "Area live-"));
        // the cloud has heard the area (an area report is charted) before the spike
        Browser.until(browser, WAIT, textToBePresentInElementLocated(By.id("load-latest"), "Latest report"));
        Browser.until(browser, WAIT, elementToBeClickable(By.xpath("//button[normalize-space()='Inject spike']")))
                .click();
        // the steps the spike starts are brought into view
        Browser.until(browser, WAIT, d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "var r = document.getElementById('steps').getBoundingClientRect();"
                        + "return r.top >= 0 && r.top < window.innerHeight;")));
        List<String> steps;
        try {
            // the console redraws the steps as events come: they are read in the same try that counts them
            steps = Browser.until(browser, WAIT, d -> {
                List<String> done = d.findElements(By.cssSelector("#steps li.done")).stream()
                        .map(li -> li.getAttribute("data-milestone")).toList();
                return done.size() == 6 ? done : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-live-lab.png");
            throw new AssertionError("the six steps did not all appear; the page said: "
                    + browser.findElement(By.id("console-message")).getText() + " / "
                    + browser.findElement(By.id("run-info")).getText() + " / steps: "
                    + browser.findElement(By.id("steps")).getText(), e);
        }
        assertThat(steps).containsExactly("SPIKE", "ALERT", "REPORT", "PREDICTION", "COMMAND", "CONFIRMATION");
        assertThat(browser.findElements(By.cssSelector("#sequence-steps line.arrow"))).hasSizeGreaterThanOrEqualTo(4);
        Object overlaps = browser.executeScript("var boxes = Array.prototype.map.call("
                + "document.querySelectorAll('#sequence-steps text'), function (t) { return [t.textContent, t.getBBox()]; });"
                + "var out = [];"
                + "boxes.forEach(function (a, i) { boxes.slice(i + 1).forEach(function (b) {"
                + "  var x = a[1], y = b[1];"
                + "  if (x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height) {"
                + "    out.push(a[0] + ' / ' + b[0]); } }); });"
                + "return out.join('; ');");
        assertThat((String) overlaps).as("labels of the sequence that overlap").isEmpty();
        assertThat(Browser.text(browser, By.id("forecast-hint"))).contains("whole area");
        Browser.text(browser, By.id("hvac-rows"), t -> t.contains("23.1 °C (73.6 °F)"));
        Browser.text(browser, By.id("log-rows"), t -> t.contains("m2mkit/live-"));
        screenshot("live-lab.png");
        screenshot("live-lab-phone.png", 390);
        browser.findElement(By.xpath("//button[normalize-space()='Stop the run']")).click();
        Browser.until(browser, WAIT, textToBePresentInElementLocated(By.id("run-info"), "No run is going."));

        // a correct gateway scores 100 without a reload
        browser.get(url("/labs/gateway"));
        setEditor(LabHttp.referenceGateway());
        browser.findElement(By.cssSelector("#submit-form button[type='submit']")).click();
        Browser.until(browser, WAIT, textToBePresentInElementLocated(By.cssSelector("#result .score"), "100 / 100"));
        String done = Browser.until(browser, d -> d.findElement(By.cssSelector("#progress li[data-stage='DONE']"))
                .getAttribute("class"));
        assertThat(done).contains("past");
        assertThat(browser.findElements(By.cssSelector("#result table.results tbody tr"))).isNotEmpty();
        // the list of submissions and the allowance follow without a reload
        Browser.text(browser, By.cssSelector("section[aria-labelledby='history-heading']"), t -> t.contains("100"));
        Browser.text(browser, By.id("allowance"), t -> t.contains("You may submit 4 more"));
        screenshot("gateway-lab.png");
        // on a phone every test's message is on the screen, none cut off at the side
        browser.manage().window().setSize(new Dimension(390, 844));
        Object cut = browser.executeScript("var w = document.documentElement.clientWidth;"
                + "return Array.prototype.filter.call(document.querySelectorAll('#result table.results td.message'),"
                + " function (td) { return td.getBoundingClientRect().right > w + 1; }).length;");
        browser.manage().window().setSize(new Dimension(1280, 900));
        assertThat((Long) cut).as("messages cut off on a phone").isZero();

        // a compile error shows its line and costs no attempt
        setEditor("""
                package mine;

                import java.util.List;
                import org.m2mkit.labs.api.*;

                public class Broken implements Gateway {
                    public Broken(GatewayConfig config) { }
                    public List<Alert> onReading(MeterReading r) { return List.of() }
                    public AreaReport report(long now) { return null; }
                    public List<HvacCommand> onDemandResponse(DemandResponse d) { return List.of(); }
                }
                """);
        browser.findElement(By.cssSelector("#submit-form button[type='submit']")).click();
        Browser.until(browser, WAIT, textToBePresentInElementLocated(By.cssSelector("#result"), "Broken.java:8: error:"));
        assertThat(Browser.text(browser, By.cssSelector("#result .score"))).isEqualTo("Does not compile (costs no attempt)");
        assertThat(Browser.text(browser, By.id("allowance"))).contains("You may submit 4 more");
        screenshot("gateway-lab-compile-error.png");

        // the instructor's gradebook and its CSV
        signIn("instructor", "m2m-instructor");
        browser.get(url("/instructor/gradebook"));
        String book = browser.findElement(By.tagName("main")).getText();
        assertThat(book).contains("Demo Student").contains("100 / 100 (1)");
        screenshot("gradebook.png");
        WebElement export = browser.findElement(By.linkText("Export CSV"));
        assertThat(export.getAttribute("href")).endsWith("/instructor/gradebook.csv");
        Object csv = browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(function (r) { return r.text(); }).then(done);", export.getAttribute("href"));
        assertThat((String) csv).contains("student,Demo Student,100,100,1,,,0");
    }

    /** Puts text in the editor as a paste would (typing a whole class key by key is slow). */
    private void setEditor(String text) {
        WebElement editor = browser.findElement(By.id("source"));
        browser.executeScript("arguments[0].value = arguments[1];", editor, text);
    }
}
