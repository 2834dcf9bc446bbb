package org.m2mkit.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void mermaidAndJshellFencesBecomeBlocksForThePageScripts() {
        String html = renderer.render("```mermaid\nsequenceDiagram\nA->>B: hi\n```\n\n```jshell\nint x = 1;\n```\n");
        assertThat(html).contains("<pre class=\"mermaid\">sequenceDiagram\nA-&gt;&gt;B: hi\n</pre>")
                .contains("<pre class=\"jshell-cell\">int x = 1;\n</pre>");
    }

    @Test
    void otherFencesKeepTheirLanguageClass() {
        assertThat(renderer.render("```java\nvar x = 1;\n```\n"))
                .contains("<pre><code class=\"language-java\">var x = 1;\n</code></pre>");
    }

    @Test
    void rawHtmlAndScriptUrlsAreNotPassedThrough() {
        String html = renderer.render("<script>alert(1)</script>\n\n[x](javascript:alert(1))\n");
        assertThat(html).doesNotContain("<script>").doesNotContain("javascript:");
    }

    @Test
    void tablesAndHeadingAnchorsRender() {
        String html = renderer.render("## Node types\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assertThat(html).contains("<h2 id=\"node-types\">").contains("<table>");
    }

    @Test
    void aCheckFenceBecomesAKnowledgeCheckWithItsGiftAndAReadableFallback() {
        String gift = "::kc-1:: Which node type is a gateway? {=high-end#Right. ~low-end#No: too small. ####Gateways run "
                + "a full OS & translate <protocols>.}";
        String html = renderer.render("```check\n" + gift + "\n```\n");
        assertThat(html).contains("<div class=\"knowledge-check\" data-gift=\"::kc-1:: Which node type is a gateway? "
                        + "{=high-end#Right. ~low-end#No: too small. ####Gateways run a full OS &amp; translate "
                        + "&lt;protocols&gt;.}\">")
                .contains("<details class=\"knowledge-check-fallback\">")
                .contains("<p class=\"knowledge-check-question\">Which node type is a gateway?</p>")
                .contains("<li>high-end</li>", "<li>low-end</li>")
                .contains("<li>high-end: Right.</li>")
                .contains("<p>Gateways run a full OS &amp; translate &lt;protocols&gt;.</p>")
                .doesNotContain("<protocols>");
    }

    @Test
    void theFallbackExplainsEachKindOfQuestion() {
        assertThat(renderer.render("```check\n::n:: Pi to two places? {#3.14:0.005####Pi is 3.14159.}\n```\n"))
                .contains("Answer with a number.").contains("<li>3.14 ± 0.005</li>");
        assertThat(renderer.render("```check\n::t:: MQTT uses a broker. {T####It does.}\n```\n"))
                .contains("True or false?").contains("<li>True</li>").contains("<li>False</li>");
        assertThat(renderer.render("```check\n::m:: Match. {=AE -> application =CSE -> common services ####x}\n```\n"))
                .contains("Match each item").contains("<li>AE</li>").contains("Partners: application · common services");
        assertThat(renderer.render("```check\n::w:: Pick two. {~%50%a ~%50%b ~%-100%c ####x}\n```\n"))
                .contains("Choose every answer that applies.");
        assertThat(renderer.render("```check\n::s:: Gateway node in oneM2M? {=MN =middle node ####x}\n```\n"))
                .contains("Answer in a word or a short phrase.").contains("<li>MN</li>");
    }

    @Test
    void aMalformedCheckIsShownAsTextAndMarkedInvalid() {
        String html = renderer.render("```check\n::broken:: Missing its closing brace {=a ~b\n```\n");
        assertThat(html).contains("class=\"knowledge-check knowledge-check-invalid\"")
                .contains("<pre>::broken:: Missing its closing brace {=a ~b\n</pre>")
                .doesNotContain("<details");
    }
}
