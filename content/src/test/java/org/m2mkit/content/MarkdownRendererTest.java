package org.m2mkit.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    /** Renders one {@code check} fence holding {@code gift}. */
    private String check(String gift) {
        return renderer.render("```check\n" + gift + "\n```\n");
    }

    @Test
    void mermaidAndJshellFencesBecomeBlocksForThePageScripts() {
        String html = renderer.render("```mermaid\nsequenceDiagram\nA->>B: hi\n```\n\n```jshell\nint x = 1;\n```\n");
        assertThat(html).contains("<pre class=\"mermaid\">sequenceDiagram\nA-&gt;&gt;B: hi\n</pre>")
                .contains("<pre class=\"jshell-cell\" tabindex=\"0\">int x = 1;\n</pre>");
    }

    @Test
    void otherFencesKeepTheirLanguageClass() {
        assertThat(renderer.render("```java\nvar x = 1;\n```\n"))
                .contains("<pre tabindex=\"0\"><code class=\"language-java\">var x = 1;\n</code></pre>");
    }

    @Test
    void rawHtmlAndScriptUrlsAreNotPassedThrough() {
        String html = renderer.render("<script>alert(1)</script>\n\n[x](javascript:alert(1))\n");
        assertThat(html).doesNotContain("<script>").doesNotContain("javascript:");
    }

    @Test
    void tablesAndHeadingAnchorsRender() {
        String html = renderer.render("## Node types\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assertThat(html).contains("<h2 id=\"node-types\">").contains("<table tabindex=\"0\">");
    }

    @Test
    void aCheckFenceBecomesAKnowledgeCheckWithItsGiftAndAReadableFallback() {
        String gift = "::kc-1:: Which node type is a gateway? {=high-end#Right. ~low-end#No: too small. ####Gateways run "
                + "a full OS & translate <protocols>.}";
        String html = check(gift);
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
        assertThat(check("::n:: Pi to two places? {#3.14:0.005####Pi is 3.14159.}"))
                .contains("Answer with a number.").contains("<li>3.14 ± 0.005</li>");
        assertThat(check("::t:: MQTT uses a broker. {T####It does.}"))
                .contains("True or false?").contains("<li>True</li>").contains("<li>False</li>");
        assertThat(check("::m:: Match. {=AE -> application =CSE -> common services ####x}"))
                .contains("Match each item").contains("<li>AE</li>").contains("Partners: application · common services");
        assertThat(check("::w:: Pick two. {~%50%a ~%50%b ~%-100%c ####x}"))
                .contains("Choose every answer that applies.");
        assertThat(check("::s:: Gateway node in oneM2M? {=MN =middle node ####x}"))
                .contains("Answer in a word or a short phrase.").contains("<li>MN</li>");
    }

    @Test
    void escapedSignsStayTextInTheFallback() {
        String html = check("::e:: Is 2 + 2 \\= 4 in \\{braces\\}? {=yes \\= right#ok ~no ####2 + 2 \\= 4.}");
        assertThat(html).contains("<p class=\"knowledge-check-question\">Is 2 + 2 = 4 in {braces}?</p>")
                .contains("<li>yes = right</li>", "<li>no</li>", "<li>yes = right: ok</li>", "<p>2 + 2 = 4.</p>");
    }

    @Test
    void aMissingWordQuestionShowsABlank() {
        assertThat(check("::mw:: LwM2M runs over {=CoAP ~MQTT} on UDP."))
                .contains("<p class=\"knowledge-check-question\">LwM2M runs over _____ on UDP.</p>")
                .contains("Choose one answer.");
    }

    @Test
    void numericAnswersShowEveryValueThatEarnsCredit() {
        assertThat(check("::n:: Pi? {#=%100%3.14:0.005#Good. =%50%3.1:0.1 ~3#No. ####Pi.}"))
                .contains("<ul><li>3.14 ± 0.005: Good.</li><li>3.1 ± 0.1</li></ul>").doesNotContain("<li>3: No.</li>");
        assertThat(check("::r:: Year? {#1817..1827####Morse.}"))
                .contains("<li>1817 to 1827</li>");
    }

    @Test
    void orderingListsTheItemsSortedAndAnswersInTheRightOrder() {
        String html = check("// [m2mkit:ordering]\n::o:: Order the steps. {=sense =decide =act ####x}");
        assertThat(html).contains("Put the items in order.")
                .contains("<ul><li>act</li><li>decide</li><li>sense</li></ul>")
                .contains("<summary>Answer</summary><ul><li>sense</li><li>decide</li><li>act</li></ul>");
    }

    @Test
    void aMatchingDistractorIsAPartnerOnly() {
        String html = check("::m:: Match. {=AE -> application =CSE -> common services = -> network ####x}");
        assertThat(html).contains("<ul><li>AE</li><li>CSE</li></ul>")
                .contains("Partners: application · common services · network")
                .contains("<ul><li>AE → application</li><li>CSE → common services</li></ul>");
    }

    @Test
    void aMalformedCheckIsShownAsTextAndMarkedInvalid() {
        String html = check("::broken:: Missing its closing brace {=a ~b");
        assertThat(html).contains("class=\"knowledge-check knowledge-check-invalid\"")
                .contains("<pre>::broken:: Missing its closing brace {=a ~b\n</pre>")
                .doesNotContain("<details");
        assertThat(check("::d:: Only a description, no answers."))
                .contains("knowledge-check-invalid");
        assertThat(check("::a:: One? {T}\n\n::b:: Two? {F}"))
                .contains("knowledge-check-invalid");
    }
}
