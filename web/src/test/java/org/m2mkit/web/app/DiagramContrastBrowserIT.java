package org.m2mkit.web.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.content.ContentLoader;
import org.m2mkit.web.testing.RunningKit;
import org.openqa.selenium.By;

/**
 * Every diagram the chapter draws (the home page's cycle and each lesson's figures) is readable: each text has at
 * least 4.5:1 contrast against what is painted behind it, and each connector line and arrowhead at least 3:1
 * (WCAG 2.1 AA, 1.4.3 and 1.4.11). The colours are measured in the page, after mermaid has drawn it.
 */
class DiagramContrastBrowserIT {

    @RegisterExtension
    static final RunningKit running = RunningKit.withBrowser();

    @Test
    void everyTextAndLineOfEveryDiagramHasEnoughContrast() throws IOException {
        List<String> pages = new ArrayList<>();
        pages.add("/");
        ContentLoader.load().lessons().stream().filter(l -> l.markdown().contains("```mermaid"))
                .forEach(l -> pages.add("/lessons/" + l.id()));
        assertThat(pages).contains("/lessons/autonomous-cycle");

        String measure = script("/browser/diagram-contrast.js");
        List<String> poor = new ArrayList<>();
        int texts = 0;
        for (String page : pages) {
            running.browser().get(running.url(page));
            running.waiting(30).until(d -> d.findElement(By.tagName("html"))
                    .getAttribute("data-diagrams") != null);
            assertThat(running.browser().findElement(By.tagName("html")).getAttribute("data-diagrams"))
                    .as("mermaid drew the diagrams of %s", page).isEqualTo("rendered");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> found = (List<Map<String, Object>>) running.browser().executeScript(measure);
            for (Map<String, Object> f : found) {
                double ratio = ((Number) f.get("ratio")).doubleValue();
                double needed = "text".equals(f.get("kind")) ? 4.5 : 3.0;
                texts += "text".equals(f.get("kind")) ? 1 : 0;
                if (ratio < needed) {
                    poor.add(String.format("%s: %s %s “%s” %s on %s is %.2f:1, needs %.1f:1", page, f.get("kind"),
                            f.get("what"), f.get("text"), f.get("fg"), f.get("bg"), ratio, needed));
                }
            }
        }
        assertThat(texts).as("texts measured").isGreaterThan(50);
        assertThat(poor).as("diagram texts and lines without enough contrast").isEmpty();
    }

    private static String script(String resource) throws IOException {
        try (InputStream in = DiagramContrastBrowserIT.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
