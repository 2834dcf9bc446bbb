package org.m2mkit.web.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.content.ContentLoader;
import org.m2mkit.web.testing.Browser;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.WebClient;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.pagefactory.ByChained;

/** A student in a real browser: signs in, reads a section, answers a knowledge check, sees the progress. */
class LessonBrowserIT {

    @RegisterExtension
    static final RunningKit running = RunningKit.withBrowser();

    String url(String path) {
        return "http://127.0.0.1:" + running.port() + path;
    }

    @Test
    void aStudentSignsInAnswersAKnowledgeCheckAndSeesTheProgress() throws Exception {
        // find a section with a true/false check, and its place among the page's checks
        ObjectMapper json = new ObjectMapper();
        WebClient api = new WebClient(running.port());
        String lesson = null;
        int index = -1;
        for (var l : ContentLoader.load().lessons()) {
            for (JsonNode v : json.readTree(api.getJson("/api/pages/lesson/" + l.id() + "/checks").body())) {
                if (lesson == null && v.path("type").asText().equals("truefalse")) {
                    lesson = l.id();
                    index = v.path("index").asInt();
                }
            }
        }
        assertThat(lesson).isNotNull();
        String page = "/lessons/" + lesson;
        int at = index;

        running.browser().get(url("/sign-in?next=" + page));
        running.browser().findElement(By.id("username")).sendKeys("student");
        running.browser().findElement(By.id("password")).sendKeys("m2m-student");
        running.browser().findElement(By.cssSelector("form.stacked-form button[type=submit]")).click();
        Browser.arrive(running.browser(), u -> u.endsWith(page));

        // the check is looked up again for every use: the page's script may replace it while the test waits
        By check = By.xpath("(//*[contains(concat(' ', normalize-space(@class), ' '), ' knowledge-check ')])["
                + (at + 1) + "]");
        Browser.until(running.browser(), d -> d.findElement(check).getAttribute("class").contains("knowledge-check-ready"));
        String verdict = answer(check, "true");
        if (!verdict.startsWith("Right.")) {
            assertThat(verdict).startsWith("Not quite.");
            verdict = answer(check, "false");
        }
        assertThat(verdict).startsWith("Right.");
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(shots.resolve("lesson-check.png"), running.browser().getScreenshotAs(OutputType.BYTES));

        // a revisit shows the answer the progress counts, with its grade
        String right = verdict.startsWith("Right.") ? running.browser().findElements(By.cssSelector(
                ".knowledge-check")).get(at).findElement(By.cssSelector("input:checked")).getAttribute("value") : null;
        running.browser().navigate().refresh();
        Browser.until(running.browser(), d -> d.findElements(By.cssSelector(".knowledge-check")).get(at)
                .getAttribute("class").contains("knowledge-check-ready"));
        WebElement again = running.browser().findElements(By.cssSelector(".knowledge-check")).get(at);
        assertThat(again.findElement(By.cssSelector("input:checked")).getAttribute("value")).isEqualTo(right);
        assertThat(again.findElement(By.cssSelector(".check-result")).getText())
                .contains("Your last answer").contains("Right.");

        running.browser().get(url("/"));
        String home = running.browser().findElement(By.tagName("main")).getText();
        assertThat(home).contains("read").contains("1/");
        assertThat(running.browser().findElements(By.cssSelector("progress"))).hasSize(ContentLoader.load().objectives().size());
    }

    /** Answers the check with {@code value} and returns the verdict it then shows. */
    private static String answer(By check, String value) {
        WebDriver browser = running.browser();
        By result = new ByChained(check, By.cssSelector(".check-result"));
        String before = browser.findElement(result).getText();
        browser.findElement(check).findElement(By.cssSelector("input[value='" + value + "']")).click();
        browser.findElement(check).findElement(By.cssSelector("button[type=submit]")).click();
        return Browser.text(browser, result, t -> !t.isBlank() && !t.equals(before));
    }
}
