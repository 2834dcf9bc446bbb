package org.m2mkit.web.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.content.ContentLoader;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.WebClient;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

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
        WebDriverWait wait = new WebDriverWait(running.browser(), Duration.ofSeconds(20));
        wait.until(d -> d.getCurrentUrl().endsWith(page));

        WebElement check = wait.until(d -> d.findElements(By.cssSelector(".knowledge-check")).size() > 0
                ? d.findElements(By.cssSelector(".knowledge-check")) : null).get(at);
        wait.until(d -> check.getAttribute("class").contains("knowledge-check-ready"));
        String verdict = answer(wait, check, "true");
        if (!verdict.startsWith("Right.")) {
            assertThat(verdict).startsWith("Not quite.");
            verdict = answer(wait, check, "false");
        }
        assertThat(verdict).startsWith("Right.");
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(shots.resolve("lesson-check.png"), running.browser().getScreenshotAs(OutputType.BYTES));

        // a revisit shows the answer the progress counts, with its grade
        String right = verdict.startsWith("Right.") ? running.browser().findElements(By.cssSelector(
                ".knowledge-check")).get(at).findElement(By.cssSelector("input:checked")).getAttribute("value") : null;
        running.browser().navigate().refresh();
        wait.until(d -> d.findElements(By.cssSelector(".knowledge-check")).get(at).getAttribute("class")
                .contains("knowledge-check-ready"));
        WebElement again = running.browser().findElements(By.cssSelector(".knowledge-check")).get(at);
        assertThat(again.findElement(By.cssSelector("input:checked")).getAttribute("value")).isEqualTo(right);
        assertThat(again.findElement(By.cssSelector(".check-result")).getText())
                .contains("Your last answer").contains("Right.");

        running.browser().get(url("/"));
        String home = running.browser().findElement(By.tagName("main")).getText();
        assertThat(home).contains("read").contains("1/");
        assertThat(running.browser().findElements(By.cssSelector("progress"))).hasSize(ContentLoader.load().objectives().size());
    }

    private static String answer(WebDriverWait wait, WebElement check, String value) {
        WebElement result = check.findElement(By.cssSelector(".check-result"));
        String before = result.getText();
        check.findElement(By.cssSelector("input[value='" + value + "']")).click();
        check.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> !result.getText().isBlank() && !result.getText().equals(before));
        return result.getText();
    }
}
