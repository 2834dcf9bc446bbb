package org.m2mkit.web.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.m2mkit.content.ContentLoader;

/** Search snippets are the text a reader sees, with the words searched for marked. */
class ChapterSearchTest {

    final ChapterSearch search = new ChapterSearch(ContentLoader.load());

    @Test
    void snippetsHoldNoGiftAndNoMarkdownAndMarkTheMatches() {
        for (String q : List.of("gateway", "MQTT", "spike", "answer", "HVAC", "LwM2M", "CoAP")) {
            for (ChapterSearch.Hit h : search.search(q, 30)) {
                assertThat(h.snippet()).as(q + " in " + h.link()).doesNotContain("::").doesNotContain("](")
                        .doesNotContain("~%").doesNotContain("=%").doesNotContain("**");
                assertThat(h.pieces()).as(q + " in " + h.link()).anySatisfy(p -> {
                    assertThat(p.match()).isTrue();
                    assertThat(p.text()).isEqualToIgnoringCase(q);
                });
                assertThat(String.join("", h.pieces().stream().map(ChapterSearch.Piece::text).toList()))
                        .isEqualTo(h.snippet());
            }
        }
    }

    @Test
    void markdownBecomesPlainText() {
        assertThat(ChapterSearch.plain("- See [the broker](https://mosquitto.org) and **QoS 1**"))
                .isEqualTo("See the broker and   QoS 1  ");
        assertThat(ChapterSearch.plain("|---|:---:|")).isBlank();
    }
}
