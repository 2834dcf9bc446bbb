package org.m2mkit.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Turns lesson Markdown into HTML. Raw HTML in the source is escaped, never passed through. Fenced
 * {@code mermaid} blocks become {@code <pre class="mermaid">} for the diagram script; fenced {@code jshell}
 * blocks become {@code <pre class="jshell-cell">} that the lesson page makes runnable. Fenced {@code check}
 * blocks hold one GIFT question and become {@code <div class="knowledge-check" data-gift="...">} for the quiz
 * script, with the question, its options and the answer readable without scripts inside {@code <details>}.
 */
public final class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS =
            List.of(TablesExtension.create(), HeadingAnchorExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .nodeRendererFactory(SpecialBlocks::new)
            .build();

    public String render(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    /** Renders mermaid and jshell fences as blocks the page scripts pick up. */
    private static final class SpecialBlocks implements NodeRenderer {
        private final HtmlWriter html;

        SpecialBlocks(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(FencedCodeBlock.class);
        }

        @Override
        public void render(Node node) {
            FencedCodeBlock block = (FencedCodeBlock) node;
            String info = block.getInfo() == null ? "" : block.getInfo().trim();
            String language = info.split("\\s+", 2)[0];
            html.line();
            if (language.equals("check")) {
                knowledgeCheck(block.getLiteral());
                return;
            }
            switch (language) {
                case "mermaid" -> html.tag("pre", Map.of("class", "mermaid"));
                case "jshell" -> html.tag("pre", Map.of("class", "jshell-cell"));
                default -> {
                    html.tag("pre");
                    html.tag("code", language.isEmpty() ? Map.of() : Map.of("class", "language-" + language));
                }
            }
            html.text(block.getLiteral());
            if (!language.equals("mermaid") && !language.equals("jshell")) {
                html.tag("/code");
            }
            html.tag("/pre");
            html.line();
        }

        private void knowledgeCheck(String gift) {
            List<GiftOutline.Question> questions = GiftOutline.parse(gift);
            boolean valid = questions.size() == 1 && questions.get(0).problems().isEmpty()
                    && questions.get(0).type() != GiftOutline.Type.DESCRIPTION;
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("class", valid ? "knowledge-check" : "knowledge-check knowledge-check-invalid");
            attributes.put("data-gift", gift.strip());
            html.tag("div", attributes);
            html.line();
            if (!valid) {
                html.tag("pre");
                html.text(gift);
                html.tag("/pre");
            } else {
                fallback(questions.get(0));
            }
            html.tag("/div");
            html.line();
        }

        private void fallback(GiftOutline.Question q) {
            html.tag("details", Map.of("class", "knowledge-check-fallback"));
            html.tag("summary");
            html.text("Knowledge check");
            html.tag("/summary");
            html.tag("p", Map.of("class", "knowledge-check-question"));
            html.text(q.stem());
            html.tag("/p");
            html.tag("p", Map.of("class", "knowledge-check-kind"));
            html.text(instructions(q.type()));
            html.tag("/p");
            boolean listOptions = q.type() != GiftOutline.Type.NUMERICAL && q.type() != GiftOutline.Type.SHORTANSWER
                    && q.type() != GiftOutline.Type.ESSAY;
            if (listOptions) {
                html.tag("ul");
                for (GiftOutline.Option o : q.options()) {
                    html.tag("li");
                    html.text(q.type() == GiftOutline.Type.MATCHING ? o.text().replaceFirst(" → .*", "") : o.text());
                    html.tag("/li");
                }
                html.tag("/ul");
            }
            if (q.type() == GiftOutline.Type.MATCHING) {
                html.tag("p");
                html.text("Partners: " + String.join(" · ", q.options().stream()
                        .map(o -> o.text().replaceFirst(".* → ", "")).distinct().sorted().toList()));
                html.tag("/p");
            }
            html.tag("details", Map.of("class", "knowledge-check-answer"));
            html.tag("summary");
            html.text("Answer");
            html.tag("/summary");
            html.tag("ul");
            for (GiftOutline.Option o : q.options()) {
                if (o.right()) {
                    html.tag("li");
                    html.text(o.feedback().isEmpty() ? o.text() : o.text() + ": " + o.feedback());
                    html.tag("/li");
                }
            }
            html.tag("/ul");
            if (!q.generalFeedback().isEmpty()) {
                html.tag("p");
                html.text(q.generalFeedback());
                html.tag("/p");
            }
            html.tag("/details");
            html.tag("/details");
            html.line();
        }

        private static String instructions(GiftOutline.Type type) {
            return switch (type) {
                case MULTICHOICE -> "Choose one answer.";
                case MULTIANSWER -> "Choose every answer that applies.";
                case TRUEFALSE -> "True or false?";
                case NUMERICAL -> "Answer with a number.";
                case SHORTANSWER -> "Answer in a word or a short phrase.";
                case MATCHING -> "Match each item on the left with its partner.";
                default -> "Answer in your own words.";
            };
        }
    }
}
