package org.m2mkit.content;

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
 * blocks become {@code <pre class="jshell-cell">} that the lesson page makes runnable.
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
    }
}
