package org.m2mkit.content.questions;

import java.util.List;

/** Writes questions as GIFT that {@link GiftParser} (and Moodle, for the types it knows) reads back the same. */
public final class GiftWriter {

    public String write(List<Question> questions) {
        StringBuilder out = new StringBuilder();
        String category = "";
        for (Question q : questions) {
            if (!q.category().equals(category)) {
                out.append("$CATEGORY: ").append(q.category().isEmpty() ? "$course$/top" : escape(q.category()))
                        .append("\n\n");
                category = q.category();
            }
            write(q, out);
            out.append('\n');
        }
        return out.toString();
    }

    private void write(Question q, StringBuilder out) {
        for (String tag : q.tags()) {
            out.append("// [tag:").append(tag).append("]\n");
        }
        Body body = q.body();
        if (body instanceof Body.Ordering) {
            out.append("// [m2mkit:ordering]\n");
        }
        if (body instanceof Body.ShortAnswer s && s.caseSensitive()) {
            out.append("// [m2mkit:case-sensitive]\n");
        }
        if (body instanceof Body.Code c) {
            out.append("// [m2mkit:code ").append(c.check().kind().name().toLowerCase()).append("]\n");
            for (String line : c.check().check().split("\n", -1)) {
                out.append("// [m2mkit:check] ").append(line).append('\n');
            }
            if (!c.check().starter().isEmpty()) {
                for (String line : c.check().starter().split("\n", -1)) {
                    out.append("// [m2mkit:starter] ").append(line).append('\n');
                }
            }
        }
        if (!q.name().isEmpty()) {
            out.append("::").append(escape(q.name())).append("::");
        }
        if (q.format() != TextFormat.MOODLE || q.name().isEmpty() || q.text().startsWith("[")) {
            out.append('[').append(q.format().giftName()).append(']');
        }
        out.append(escape(q.text()));
        if (body instanceof Body.Description) {
            out.append('\n');
            return;
        }
        out.append(" {");
        answers(body, out);
        if (!q.generalFeedback().isEmpty()) {
            out.append("\n\t####").append(escape(q.generalFeedback()));
        }
        out.append(body instanceof Body.Essay || body instanceof Body.Code || body instanceof Body.TrueFalse
                ? (q.generalFeedback().isEmpty() ? "" : "\n") : "\n").append("}\n");
    }

    private void answers(Body body, StringBuilder out) {
        if (body instanceof Body.SingleChoice s) {
            s.choices().forEach(c -> choice(c.percent() >= 100 ? "=" : weight('~', c.percent(), 0), c.text(),
                    c.feedback(), out));
        } else if (body instanceof Body.MultipleAnswer m) {
            m.choices().forEach(c -> choice("~%" + GiftParser.plain(c.percent()) + "%", c.text(), c.feedback(), out));
        } else if (body instanceof Body.ShortAnswer s) {
            s.answers().forEach(c -> choice(weight('=', c.percent(), 100), c.text(), c.feedback(), out));
        } else if (body instanceof Body.TrueFalse t) {
            out.append(t.answer() ? "TRUE" : "FALSE");
            String wrong = t.answer() ? t.feedbackIfFalse() : t.feedbackIfTrue();
            String right = t.answer() ? t.feedbackIfTrue() : t.feedbackIfFalse();
            if (!wrong.isEmpty() || !right.isEmpty()) {
                out.append('#').append(escape(wrong));
            }
            if (!right.isEmpty()) {
                out.append('#').append(escape(right));
            }
        } else if (body instanceof Body.Numeric n) {
            out.append('#');
            for (NumericAnswer a : n.answers()) {
                String value = GiftParser.plain(a.a()) + (a.range() ? ".." : ":") + GiftParser.plain(a.b());
                choice(weight('=', a.percent(), 100), value, a.feedback(), out);
            }
            if (!n.otherwise().isEmpty()) {
                out.append("\n\t~#").append(escape(n.otherwise()));
            }
        } else if (body instanceof Body.Matching m) {
            m.pairs().forEach(p -> out.append("\n\t=").append(escape(p.left())).append(" -> ")
                    .append(escape(p.right())));
        } else if (body instanceof Body.Ordering o) {
            o.items().forEach(i -> out.append("\n\t=").append(escape(i)));
        }
    }

    private static String weight(char marker, double percent, double plain) {
        return Math.abs(percent - plain) < 1e-9 ? String.valueOf(marker) : marker + "%" + GiftParser.plain(percent) + "%";
    }

    private static void choice(String marker, String text, String feedback, StringBuilder out) {
        out.append("\n\t").append(marker).append(escape(text));
        if (!feedback.isEmpty()) {
            out.append('#').append(escape(feedback));
        }
    }

    /** Escapes GIFT's special characters and writes line breaks as {@code \n}. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '~', '=', '#', '{', '}', ':' -> b.append('\\').append(c);
                case '\n' -> b.append("\\n");
                case '\r' -> { }
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
