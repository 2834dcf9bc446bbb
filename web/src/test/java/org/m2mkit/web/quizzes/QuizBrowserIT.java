package org.m2mkit.web.quizzes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.web.app.Kit;
import org.m2mkit.web.config.KitConfig;
import org.m2mkit.web.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Acceptance 1 in a real browser: an instructor imports a bank, builds a quiz with a random draw by tag, previews
 * it and publishes it; a student answers, the browser is closed mid-attempt and a new one opened, the answers are
 * still there; the student submits; the instructor sees the analytics. And the question editor and slot order: an
 * instructor writes a numeric and a multiple-answer question (with a negative weight) in the form, puts them in a
 * quiz, reorders the slots with the keyboard, publishes, and a student gets the questions in the new order.
 */
class QuizBrowserIT {

    @TempDir
    static Path data;

    static Kit kit;

    static final String BANK = String.join("\n",
            "$CATEGORY: M2M/Protocols", "",
            "// [tag:topic:brokers]", "::Broker::Which protocol publishes to topics on a broker?{=MQTT#Yes. ~HTTP ~FTP}", "",
            "// [tag:topic:brokers]", "::Constrained::Which protocol suits constrained devices over UDP?{=CoAP ~SMTP ~FTP}", "",
            "// [tag:topic:brokers]", "::Standard::Name the OMA device management standard for M2M.{=LwM2M =Lightweight M2M}", "",
            "// [tag:objective:cellular]", "::Cellular::NB-IoT is a cellular technology.{TRUE}", "");

    @BeforeAll
    static void start() {
        kit = Kit.start(KitConfig.forTests(data));
    }

    @AfterAll
    static void stop() {
        kit.close();
    }

    String url(String path) {
        return "http://127.0.0.1:" + kit.port() + path;
    }

    void signIn(WebDriver browser, String user, String password, String path) {
        browser.get(url(path));
        Browser.arrive(browser, u -> u.contains("/sign-in"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]")).click();
        Browser.arrive(browser, u -> u.endsWith(path));
    }

    static void shot(WebDriver browser, String name) throws Exception {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve(name + ".png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void buildTakeCloseReopenSubmitAndAnalyse() throws Exception {
        Path gift = Files.writeString(data.resolve("protocols.gift"), BANK);
        String attemptUrl;
        String quizPath;
        ChromeDriver teacher = Browser.start();
        try {
            signIn(teacher, "instructor", "m2m-instructor", "/quizzes/import");
            teacher.findElement(By.id("file")).sendKeys(gift.toAbsolutePath().toString());
            teacher.findElement(By.id("bank-name")).sendKeys("Protocols");
            teacher.findElement(By.cssSelector("form[action='/quizzes/import'] button[type=submit]")).click();
            assertThat(Browser.text(teacher, By.id("imported"))).isEqualTo("Imported 4 questions.");

            teacher.get(url("/quizzes/manage"));
            teacher.findElement(By.id("new-title")).sendKeys("Select M2M protocols");
            teacher.findElement(By.id("create-quiz")).click();
            Browser.arrive(teacher, u -> u.endsWith("/edit"));
            quizPath = teacher.getCurrentUrl().replaceAll("^https?://[^/]+", "").replace("/edit", "");
            new Select(teacher.findElement(By.id("draw-tag"))).selectByValue("topic:brokers");
            WebElement count = teacher.findElement(By.id("draw-count"));
            count.clear();
            count.sendKeys("2");
            teacher.findElement(By.id("add-draw")).click();
            assertThat(Browser.text(teacher, By.cssSelector("ol.slots"), t -> t.contains("random")))
                    .contains("2 random from tag “topic:brokers”");
            shot(teacher, "quiz-builder");

            teacher.findElement(By.id("preview")).click();
            Browser.arrive(teacher, u -> u.contains("/quizzes/attempts/"));
            assertThat(teacher.findElement(By.cssSelector(".eyebrow")).getText()).isEqualToIgnoringCase("Preview as a student");
            assertThat(teacher.findElements(By.cssSelector("section.question"))).hasSize(2);
            teacher.navigate().back();
            Browser.element(teacher, By.id("publish")).click();
            assertThat(Browser.text(teacher, By.id("status"), t -> t.equalsIgnoreCase("Published")))
                    .isEqualToIgnoringCase("Published");
        } finally {
            teacher.quit();
        }

        List<String> answers = new ArrayList<>();
        ChromeDriver student = Browser.start();
        try {
            signIn(student, "student", "m2m-student", quizPath);
            student.findElement(By.id("start")).click();
            Browser.arrive(student, u -> u.contains("/quizzes/attempts/"));
            attemptUrl = student.getCurrentUrl();
            List<String> questions = student.findElements(By.cssSelector("section.question")).stream()
                    .map(q -> q.getAttribute("id")).toList();
            for (String id : questions) {
                WebElement q = student.findElement(By.id(id));
                if ("radio".equals(q.getAttribute("data-input"))) {
                    WebElement first = q.findElement(By.cssSelector("input[type=radio]"));
                    q.findElement(By.cssSelector("label[for='" + first.getAttribute("id") + "']")).click();
                    answers.add("radio:" + first.getAttribute("id"));
                } else {
                    q.findElement(By.cssSelector("input[type=text]")).sendKeys("lwm2m");
                    answers.add("text:" + q.getAttribute("id") + "-answer");
                }
                Browser.text(student, By.cssSelector("[id='" + id + "'] .save-state"), t -> t.startsWith("Saved "));
            }
            shot(student, "quiz-attempt");
        } finally {
            student.quit(); // the browser is closed mid-attempt
        }

        ChromeDriver reopened = Browser.start();
        try {
            signIn(reopened, "student", "m2m-student", quizPath);
            assertThat(reopened.findElement(By.id("start")).getText()).isEqualTo("Continue your attempt");
            reopened.findElement(By.id("start")).click();
            Browser.arrive(reopened, u -> u.equals(attemptUrl));
            for (String a : answers) {
                WebElement input = reopened.findElement(By.id(a.substring(a.indexOf(':') + 1)));
                if (a.startsWith("radio:")) {
                    assertThat(input.isSelected()).as(a).isTrue();
                } else {
                    assertThat(input.getAttribute("value")).as(a).isEqualTo("lwm2m");
                }
            }
            reopened.findElement(By.id("finish")).click();
            Browser.element(reopened, By.id("submit-attempt"));
            assertThat(reopened.findElement(By.tagName("main")).getText()).contains("Every question has an answer");
            reopened.findElement(By.id("submit-attempt")).click();
            assertThat(Browser.text(reopened, By.id("score"))).contains("of 2.00");
            shot(reopened, "quiz-results");
        } finally {
            reopened.quit();
        }

        ChromeDriver analytics = Browser.start();
        try {
            signIn(analytics, "instructor", "m2m-instructor", quizPath + "/analytics");
            assertThat(analytics.findElement(By.id("attempt-count")).getText()).isEqualTo("1");
            assertThat(analytics.findElements(By.cssSelector("svg.chart"))).hasSizeGreaterThanOrEqualTo(2);
            assertThat(analytics.findElement(By.id("item-table")).getText()).containsAnyOf("Broker", "Constrained", "Standard");
            shot(analytics, "quiz-analytics");
        } finally {
            analytics.quit();
        }
    }

    static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Checks at a phone's width that nothing on the page, its header included, is wider than the screen. */
    static void fitsAPhone(ChromeDriver browser, String shotName) throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        Object wide = browser.executeScript("var w = document.documentElement.clientWidth; return Array.prototype.slice"
                + ".call(document.querySelectorAll('body *')).filter(function (e) { return e.getBoundingClientRect().right > w + 1; })"
                + ".map(function (e) { return e.tagName + '#' + e.id + '.' + e.className; }).join(' ');");
        assertThat((String) wide).as("nothing wider than a phone's screen").isEmpty();
        shot(browser, shotName);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    static String focused(WebDriver browser) {
        return browser.switchTo().activeElement().getAttribute("id");
    }

    @Test
    void writeQuestionsInTheFormReorderTheQuizAndTheStudentSeesTheNewOrder() throws Exception {
        String quizPath;
        ChromeDriver teacher = Browser.start();
        try {
            signIn(teacher, "instructor", "m2m-instructor", "/quizzes/bank");
            WebElement newLink = teacher.findElement(By.cssSelector("a[id^='new-question-']"));
            String newPath = newLink.getAttribute("href").replaceAll("^https?://[^/]+", "");
            newLink.click();
            Browser.element(teacher, By.cssSelector("label[for='type-numeric']")).click();
            teacher.findElement(By.id("choose-type")).click();
            Browser.element(teacher, By.id("question-form"));

            type(teacher, "f-name", "Editor report delay");
            type(teacher, "f-text", "After how many milliseconds does the gateway report to the cloud?");
            type(teacher, "f-row-0-value", "500");
            type(teacher, "f-row-0-feedback", "Exactly.");
            type(teacher, "f-row-1-min", "400");
            type(teacher, "f-row-1-max", "600");
            type(teacher, "f-row-1-percent", "150");
            type(teacher, "f-objective", "autonomy");
            teacher.findElement(By.id("add-rows")).click();
            assertThat(teacher.findElements(By.cssSelector("fieldset.answer-row"))).hasSize(3);
            assertThat(focused(teacher)).isEqualTo("f-row-2-value");
            teacher.findElement(By.id("save-question")).click();
            assertThat(Browser.text(teacher, By.id("problems")))
                    .contains("Accepted number 2: the credit '150' is not accepted");
            Browser.until(teacher, d -> "problems".equals(focused(d))); // the list of problems gets the focus
            assertThat(teacher.findElement(By.id("f-row-1-percent-error")).isDisplayed()).isTrue();
            assertThat(teacher.findElement(By.id("f-row-0-value")).getAttribute("value")).isEqualTo("500");
            teacher.executeScript("document.getElementById('f-rows').scrollIntoView();");
            shot(teacher, "question-editor-problem");

            type(teacher, "f-row-1-percent", "50");
            type(teacher, "f-row-1-feedback", "Close.");
            teacher.findElement(By.id("preview-question")).click();
            assertThat(Browser.text(teacher, By.id("preview"))).contains("After how many milliseconds")
                    .contains("not saved yet");
            fitsAPhone(teacher, "question-editor-phone");
            teacher.findElement(By.id("save-question")).click();
            assertThat(Browser.text(teacher, By.id("saved-notice"))).startsWith("Saved as version 1");
            shot(teacher, "question-editor");

            teacher.get(url(newPath + "?type=multiple"));
            type(teacher, "f-name", "Editor cellular pick");
            type(teacher, "f-text", "Which are low-power cellular technologies?");
            String[][] answers = {{"LTE-M", "50"}, {"NB-IoT", "50"}, {"Wi-Fi", "-100"}};
            for (int i = 0; i < answers.length; i++) {
                type(teacher, "f-row-" + i + "-text", answers[i][0]);
                type(teacher, "f-row-" + i + "-percent", answers[i][1]);
            }
            type(teacher, "f-row-2-feedback", "Wi-Fi is not cellular.");
            teacher.findElement(By.cssSelector("#row-3 button.remove-row")).click();
            assertThat(teacher.findElements(By.cssSelector("fieldset.answer-row"))).hasSize(3);
            teacher.findElement(By.id("save-question")).click();
            assertThat(Browser.text(teacher, By.id("saved-notice"))).startsWith("Saved as version 1");
            assertThat(teacher.findElement(By.id("f-row-2-percent")).getAttribute("value")).isEqualTo("-100");

            teacher.get(url("/quizzes/manage"));
            teacher.findElement(By.id("new-title")).sendKeys("Written in the editor");
            teacher.findElement(By.id("create-quiz")).click();
            Browser.arrive(teacher, u -> u.endsWith("/edit"));
            quizPath = teacher.getCurrentUrl().replaceAll("^https?://[^/]+", "").replace("/edit", "");
            for (String name : List.of("Editor report delay (numeric)", "Editor cellular pick (multiple)")) {
                new Select(teacher.findElement(By.id("fixed-question"))).selectByVisibleText(name);
                teacher.findElement(By.id("add-question")).click();
                Browser.text(teacher, By.cssSelector("ol.slots"), t -> t.contains(name.replaceAll(" \\(.*", "")));
            }
            List<WebElement> slots = teacher.findElements(By.cssSelector("ol.slots > li"));
            assertThat(slots.get(0).getText()).contains("Editor report delay");
            String moved = slots.get(1).getAttribute("id");
            WebElement up = teacher.findElement(By.id(moved + "-up"));
            teacher.executeScript("arguments[0].focus();", up);
            up.sendKeys(Keys.ENTER);
            Browser.arrive(teacher, u -> u.contains("moved="));
            assertThat(Browser.text(teacher, By.id("moved-notice")))
                    .isEqualTo("Moved “Editor cellular pick” to position 1 of 2.");
            Browser.until(teacher, d -> (moved + "-down").equals(focused(d))); // focus stays on the moved slot
            assertThat(teacher.findElements(By.cssSelector("ol.slots > li")).get(0).getText()).contains("Editor cellular pick");
            shot(teacher, "quiz-builder-reordered");
            fitsAPhone(teacher, "quiz-builder-phone");
            teacher.findElement(By.id("publish")).click();
            assertThat(Browser.text(teacher, By.id("status"), t -> t.equalsIgnoreCase("Published")))
                    .isEqualToIgnoringCase("Published");
        } finally {
            teacher.quit();
        }

        ChromeDriver student = Browser.start();
        try {
            signIn(student, "student", "m2m-student", quizPath);
            student.findElement(By.id("start")).click();
            Browser.arrive(student, u -> u.contains("/quizzes/attempts/"));
            // the new order, told by the questions' texts: a question's name is the instructor's, not shown here
            assertThat(student.findElements(By.cssSelector("section.question .question-name"))).isEmpty();
            assertThat(student.findElement(By.tagName("main")).getText()).doesNotContain("Editor cellular pick");
            assertThat(student.findElements(By.cssSelector("section.question")).get(0).getText()).contains("Wi-Fi");
        } finally {
            student.quit();
        }
    }
}
