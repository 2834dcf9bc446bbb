package org.m2mkit.web.quizzes;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.m2mkit.content.MarkdownRenderer;
import org.m2mkit.content.questions.TextFormat;

/**
 * Question texts as safe HTML: HTML is cleaned to a list of harmless tags (jsoup's relaxed safelist), Markdown is
 * rendered with raw HTML escaped, and plain and Moodle-auto texts are escaped with line breaks kept.
 */
final class QuestionText {

    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
    private static final Safelist SAFE = Safelist.relaxed().removeProtocols("img", "src", "http", "https");

    private QuestionText() {}

    static String html(String text, TextFormat format) {
        return switch (format) {
            case HTML -> Jsoup.clean(text, SAFE);
            case MARKDOWN -> MARKDOWN.render(text);
            case MOODLE, PLAIN -> escape(text).replace("\n", "<br>");
        };
    }

    /** Answer texts follow the question's format, but stay inline. */
    static String inline(String text, TextFormat format) {
        return format == TextFormat.HTML ? Jsoup.clean(text, SAFE) : escape(text);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
