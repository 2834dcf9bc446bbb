package org.m2mkit.web.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.web.testing.RunningKit;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The live console's uplink controls in a real browser: cutting the uplink says so and leaves every control
 * working, a spike during the cut waits at the gateway, and restoring the uplink lets the cycle finish.
 */
class LiveConsoleBrowserIT {

    @RegisterExtension
    static final RunningKit running = RunningKit.withBrowser();

    /** Waits up to 90 s on a condition; elements are looked up inside it, so a page that redraws them is no error. */
    static <T> T await(java.util.function.Function<WebDriver, T> condition) {
        return running.waiting(90).until(condition);
    }

    static String text(WebDriver d, String id) {
        return d.findElement(By.id(id)).getText();
    }

    static WebElement button(WebDriver d, String label) {
        return d.findElement(By.xpath("//button[normalize-space()='" + label + "']"));
    }

    /** Waits until the console's message starts with {@code text}; a timeout reports what the page said instead. */
    static void awaitMessage(String text) {
        try {
            await(d -> text(d, "console-message").startsWith(text));
        } catch (TimeoutException e) {
            WebDriver d = running.browser();
            throw new AssertionError("the console never said “" + text + "…”; it said: “" + text(d, "console-message")
                    + "” / “" + text(d, "run-info") + "”", e);
        }
    }

    /** Clicks a control once it is enabled. */
    static void press(String label) {
        await(d -> button(d, label).isEnabled() ? button(d, label) : null).click();
    }

    @Test
    void cuttingAndRestoringTheUplinkKeepsTheConsoleWorkingAndTheCycleFinishes() {
        ChromeDriver browser = running.browser();
        running.signIn("student", "m2m-student", "/labs/live");

        browser.findElement(By.cssSelector("#start-form button[type='submit']")).click();
        await(d -> text(d, "run-info").startsWith("Area live-"));
        await(d -> text(d, "load-latest").startsWith("Latest report"));

        press("Cut the uplink");
        awaitMessage("Gateway uplink cut");
        assertThat(text(browser, "run-info")).as("the run still shows").startsWith("Area live-");
        for (String control : List.of("Inject spike", "Cut the uplink", "Restore the uplink", "Stop the run")) {
            assertThat(button(browser, control).isEnabled()).as(control + " works during the cut").isTrue();
        }

        press("Inject spike");
        awaitMessage("Spike injected");
        // the spike waits at the gateway while the uplink is down: the docs show this
        await(d -> d.findElements(By.cssSelector("#steps li.done")).size() >= 2);
        try {
            java.nio.file.Path shots = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            java.nio.file.Files.write(shots.resolve("live-lab-uplink-cut.png"),
                    browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        press("Restore the uplink");
        awaitMessage("Gateway uplink restored");
        assertThat(text(browser, "run-info")).startsWith("Area live-");
        try {
            await(d -> d.findElements(By.cssSelector("#steps li.done")).size() == 6);
        } catch (TimeoutException e) {
            throw new AssertionError("the cycle did not finish after the uplink came back; the page said: "
                    + text(browser, "console-message") + " / " + text(browser, "run-info") + " / steps: "
                    + text(browser, "steps"), e);
        }

        press("Stop the run");
        await(d -> text(d, "run-info").equals("No run is going."));
    }

    static String deviceState(WebDriver d, String device) {
        List<WebElement> cells = d.findElements(By.cssSelector("#device-rows tr[data-device='" + device + "'] td"));
        return cells.size() < 2 ? "" : cells.get(1).getText();
    }

    @Test
    void pullingAMetersPlugFromTheKeyboardShowsItsLastWillAndAReloadStillSeesIt() {
        ChromeDriver browser = running.browser();
        running.signIn("student", "m2m-student", "/labs/live");
        browser.findElement(By.cssSelector("#start-form button[type='submit']")).click();
        await(d -> text(d, "run-info").startsWith("Area live-"));
        await(d -> deviceState(d, "meter-03").equals("online") && deviceState(d, "gateway").equals("online"));

        // the meter's id and Enter: the form's first button, "Pull the plug"
        WebElement meter = browser.findElement(By.id("plug-meter"));
        meter.clear();
        meter.sendKeys("meter-03", org.openqa.selenium.Keys.ENTER);
        awaitMessage("Pulled the plug on meter-03");
        await(d -> deviceState(d, "meter-03").equals("offline (last will)"));
        await(d -> text(d, "device-summary").contains("offline (last will): meter-03"));
        assertThat(browser.findElements(By.cssSelector("#log-rows tr.log-will"))).as("the will on the message log")
                .isNotEmpty();

        // a console that opens now learns it at once
        browser.navigate().refresh();
        await(d -> deviceState(d, "meter-03").equals("offline (last will)"));

        WebElement again = browser.findElement(By.id("plug-meter"));
        again.clear();
        again.sendKeys("meter-03");
        try {
            java.nio.file.Path shots = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            browser.findElement(By.id("devices")).getScreenshotAs(org.openqa.selenium.OutputType.FILE)
                    .renameTo(shots.resolve("live-lab-last-will.png").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        press("Plug back in");
        awaitMessage("meter-03 is plugged back in");
        await(d -> deviceState(d, "meter-03").equals("online"));
        await(d -> text(d, "device-summary").contains("no device is offline"));
        press("Stop the run");
        await(d -> text(d, "run-info").equals("No run is going."));
    }
}
