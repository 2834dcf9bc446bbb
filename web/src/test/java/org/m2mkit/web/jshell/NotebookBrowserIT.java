package org.m2mkit.web.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.web.app.Kit;
import org.m2mkit.web.testing.Browser;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.WebClient;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A student in a real browser runs lesson cells: a variable defined in one cell is used in the next, an error
 * shows at its position, and an endless loop and System.exit end with a message while the server stays up.
 */
class NotebookBrowserIT {
    @TempDir
    static Path data;
    static Kit kit;
    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        kit = Kit.start(RunningKit.config(data));
        browser = Browser.start();
        browser.get(base() + "/sign-in?next=/lessons/gateways");
        browser.findElement(By.id("username")).sendKeys("student");
        browser.findElement(By.id("password")).sendKeys("m2m-student");
        browser.findElement(By.cssSelector("form button[type=submit].primary")).click();
        Browser.arrive(browser, u -> u.endsWith("/lessons/gateways"));
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

    static String base() {
        return "http://127.0.0.1:" + kit.port();
    }

    private static List<WebElement> cells() {
        return browser.findElements(By.cssSelector(".lesson-body .jshell"));
    }

    /**
     * Puts code in cell {@code i} through its editor and runs it with the keyboard shortcut; returns the cell once
     * it shows this run's answer. The state line is emptied first, so the "ran" of an earlier run of the same cell
     * cannot pass for this one's.
     */
    private static WebElement run(int i, String code) {
        WebElement cell = cells().get(i);
        browser.executeScript("arguments[0].querySelector('.CodeMirror').CodeMirror.setValue(arguments[1]);"
                + "arguments[0].querySelector('.jshell-state').textContent = '';", cell, code);
        cell.findElement(By.cssSelector(".CodeMirror textarea")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        return Browser.until(browser, d -> {
            WebElement now = cells().get(i);
            return now.findElement(By.cssSelector(".jshell-state")).getText().matches("ran|not run") ? now : null;
        });
    }

    private static String output(WebElement cell) {
        return cell.findElement(By.cssSelector(".jshell-output")).getText();
    }

    @Test
    void acceptance() throws Exception {
        Browser.until(browser, d -> "ready".equals(d.findElement(By.tagName("html")).getAttribute("data-jshell")));
        assertThat(cells()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.findElements(By.cssSelector(".lesson-body .jshell .CodeMirror"))).isNotEmpty();

        WebElement first = run(0, "int meters = 50;");
        assertThat(output(first)).contains("meters ==> 50");
        WebElement second = run(1, "meters * 2");
        assertThat(output(second)).contains("==> 100");

        String bad = "int spare = 1;\nString s = meters +;";
        WebElement third = run(2, bad);
        WebElement diagnostic = third.findElement(By.cssSelector(".jshell-diagnostic.error"));
        assertThat(diagnostic.getText()).startsWith("Error at line 2, column " + (bad.lastIndexOf(';')
                - bad.indexOf('\n')));
        assertThat(diagnostic.getAttribute("data-start")).isEqualTo(Integer.toString(bad.lastIndexOf(';')));
        assertThat(third.findElements(By.cssSelector(".CodeMirror .jshell-mark-error"))).isNotEmpty();

        WebElement loop = run(2, "while (true) {}");
        assertThat(output(loop)).contains("time limit");
        String said = output(loop);
        assertThat(said.indexOf("time limit")).as("the time-out is said once: " + said)
                .isEqualTo(said.lastIndexOf("time limit"));
        WebElement exit = run(2, "System.exit(0);");
        assertThat(output(exit)).contains("System.exit");

        // the server is up for this student and for everyone else
        WebElement after = run(1, "6 * 7");
        assertThat(output(after)).contains("==> 42");
        assertThat(new WebClient(kit.port()).get("/").statusCode()).isEqualTo(200);

        // printed text is shown as text, never as markup
        WebElement printed = run(0, "System.out.println(\"<b id='injected'>bold</b>\");");
        assertThat(output(printed)).contains("<b id='injected'>bold</b>");
        assertThat(browser.findElements(By.id("injected"))).isEmpty();

        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve("notebook.png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
