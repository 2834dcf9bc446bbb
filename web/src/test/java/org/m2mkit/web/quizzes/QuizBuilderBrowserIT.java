package org.m2mkit.web.quizzes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.SignIn;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The quiz builder: the fixed-question picker filters as one types, and saving the settings says so. */
class QuizBuilderBrowserIT {

    @RegisterExtension
    static final RunningKit running = RunningKit.withBrowser();

    static List<WebElement> shown(WebDriver d) {
        return d.findElements(By.cssSelector("#fixed-question option[data-search]")).stream()
                .filter(o -> o.getDomProperty("hidden").equals("false")).toList();
    }

    @Test
    void thePickerFiltersTheBankAndSavingTheSettingsIsConfirmed() {
        SignIn.as(running, "instructor", "m2m-instructor", "/quizzes/manage");
        String edit = running.waiting(30).until(d -> d.findElements(By.cssSelector("a[href$='/edit']")).stream()
                .map(a -> a.getAttribute("href")).findFirst().orElse(null));
        running.browser().get(edit);
        WebDriver browser = running.browser();
        int all = shown(browser).size();
        assertThat(all).as("questions in the picker").isGreaterThan(10);

        WebElement filter = running.waiting(30).until(d -> d.findElement(By.id("fixed-filter")));
        assertThat(filter.isDisplayed()).isTrue();
        filter.sendKeys("mqtt");
        running.waiting(30).until(d -> shown(d).size() < all && !shown(d).isEmpty());
        assertThat(shown(browser)).allSatisfy(o -> assertThat(o.getAttribute("data-search")).contains("mqtt"));
        assertThat(browser.findElement(By.id("fixed-filter-count")).getText()).endsWith("questions match");
        filter.sendKeys(" no-such-word-anywhere");
        running.waiting(30).until(d -> shown(d).isEmpty());

        browser.findElement(By.xpath("//button[normalize-space()='Save settings']")).click();
        running.waiting(30).until(d -> !d.findElements(By.id("settings-notice")).isEmpty());
        assertThat(browser.findElement(By.id("settings-notice")).getText()).isEqualTo("Settings saved.");
    }
}
