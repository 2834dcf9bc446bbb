package org.m2mkit.web.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.content.ContentLoader;
import org.m2mkit.web.testing.Browser;
import org.m2mkit.web.testing.RunningKit;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

/** The home page in a real browser: objectives listed, the cycle diagram drawn by mermaid, sections linked. */
class HomePageBrowserIT {

    @RegisterExtension
    static final RunningKit running = RunningKit.withBrowser();

    @Test
    void theHomePageShowsTheObjectivesAndDrawsTheCycleDiagram() throws Exception {
        running.browser().get("http://127.0.0.1:" + running.port() + "/");
        var chapter = ContentLoader.load();
        String text = running.browser().findElement(By.tagName("main")).getText();
        chapter.objectives().forEach(o -> assertThat(text).contains(o.title()));

        // mermaid replaced the diagram's source with a drawing of the six steps' participants
        assertThat(Browser.text(running.browser(), By.cssSelector("pre.mermaid svg"), t -> t.contains("HVAC unit")))
                .contains("M2M gateway").contains("74 °F");
        assertThat(running.browser().findElements(By.cssSelector("pre.mermaid[data-processed]"))).isNotEmpty();

        List<String> links = running.browser().findElements(By.cssSelector("a[href^='/lessons/']")).stream()
                .map(a -> a.getAttribute("href")).toList();
        chapter.lessons().forEach(l -> assertThat(links).anyMatch(h -> h.endsWith("/lessons/" + l.id())));

        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve("home.png"), running.browser().getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aSectionPageLinksToTheNextSection() {
        var lessons = ContentLoader.load().lessons();
        running.browser().get("http://127.0.0.1:" + running.port() + "/lessons/" + lessons.get(0).id());
        running.browser().findElement(By.cssSelector("a[rel='next']")).click();
        Browser.arrive(running.browser(), u -> u.endsWith("/lessons/" + lessons.get(1).id()));
        assertThat(running.browser().findElement(By.tagName("h1")).getText()).isEqualTo(lessons.get(1).title());
    }
}
