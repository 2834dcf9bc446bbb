package org.m2mkit.web.quizzes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.m2mkit.content.questions.Body;
import org.m2mkit.content.questions.Choice;
import org.m2mkit.content.questions.NumericAnswer;
import org.m2mkit.content.questions.Question;
import org.m2mkit.content.questions.TextFormat;

/**
 * A question as a page shows it: safe HTML texts, the inputs for its type with the saved answer filled in, and,
 * when the feedback timing allows, the mark, the feedback and the right answer.
 *
 * @param number       the number a page shows, among the questions only; null for a description
 * @param field        the form field name prefix of this question, {@code q<position>}
 * @param input        radio, checkbox, text, number, textarea, code, matching, ordering or none
 * @param carriesMarks false for a description, which shows no mark, no answer state and no result
 */
public record QuestionView(int position, Integer number, String field, String name, String text, String type, String input,
                           double mark, boolean carriesMarks, List<Option> options, List<Prompt> prompts, String typed, boolean answered,
                           Instant savedAt, boolean showResult, Double earned, List<String> feedback,
                           String generalFeedback, String rightAnswer, boolean locked) {

    /** One choice: {@code value} is what the form sends; {@code label} is safe HTML for choices, plain text in drop-downs. */
    public record Option(String value, String label, boolean selected, boolean right) {}

    /** A drop-down: a matching prompt, or one place in an ordering. */
    public record Prompt(String field, String label, List<Option> choices, String rightText) {}

    static QuestionView of(Attempt attempt, Attempt.Item item, boolean showResult) {
        return build(item.position(), attempt.questionNumber(item), item.question().question(), item.mark(), item.displayOrder(), item.response(),
                item.savedAt(), showResult || item.checked(), item.earned(), item.feedback(), item.checked());
    }

    /** A question on its own, as a student would see it unanswered (the bank's preview). */
    static QuestionView preview(Question q) {
        return build(1, q.body().carriesMarks() ? 1 : null, q, 1, List.of(), List.of(), null, false, null, List.of(), false);
    }

    private static QuestionView build(int position, Integer number, Question q, double mark, List<Integer> order, List<String> response,
                                      Instant savedAt, boolean showResult, Double earned, List<String> feedback,
                                      boolean locked) {
        String field = "q" + position;
        TextFormat f = q.format();
        Body b = q.body();
        List<Option> options = new ArrayList<>();
        List<Prompt> prompts = new ArrayList<>();
        String typed = response.isEmpty() || response.get(0) == null ? "" : response.get(0);
        String input;
        String right = "";
        if (b instanceof Body.SingleChoice || b instanceof Body.MultipleAnswer) {
            List<Choice> choices = b instanceof Body.SingleChoice s ? s.choices() : ((Body.MultipleAnswer) b).choices();
            for (int k : order(order, choices.size())) {
                Choice c = choices.get(k);
                options.add(new Option(String.valueOf(k), QuestionText.inline(c.text(), f),
                        response.contains(String.valueOf(k)), c.percent() > 0));
            }
            input = b instanceof Body.SingleChoice ? "radio" : "checkbox";
            right = String.join("; ", choices.stream().filter(c -> c.percent() > 0).map(Choice::text).toList());
        } else if (b instanceof Body.TrueFalse t) {
            options.add(new Option("true", "True", typed.equals("true"), t.answer()));
            options.add(new Option("false", "False", typed.equals("false"), !t.answer()));
            input = "radio";
            right = t.answer() ? "True" : "False";
        } else if (b instanceof Body.ShortAnswer s) {
            input = "text";
            right = String.join(" or ", s.answers().stream().filter(a -> a.percent() >= 100).map(Choice::text).toList());
        } else if (b instanceof Body.Numeric n) {
            input = "number";
            right = String.join(" or ", n.answers().stream().filter(a -> a.percent() >= 100).map(QuestionView::numeric).toList());
        } else if (b instanceof Body.Matching m) {
            List<String> rights = m.rightItems();
            List<Body.Matching.Pair> asks = m.prompts();
            for (int i = 0; i < asks.size(); i++) {
                String chosen = i < response.size() ? response.get(i) : "";
                List<Option> choices = new ArrayList<>();
                for (int k : order(order, rights.size())) {
                    String r = rights.get(k);
                    choices.add(new Option(r, r, r.equals(chosen), r.equals(asks.get(i).right())));
                }
                prompts.add(new Prompt(field + "." + (i + 1), QuestionText.inline(asks.get(i).left(), f), choices,
                        asks.get(i).right()));
            }
            input = "matching";
            right = String.join("; ", asks.stream().map(p -> p.left() + " → " + p.right()).toList());
        } else if (b instanceof Body.Ordering o) {
            for (int place = 0; place < o.items().size(); place++) {
                String chosen = place < response.size() ? response.get(place) : "";
                List<Option> choices = new ArrayList<>();
                for (int k : order(order, o.items().size())) {
                    choices.add(new Option(String.valueOf(k), o.items().get(k),
                            String.valueOf(k).equals(chosen), k == place));
                }
                prompts.add(new Prompt(field + "." + (place + 1), ordinal(place + 1), choices, o.items().get(place)));
            }
            input = "ordering";
            right = String.join(" → ", o.items());
        } else if (b instanceof Body.Essay) {
            input = "textarea";
        } else if (b instanceof Body.Code c) {
            input = "code";
            if (typed.isEmpty()) {
                typed = c.check().starter();
            }
        } else {
            input = "none";
        }
        boolean answered = response.stream().anyMatch(v -> v != null && !v.isBlank());
        return new QuestionView(position, number, field, q.name(), QuestionText.html(q.text(), f), b.type(), input, mark,
                b.carriesMarks(), options,
                prompts, typed, answered, savedAt, showResult, earned, feedback,
                q.generalFeedback().isEmpty() ? "" : QuestionText.html(q.generalFeedback(), f), right, locked);
    }

    private static List<Integer> order(List<Integer> order, int n) {
        if (order.size() == n) {
            return order;
        }
        List<Integer> identity = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            identity.add(i);
        }
        return identity;
    }

    private static String numeric(NumericAnswer a) {
        return a.range() ? plain(a.a()) + " to " + plain(a.b())
                : a.tolerance() == 0 ? plain(a.a()) : plain(a.a()) + " ± " + plain(a.b());
    }

    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return String.format(Locale.ROOT, "%d%s", n, suffix);
    }

    public boolean isChoice() {
        return input.equals("radio") || input.equals("checkbox");
    }

    public boolean hasPrompts() {
        return input.equals("matching") || input.equals("ordering");
    }
}
