package org.m2mkit.web.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.content.ContentLoader;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.SignIn;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/** The layout at a laptop's and a phone's width: the navigation on one line, diagrams at a readable size. */
class LayoutBrowserIT {

    @RegisterExtension
    static final RunningKit running = RunningKit.withBrowser();

    static Object js(String script) {
        return ((JavascriptExecutor) running.browser()).executeScript(script);
    }

    @Test
    void theSignedInNavigationStaysOnOneLineAt1280Pixels() {
        running.browser().manage().window().setSize(new Dimension(1280, 900));
        for (String[] who : new String[][] {{"instructor", "m2m-instructor"}, {"student", "m2m-student"}}) {
            SignIn.as(running, who[0], who[1], "/quizzes");
            Object wrapped = js("var items = document.querySelectorAll('.site-header nav > *');"
                    + "var top = items[0].getBoundingClientRect().top; var out = [];"
                    + "document.querySelectorAll('.site-header a, .site-header button').forEach(function (a) {"
                    + "  if (a.getClientRects().length > 1) { out.push(a.textContent.trim() + ' wraps'); } });"
                    + "var nav = document.querySelector('.site-header nav'); var box = nav.getBoundingClientRect();"
                    + "if (box.height > 80) { out.push('the navigation is ' + box.height + ' px high'); }"
                    + "document.querySelectorAll('.site-header a, .site-header button').forEach(function (a) {"
                    + "  var r = a.getBoundingClientRect();"
                    + "  if (r.height > 40) { out.push(a.textContent.trim() + ' is ' + r.height + ' px high'); }"
                    + "  if (r.right > document.documentElement.clientWidth) { out.push(a.textContent.trim() + ' sticks out'); } });"
                    + "if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) {"
                    + "  out.push('the page scrolls sideways'); }"
                    + "return out.join('; ');");
            assertThat((String) wrapped).as(who[0] + "'s navigation at 1280 px").isEmpty();
        }
    }

    @Test
    void aLessonFigureKeepsAReadableSizeOnAPhoneAndScrollsSideways() throws Exception {
        String lesson = ContentLoader.load().lessons().stream().filter(l -> l.markdown().contains("```mermaid"))
                .map(l -> l.id()).findFirst().orElseThrow();
        ChromeDriver browser = running.browser();
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(running.url("/lessons/" + lesson));
        running.waiting(30).until(d -> "rendered".equals(js("return document.documentElement.dataset.diagrams;")));
        js("var f = document.querySelector('pre.mermaid'); window.scrollTo(0, f.getBoundingClientRect().top + window.scrollY - 120);");
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(shots.resolve("lesson-figure.png"), browser.getScreenshotAs(OutputType.BYTES));

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        running.waiting(30).until(d -> "rendered".equals(js("return document.documentElement.dataset.diagrams;")));
        Number shown = (Number) js("return document.querySelector('pre.mermaid svg').getBoundingClientRect().width;");
        Number natural = (Number) js("return parseFloat(document.querySelector('pre.mermaid svg').style.maxWidth);");
        assertThat(shown.doubleValue()).as("the figure's width on a phone")
                .isGreaterThanOrEqualTo(Math.min(natural.doubleValue(), 560) - 1);
        Object page = js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1;");
        assertThat(page).as("the page itself does not scroll sideways: the figure does").isEqualTo(true);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }
}
