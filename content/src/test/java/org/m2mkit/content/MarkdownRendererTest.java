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
}
