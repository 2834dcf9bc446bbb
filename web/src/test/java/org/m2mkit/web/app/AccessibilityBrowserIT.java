package org.m2mkit.web.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.content.ContentLoader;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.SignIn;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The automated accessibility audit: axe-core (vendored in the test resources, its version pinned in the parent
 * pom) runs on every kind of page the kit has, as a visitor, a student and an instructor, once the page's scripts
 * have drawn it. Any serious or critical violation fails, with the page, the rule and the elements named.
 */
class AccessibilityBrowserIT {

    @RegisterExtension
    static final RunningKit running = RunningKit.withBrowser();

    private static final Set<String> FAILING = Set.of("serious", "critical");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String axe;

    private final List<String> violations = new ArrayList<>();
    private final List<String> audited = new ArrayList<>();

    @BeforeAll
    static void loadAxe() throws IOException {
        try (InputStream in = AccessibilityBrowserIT.class.getResourceAsStream("/browser/axe/axe.min.js")) {
            assertThat(in).as("axe-core in the test resources").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyPageTypePassesTheAuditAsVisitorStudentAndInstructor() throws Exception {
        String lesson = ContentLoader.load().lessons().get(0).id();
        String lessonWithFigure = ContentLoader.load().lessons().stream()
                .filter(l -> l.markdown().contains("```mermaid")).map(l -> l.id()).findFirst().orElse(lesson);
        String handout = ContentLoader.load().handouts().get(0).id();
        audit("visitor", "/handouts/" + handout + "#top"); // a handout as linked from the list

        // a visitor, on every lesson and handout: their content differs more than their kind
        running.browser().manage().deleteAllCookies();
        for (String page : List.of("/sign-in", "/", "/handouts", "/glossary", "/references", "/search?q=MQTT")) {
            audit("visitor", page);
        }
        ContentLoader.load().lessons().forEach(l -> audit("visitor", "/lessons/" + l.id()));
        ContentLoader.load().handouts().forEach(h -> audit("visitor", "/handouts/" + h.id()));

        // a student: lessons, labs, quizzes, account
        SignIn.as(running, "student", "m2m-student", "/");
        for (String page : List.of("/", "/lessons/" + lessonWithFigure, "/search?q=gateway", "/labs/live",
                "/labs", "/labs/gateway", "/labs/protocol", "/labs/standards", "/quizzes", "/grades", "/account")) {
            audit("student", page);
        }
        Optional<String> quiz = firstLink("/quizzes", "a[href^='/quizzes/']", "/quizzes/\\d+");
        if (quiz.isPresent()) {
            audit("student", quiz.get());
            List<WebElement> start = running.browser().findElements(By.id("start"));
            if (!start.isEmpty()) {
                start.get(0).click();
                running.waiting(30).until(d -> d.getCurrentUrl().contains("/quizzes/attempts/"));
                auditHere("student", "quiz attempt");
            }
        }

        // an instructor: accounts, gradebook, quiz tools, live runs
        SignIn.as(running, "instructor", "m2m-instructor", "/");
        for (String page : List.of("/", "/instructor/accounts", "/instructor/gradebook", "/labs/live", "/quizzes",
                "/quizzes/bank", "/quizzes/import", "/quizzes/manage", "/instructor/lti")) {
            audit("instructor", page);
        }
        if (quiz.isPresent()) {
            audit("instructor", quiz.get() + "/edit");
            audit("instructor", quiz.get() + "/analytics");
        }
        firstLink("/quizzes/bank", "a[href^='/quizzes/bank/questions/']", "/quizzes/bank/questions/\\d+")
                .ifPresent(q -> audit("instructor", q));
        firstLink("/instructor/gradebook", "a[href^='/instructor/students/']", "/instructor/students/\\d+/submissions")
                .ifPresent(s -> audit("instructor", s));

        assertThat(audited).hasSizeGreaterThan(25);
        assertThat(violations).as("serious or critical accessibility violations on " + audited.size() + " pages")
                .isEmpty();
    }

    /** The path of the first link on {@code page} that matches, if any. */
    private Optional<String> firstLink(String page, String css, String pattern) {
        running.browser().get(running.url(page));
        return running.browser().findElements(By.cssSelector(css)).stream()
                .map(a -> a.getAttribute("href").replaceFirst("^https?://[^/]+", ""))
                .filter(href -> href.matches(pattern)).findFirst();
    }

    private void audit(String who, String page) {
        running.browser().get(running.url(page));
        if (!who.equals("visitor")) {
            assertThat(running.browser().getCurrentUrl()).as(who + " on " + page).doesNotContain("/sign-in");
        }
        auditHere(who, page);
    }

    private void auditHere(String who, String page) {
        WebDriver browser = running.browser();
        settle(browser);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(axe);
        }
        String pinned = System.getProperty("axe-core.version");
        if (pinned != null) {
            assertThat(js.executeScript("return axe.version;")).as("the vendored axe-core's version").isEqualTo(pinned);
        }
        Object answer = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, { resultTypes: ['violations'] })"
                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done('failed: ' + e); });");
        String text = String.valueOf(answer);
        assertThat(text).as("axe ran on " + page).doesNotStartWith("failed:");
        audited.add(who + " " + page);
        try {
            for (JsonNode v : JSON.readTree(text)) {
                if (!FAILING.contains(v.path("impact").asText())) {
                    continue;
                }
                List<String> targets = new ArrayList<>();
                for (JsonNode n : v.path("nodes")) {
                    targets.add(n.path("target").toString());
                    if (targets.size() == 5) {
                        break;
                    }
                }
                violations.add(who + " " + page + ": " + v.path("id").asText() + " (" + v.path("impact").asText()
                        + "): " + v.path("help").asText() + " at " + targets);
            }
        } catch (IOException e) {
            throw new AssertionError("axe's answer on " + page + " does not read: " + text, e);
        }
    }

    /** Waits until the page has loaded and its scripts have drawn what they draw: checks and diagrams. */
    private static void settle(WebDriver browser) {
        running.waiting(30).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState;")));
        running.waiting(30).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "var checks = document.querySelectorAll('.knowledge-check');"
                        + "var ready = document.querySelectorAll('.knowledge-check-ready');"
                        + "var figures = document.querySelectorAll('.mermaid, pre.mermaid');"
                        + "var drawn = document.querySelectorAll('.mermaid svg, pre.mermaid svg');"
                        + "return (checks.length === 0 || ready.length > 0) && drawn.length >= figures.length;")));
    }
}
