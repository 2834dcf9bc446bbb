package org.m2mkit.web.lessons;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.parser.Parser;
import org.m2mkit.content.questions.Body;
import org.m2mkit.content.questions.Choice;
import org.m2mkit.content.questions.GiftParser;
import org.m2mkit.content.questions.Grade;
import org.m2mkit.content.questions.Question;
import org.m2mkit.content.questions.Response;

/**
 * The knowledge checks of a page: the {@code check} fences of its Markdown, in page order, parsed as GIFT
 * questions. A check is shown without its answers; an answer is graded here, on the server.
 */
public final class Checks {

    /** A check as the page's script builds it: no answer key in it. */
    public record View(int index, String type, String text, List<Option> options, List<String> prompts) {}

    public record Option(String value, String label) {}

    /** The grade of one answer, with the feedback the author wrote. */
    public record Result(double fraction, boolean correct, List<String> feedback, String generalFeedback) {}

    private final List<Question> questions;

    private Checks(List<Question> questions) {
        this.questions = List.copyOf(questions);
    }

    /** The checks of a page's Markdown; a check that does not parse is left out (the content check reports it). */
    public static Checks of(String markdown, String source) {
        List<String> fences = new ArrayList<>();
        Parser.builder().build().parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if ("check".equals(block.getInfo().trim())) {
                    fences.add(block.getLiteral());
                }
            }
        });
        GiftParser gift = new GiftParser();
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < fences.size(); i++) {
            List<Question> parsed = gift.parse(fences.get(i), source + " check " + (i + 1));
            questions.add(parsed.size() == 1 ? parsed.get(0) : null);
        }
        return new Checks(questions);
    }

    public int size() {
        return questions.size();
    }

    /** The number of checks that can be answered on the page. */
    public int answerable() {
        return (int) questions.stream().filter(q -> q != null).count();
    }

    public List<View> views() {
        List<View> views = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            if (q != null) {
                views.add(view(i, q));
            }
        }
        return views;
    }

    private static View view(int index, Question q) {
        Body body = q.body();
        List<Option> options = new ArrayList<>();
        List<String> prompts = new ArrayList<>();
        String type = body.type();
        if (body instanceof Body.SingleChoice s) {
            options = numbered(s.choices());
        } else if (body instanceof Body.MultipleAnswer m) {
            options = numbered(m.choices());
        } else if (body instanceof Body.TrueFalse) {
            options = List.of(new Option("true", "True"), new Option("false", "False"));
        } else if (body instanceof Body.Matching m) {
            prompts = m.prompts().stream().map(Body.Matching.Pair::left).toList();
            options = m.rightItems().stream().sorted().map(r -> new Option(r, r)).toList();
        } else if (body instanceof Body.Ordering o) {
            options = scrambled(o.items(), q.text());
        }
        return new View(index, type, q.text(), options, prompts);
    }

    /**
     * An ordering's items in an order that gives nothing away: neither the answer's nor the alphabet's (which
     * listed "fifth, first, fourth, …"), and the same on every visit (seeded by the question).
     */
    static List<Option> scrambled(List<String> items, String seed) {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            options.add(new Option(String.valueOf(i), items.get(i)));
        }
        if (items.size() < 2) {
            return options;
        }
        java.util.Random random = new java.util.Random(seed.hashCode());
        List<Option> inOrder = List.copyOf(options);
        List<Option> sorted = options.stream().sorted(java.util.Comparator.comparing(Option::label)).toList();
        for (int tries = 0; tries < 20; tries++) {
            java.util.Collections.shuffle(options, random);
            if (!options.equals(inOrder) && (!options.equals(sorted) || items.size() == 2)) {
                return options;
            }
        }
        java.util.Collections.rotate(options, 1);
        return options;
    }

    private static List<Option> numbered(List<Choice> choices) {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            options.add(new Option(String.valueOf(i), choices.get(i).text()));
        }
        return options;
    }

    /** Whether check {@code index} asks for a number. */
    public boolean numeric(int index) {
        return index >= 0 && index < questions.size() && questions.get(index) != null
                && questions.get(index).body() instanceof Body.Numeric;
    }

    /** Grades an answer to check {@code index}; null when there is no such check. */
    public Result grade(int index, List<String> values) {
        if (index < 0 || index >= questions.size() || questions.get(index) == null) {
            return null;
        }
        Question q = questions.get(index);
        Grade g = q.grade(new Response(values));
        double fraction = g.fraction() == null ? 0 : g.fraction();
        List<String> feedback = g.feedback().stream().filter(f -> f != null && !f.isBlank()).toList();
        return new Result(fraction, fraction >= 0.999, feedback, q.generalFeedback());
    }
}
