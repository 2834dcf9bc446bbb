package org.m2mkit.web.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.WebClient;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The security headers on every kind of answer, and the pages that run scripts (mermaid diagrams, notebook cells,
 * the live console, the quiz builder and question editor) working in a real browser under the Content Security
 * Policy without a single violation; the return address after signing in cannot lead off the kit.
 */
class SecurityHeadersBrowserIT {

    @RegisterExtension
    static final RunningKit running = RunningKit.withBrowser();

    /** Collects the page's Content-Security-Policy violations from before its first script runs. */
    static final String RECORD_VIOLATIONS = "window.__csp = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + "  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber);"
            + "}, true);";

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void recordViolations() {
        browser = running.browser();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
        browser.manage().deleteAllCookies();
    }

    @SuppressWarnings("unchecked")
    List<String> violations() {
        Object v = browser.executeScript("return window.__csp || ['the recorder did not run'];");
        return new ArrayList<>((List<String>) v);
    }

    void open(String path, List<String> seen) {
        if (!browser.getCurrentUrl().startsWith("data:")) {
            seen.addAll(violations());
        }
        browser.get(running.url(path));
    }

    void signIn(String user, String password, String next) {
        browser.get(running.url("/sign-in?next=" + next));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main form button[type='submit']")).click();
        wait.withMessage(() -> "after signing in the browser is at " + browser.getCurrentUrl())
                .until(d -> !d.getCurrentUrl().contains("/sign-in"));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        WebClient c = running.client();
        for (String path : new String[] {"/", "/sign-in", "/assets/css/kit.css", "/no-such-page", "/health",
                "/api/submissions/1", "/webjars/mermaid/" + BuildInfo.load().mermaidVersion() + "/dist/mermaid.min.js"}) {
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(running.url(path))).GET().build());
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'self'")
                            .doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("SAMEORIGIN");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
        }
    }

    @Test
    void signingInWithAReturnAddressToAnotherSiteStaysOnTheKit() {
        // another origin that answers at once (nothing listens on port 1), so a browser sent there shows it
        signIn("student", "m2m-student", "/%09/localhost:1/phish");
        URI at = URI.create(browser.getCurrentUrl());
        assertThat(at.getScheme()).as(at.toString()).isEqualTo("http");
        assertThat(at.getHost()).isEqualTo("127.0.0.1");
        assertThat(at.getPort()).isEqualTo(running.port());
        assertThat(at.getPath()).isEqualTo("/");
    }

    @Test
    void theScriptedPagesWorkUnderThePolicyWithoutAViolation() {
        List<String> seen = new ArrayList<>();
        signIn("instructor", "m2m-instructor", "/lessons/gateways");

        // a lesson with a mermaid diagram and notebook cells
        wait.until(d -> d.findElements(By.cssSelector("pre.mermaid svg")).size() > 0);
        wait.until(d -> "ready".equals(d.findElement(By.tagName("html")).getAttribute("data-jshell")));
        WebElement cell = browser.findElements(By.cssSelector(".lesson-body .jshell")).get(0);
        browser.executeScript("arguments[0].querySelector('.CodeMirror').CodeMirror.setValue(arguments[1]);",
                cell, "6 * 7");
        cell.findElement(By.cssSelector(".CodeMirror textarea")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        wait.until(d -> cell.findElement(By.cssSelector(".jshell-output")).getText().contains("==> 42"));

        // the live console, fed by server-sent events
        open("/labs/live", seen);
        browser.findElement(By.cssSelector("#start-form button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-info"), "Area live-"));
        WebElement stop = browser.findElement(By.xpath("//button[normalize-space()='Stop the run']"));
        wait.until(ExpectedConditions.elementToBeClickable(stop)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-info"), "No run is going."));

        // the quiz builder, and a question's editor with its preview
        open("/quizzes/manage", seen);
        String edit = browser.findElements(By.cssSelector("a[href$='/edit']")).get(0).getAttribute("href");
        open(URI.create(edit).getPath(), seen);
        wait.until(d -> d.findElement(By.cssSelector("main")).isDisplayed());
        open("/quizzes/bank", seen);
        String question = browser.findElements(By.cssSelector("a[href^='/quizzes/bank/questions/']")).get(0)
                .getAttribute("href");
        open(URI.create(question).getPath(), seen);
        WebElement preview = wait.until(d -> d.findElement(By.cssSelector("form.preview-form")));
        String before = browser.getCurrentUrl();
        browser.executeScript("arguments[0].requestSubmit();", preview);
        assertThat(browser.getCurrentUrl()).isEqualTo(before);

        seen.addAll(violations());
        assertThat(seen).isEmpty();
    }
}
