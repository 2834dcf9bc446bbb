package org.m2mkit.web.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.web.testing.RunningKit;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * A lesson's code cells with the keyboard only (WCAG 2.1.2, no keyboard trap; 4.1.2, name): in a cell's editor
 * Tab indents, Escape then Tab moves the focus on, Escape then Shift+Tab moves it back, and the editor has a name
 * and a visible hint that says so.
 */
class CodeCellKeyboardBrowserIT {

    @RegisterExtension
    static final RunningKit running = RunningKit.withBrowser();

    /** Whether the focus is in the editor of the first code cell. */
    static boolean inFirstEditor(ChromeDriver browser) {
        return (Boolean) browser.executeScript("var cm = document.querySelector('.lesson-body .jshell .CodeMirror');"
                + "return cm !== null && cm.contains(document.activeElement);");
    }

    @Test
    void escapeThenTabLeavesTheEditorWhichHasANameAndAHint() {
        ChromeDriver browser = running.browser();
        running.signIn("student", "m2m-student", "/lessons/gateways");
        running.waiting(30).until(d -> "ready".equals(d.findElement(By.tagName("html")).getAttribute("data-jshell")));

        WebElement editor = running.waiting(30).until(d -> d.findElement(By.cssSelector(".lesson-body .jshell .CodeMirror")));
        editor.click();
        running.waiting(30).until(d -> inFirstEditor(browser));
        WebElement input = browser.switchTo().activeElement();
        assertThat(input.getAccessibleName()).as("the editor's accessible name").isEqualTo("Java code of cell 1");
        String hintId = input.getAttribute("aria-describedby");
        assertThat(hintId).as("the editor points at its keyboard hint").isNotBlank();
        WebElement hint = browser.findElement(By.id(hintId.split("\\s+")[0]));
        assertThat(hint.isDisplayed()).isTrue();
        assertThat(hint.getText()).contains("Esc").contains("Tab");

        // Tab alone stays in the editor (it indents or completes there)
        browser.executeScript("var cm = document.querySelector('.lesson-body .jshell .CodeMirror').CodeMirror;"
                + "cm.setCursor({line: cm.lastLine(), ch: cm.getLine(cm.lastLine()).length}); cm.replaceSelection('\\n');");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(inFirstEditor(browser)).as("Tab indents in the editor").isTrue();

        // Escape, then Tab: the focus moves on to what follows the editor
        new Actions(browser).sendKeys(Keys.ESCAPE).sendKeys(Keys.TAB).perform();
        running.waiting(30).until(d -> !inFirstEditor(browser));
        assertThat(browser.executeScript("return document.activeElement !== document.body;")).isEqualTo(true);

        // back into the editor with the mouse, then Escape and Shift+Tab go back to the cell's buttons
        editor = browser.findElement(By.cssSelector(".lesson-body .jshell .CodeMirror"));
        editor.click();
        running.waiting(30).until(d -> inFirstEditor(browser));
        new Actions(browser).sendKeys(Keys.ESCAPE).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        running.waiting(30).until(d -> !inFirstEditor(browser));
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Reset");
    }
}
