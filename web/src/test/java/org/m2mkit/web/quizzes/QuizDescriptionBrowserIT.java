package org.m2mkit.web.quizzes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.web.testing.RunningKit;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A quiz with a description (text only, no answer) in a real browser: the builder counts only the questions and
 * their marks, the description asks for no answer, and answering every question right scores 100 %.
 */
class QuizDescriptionBrowserIT {

    @RegisterExtension
    static final RunningKit running = RunningKit.withBrowser();

    static final String BANK = String.join("\n",
            "::Welcome::Read this first: every question is about the chapter's smart-metering area.", "",
            "::Broker::Which protocol publishes to topics on a broker?{=MQTT ~HTTP ~FTP}", "",
            "::Standard::Name the OMA device management standard for M2M.{=LwM2M}", "");

    void addFixed(ChromeDriver browser, String option) {
        new Select(running.waiting(30).until(d -> d.findElement(By.id("fixed-question")))).selectByVisibleText(option);
        browser.findElement(By.id("add-question")).click();
        running.waiting(30).until(d -> d.findElement(By.cssSelector("ol.slots")).getText().contains(option.split(" ")[0]));
    }

    @Test
    void aDescriptionCarriesNoMarksAndTheQuizCanScoreFullMarks() {
        ChromeDriver browser = running.browser();
        running.signIn("instructor", "m2m-instructor", "/quizzes/import");
        browser.executeScript("document.getElementById('text').value = arguments[0];", BANK);
        browser.findElement(By.id("bank-name")).sendKeys("Welcome bank");
        browser.findElement(By.cssSelector("form[action='/quizzes/import'] button[type=submit]")).click();
        assertThat(running.waiting(30).until(d -> d.findElement(By.id("imported"))).getText())
                .startsWith("Imported 3");

        browser.get(running.url("/quizzes/manage"));
        browser.findElement(By.id("new-title")).sendKeys("With a description");
        browser.findElement(By.id("create-quiz")).click();
        running.waiting(30).until(d -> d.getCurrentUrl().endsWith("/edit"));
        addFixed(browser, "Welcome (description)");
        addFixed(browser, "Broker (single)");
        addFixed(browser, "Standard (shortanswer)");
        String summary = browser.findElement(By.xpath("//p[starts-with(normalize-space(), 'Each attempt gets')]")).getText();
        assertThat(summary).as("the builder's summary").contains("2 questions worth 2 marks").doesNotContain("3 questions");
        assertThat(browser.findElement(By.cssSelector("ol.slots li:first-child")).getText()).contains("no marks");

        browser.findElement(By.id("preview")).click();
        running.waiting(30).until(d -> d.getCurrentUrl().contains("/quizzes/attempts/"));
        WebElement welcome = browser.findElement(By.cssSelector("section.question[data-input='none']"));
        assertThat(welcome.getText()).contains("Read this first").doesNotContainIgnoringCase("mark")
                .doesNotContain("Not answered yet");
        assertThat(browser.findElement(By.cssSelector(".attempt-bar")).getText()).contains("0 of 2 questions answered");
        assertThat(browser.findElements(By.cssSelector("section.question h2"))).extracting(WebElement::getText)
                .as("only the questions are numbered").containsExactly("Information · Welcome", "Question 1 · Broker",
                        "Question 2 · Standard");

        WebElement broker = browser.findElement(By.xpath("//section[contains(@class,'question')][.//label[normalize-space()='MQTT']]"));
        broker.findElement(By.xpath(".//label[normalize-space()='MQTT']")).click();
        running.waiting(30).until(d -> d.findElement(By.id(broker.getAttribute("id"))).findElement(By.cssSelector(".save-state"))
                .getText().startsWith("Saved"));
        WebElement standard = browser.findElement(By.cssSelector("section.question[data-input='text']"));
        standard.findElement(By.cssSelector("input[type=text]")).sendKeys("LwM2M");
        String standardId = standard.getAttribute("id");
        running.waiting(30).until(d -> d.findElement(By.id(standardId)).findElement(By.cssSelector(".save-state"))
                .getText().startsWith("Saved"));

        browser.findElement(By.id("finish")).click();
        running.waiting(30).until(d -> d.findElement(By.id("submit-attempt")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Every question has an answer");
        browser.findElement(By.id("submit-attempt")).click();
        String score = running.waiting(30).until(d -> d.findElement(By.id("score"))).getText();
        assertThat(score).as("the attempt's score").startsWith("2.00 of 2.00").contains("(100 %)");
        assertThat(browser.findElement(By.cssSelector("section.question[data-input='none']")).getText())
                .doesNotContainIgnoringCase("mark");
    }
}
