package org.m2mkit.content;

import java.math.BigDecimal;
import java.util.ArrayList;
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
import org.m2mkit.content.questions.Body;
import org.m2mkit.content.questions.Choice;
import org.m2mkit.content.questions.GiftParser;
import org.m2mkit.content.questions.NumericAnswer;
import org.m2mkit.content.questions.Problem;
import org.m2mkit.content.questions.Question;

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
            // a wide table scrolls sideways (the page's style sheet): it takes the keyboard's focus to scroll it too
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof org.commonmark.ext.gfm.tables.TableBlock) {
                    attributes.put("tabindex", "0");
                }
            })
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
                case "jshell" -> {
                    // read-only code for a visitor (signed in, the page makes it an editor): scrolled by keyboard too
                    Map<String, String> attributes = new LinkedHashMap<>();
                    attributes.put("class", "jshell-cell");
                    attributes.put("tabindex", "0");
                    html.tag("pre", attributes);
                }
                default -> {
                    // a long line scrolls the block sideways: it takes the keyboard's focus to scroll it too
                    html.tag("pre", Map.of("tabindex", "0"));
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
            List<Problem> problems = new ArrayList<>();
            List<Question> questions = new GiftParser().parse(gift, problems);
            boolean valid = problems.isEmpty() && questions.size() == 1
                    && !(questions.get(0).body() instanceof Body.Description);
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
                fallback(questions.get(0), Fallback.of(questions.get(0).body()));
            }
            html.tag("/div");
            html.line();
        }

        private void fallback(Question q, Fallback f) {
            html.tag("details", Map.of("class", "knowledge-check-fallback"));
            html.tag("summary");
            html.text("Knowledge check");
            html.tag("/summary");
            html.tag("p", Map.of("class", "knowledge-check-question"));
            html.text(q.text());
            html.tag("/p");
            html.tag("p", Map.of("class", "knowledge-check-kind"));
            html.text(f.instructions());
            html.tag("/p");
            if (!f.options().isEmpty()) {
                list(f.options());
            }
            if (!f.partners().isEmpty()) {
                html.tag("p");
                html.text("Partners: " + String.join(" · ", f.partners()));
                html.tag("/p");
            }
            html.tag("details", Map.of("class", "knowledge-check-answer"));
            html.tag("summary");
            html.text("Answer");
            html.tag("/summary");
            list(f.answers());
            if (!q.generalFeedback().isEmpty()) {
                html.tag("p");
                html.text(q.generalFeedback());
                html.tag("/p");
            }
            html.tag("/details");
            html.tag("/details");
            html.line();
        }

        private void list(List<String> items) {
            html.tag("ul");
            for (String item : items) {
                html.tag("li");
                html.text(item);
                html.tag("/li");
            }
            html.tag("/ul");
        }
    }

    /**
     * What the no-script view of a knowledge check shows: how to answer, the options to choose from, the partners of
     * a matching question, and the right answers with their feedback.
     */
    private record Fallback(String instructions, List<String> options, List<String> partners, List<String> answers) {

        static Fallback of(Body body) {
            if (body instanceof Body.SingleChoice s) {
                return choices("Choose one answer.", s.choices());
            } else if (body instanceof Body.MultipleAnswer m) {
                return choices("Choose every answer that applies.", m.choices());
            } else if (body instanceof Body.TrueFalse t) {
                String feedback = t.answer() ? t.feedbackIfTrue() : t.feedbackIfFalse();
                return new Fallback("True or false?", List.of("True", "False"), List.of(),
                        List.of(withFeedback(t.answer() ? "True" : "False", feedback)));
            } else if (body instanceof Body.Numeric n) {
                return new Fallback("Answer with a number.", List.of(), List.of(), n.answers().stream()
                        .filter(a -> a.percent() > 0).map(a -> withFeedback(number(a), a.feedback())).toList());
            } else if (body instanceof Body.ShortAnswer s) {
                return new Fallback("Answer in a word or a short phrase.", List.of(), List.of(), right(s.answers()));
            } else if (body instanceof Body.Matching m) {
                List<Body.Matching.Pair> prompts = m.prompts();
                return new Fallback("Match each item on the left with its partner.",
                        prompts.stream().map(Body.Matching.Pair::left).toList(),
                        m.rightItems().stream().sorted().toList(),
                        prompts.stream().map(p -> p.left() + " → " + p.right()).toList());
            } else if (body instanceof Body.Ordering o) {
                return new Fallback("Put the items in order.", o.items().stream().sorted().toList(), List.of(),
                        o.items());
            } else if (body instanceof Body.Code) {
                return new Fallback("Answer with Java code.", List.of(), List.of(), List.of());
            }
            return new Fallback("Answer in your own words.", List.of(), List.of(), List.of());
        }

        private static Fallback choices(String instructions, List<Choice> choices) {
            return new Fallback(instructions, choices.stream().map(Choice::text).toList(), List.of(), right(choices));
        }

        private static List<String> right(List<Choice> choices) {
            return choices.stream().filter(c -> c.percent() > 0).map(c -> withFeedback(c.text(), c.feedback())).toList();
        }

        private static String withFeedback(String answer, String feedback) {
            return feedback.isEmpty() ? answer : answer + ": " + feedback;
        }

        /** A numeric answer as GIFT writes it, with a plus-minus sign for the tolerance and "to" for a range. */
        private static String number(NumericAnswer a) {
            if (a.range()) {
                return plain(a.a()) + " to " + plain(a.b());
            }
            return a.b() == 0 ? plain(a.a()) : plain(a.a()) + " ± " + plain(a.b());
        }

        private static String plain(double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
    }
}
