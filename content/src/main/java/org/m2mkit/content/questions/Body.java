package org.m2mkit.content.questions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a question asks for and how a response to it is scored; one record per question type. */
public sealed interface Body {

    /** The type's name as shown to instructors and stored in the database. */
    String type();

    /** Scores a response; an empty response scores 0 (or stays empty for hand-graded types). */
    Grade grade(Response response);

    /**
     * Whether this is a question, answered and carrying marks; a description is text only, and counts neither as a
     * question nor for any marks.
     */
    default boolean carriesMarks() {
        return true;
    }

    /** Exactly one choice may be picked; its percent is the credit. */
    record SingleChoice(List<Choice> choices) implements Body {
        public SingleChoice {
            choices = List.copyOf(choices);
        }

        @Override
        public String type() {
            return "single";
        }

        @Override
        public Grade grade(Response response) {
            Integer i = index(response.first(), choices.size());
            if (i == null) {
                return Grade.ZERO;
            }
            Choice c = choices.get(i);
            return Grade.of(c.percent() / 100, c.feedback());
        }
    }

    /**
     * Any number of choices may be picked; the credit is the sum of the picked choices' percents (negative weights
     * take credit away), kept between 0 and 100 %.
     */
    record MultipleAnswer(List<Choice> choices) implements Body {
        public MultipleAnswer {
            choices = List.copyOf(choices);
        }

        @Override
        public String type() {
            return "multiple";
        }

        @Override
        public Grade grade(Response response) {
            Set<Integer> picked = new HashSet<>();
            double percent = 0;
            List<String> feedback = new ArrayList<>();
            for (String v : response.values()) {
                Integer i = index(v, choices.size());
                if (i != null && picked.add(i)) {
                    percent += choices.get(i).percent();
                    feedback.add(choices.get(i).feedback());
                }
            }
            return new Grade(picked.isEmpty() ? 0.0 : percent / 100, feedback);
        }
    }

    /** A statement that is true or false; each answer has its own feedback. */
    record TrueFalse(boolean answer, String feedbackIfTrue, String feedbackIfFalse) implements Body {
        public TrueFalse {
            feedbackIfTrue = feedbackIfTrue == null ? "" : feedbackIfTrue;
            feedbackIfFalse = feedbackIfFalse == null ? "" : feedbackIfFalse;
        }

        @Override
        public String type() {
            return "truefalse";
        }

        @Override
        public Grade grade(Response response) {
            String v = response.first().trim().toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                return Grade.ZERO;
            }
            boolean said = v.equals("true");
            return Grade.of(said == answer ? 1 : 0, said ? feedbackIfTrue : feedbackIfFalse);
        }
    }

    /**
     * Typed text compared with accepted answers ({@code *} matches any characters, {@code \*} a star); the best
     * matching answer's percent is the credit. Surrounding and repeated spaces never matter; letter case matters
     * only when {@code caseSensitive}.
     */
    record ShortAnswer(List<Choice> answers, boolean caseSensitive) implements Body {
        public ShortAnswer {
            answers = List.copyOf(answers);
        }

        @Override
        public String type() {
            return "shortanswer";
        }

        @Override
        public Grade grade(Response response) {
            String given = normalize(response.first());
            if (given.isEmpty()) {
                return Grade.ZERO;
            }
            Choice best = null;
            for (Choice a : answers) {
                if (matches(a.text(), given) && (best == null || a.percent() > best.percent())) {
                    best = a;
                }
            }
            return best == null ? Grade.ZERO : Grade.of(best.percent() / 100, best.feedback());
        }

        private boolean matches(String accepted, String given) {
            StringBuilder regex = new StringBuilder();
            String a = normalize(accepted);
            StringBuilder literal = new StringBuilder();
            for (int i = 0; i < a.length(); i++) {
                char ch = a.charAt(i);
                if (ch == '\\' && i + 1 < a.length() && a.charAt(i + 1) == '*') {
                    literal.append('*');
                    i++;
                } else if (ch == '*') {
                    regex.append(Pattern.quote(literal.toString())).append(".*");
                    literal.setLength(0);
                } else {
                    literal.append(ch);
                }
            }
            regex.append(Pattern.quote(literal.toString()));
            int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
            return Pattern.compile(regex.toString(), flags | Pattern.DOTALL).matcher(given).matches();
        }

        private static String normalize(String s) {
            return s == null ? "" : s.strip().replaceAll("\\s+", " ");
        }
    }

    /**
     * A number compared with accepted values or ranges; the best accepting answer's percent is the credit.
     * {@code otherwise} is the feedback for any answer that no accepted answer matches (GIFT's {@code ~#feedback},
     * Moodle XML's answer {@code *}); empty when there is none.
     */
    record Numeric(List<NumericAnswer> answers, String otherwise) implements Body {
        public Numeric {
            answers = List.copyOf(answers);
            otherwise = otherwise == null ? "" : otherwise;
        }

        public Numeric(List<NumericAnswer> answers) {
            this(answers, "");
        }

        @Override
        public String type() {
            return "numeric";
        }

        @Override
        public Grade grade(Response response) {
            Double x = parseNumber(response.first());
            if (x == null) {
                return Grade.ZERO;
            }
            NumericAnswer best = null;
            for (NumericAnswer a : answers) {
                if (a.accepts(x) && (best == null || a.percent() > best.percent())) {
                    best = a;
                }
            }
            if (best == null) {
                return otherwise.isEmpty() ? Grade.ZERO : Grade.of(0, otherwise);
            }
            return Grade.of(best.percent() / 100, best.feedback());
        }

        /** Reads "1822", "-0.5", "1,5" (decimal comma) or "3e8"; null when it is not a number. */
        public static Double parseNumber(String text) {
            String t = text == null ? "" : text.strip().replace(',', '.');
            if (t.isEmpty()) {
                return null;
            }
            try {
                return new BigDecimal(t).doubleValue();
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /**
     * Each left-hand item is paired with one right-hand item; a pair with an empty left side only adds a
     * distractor on the right. The credit is the share of left-hand items paired correctly.
     */
    record Matching(List<Pair> pairs) implements Body {
        public Matching {
            pairs = List.copyOf(pairs);
        }

        public record Pair(String left, String right) {}

        /** The pairs that ask something (non-empty left side), in order. */
        public List<Pair> prompts() {
            return pairs.stream().filter(p -> !p.left().isBlank()).toList();
        }

        /** Every right-hand item once, in order of first appearance. */
        public List<String> rightItems() {
            return pairs.stream().map(Pair::right).distinct().toList();
        }

        @Override
        public String type() {
            return "matching";
        }

        @Override
        public Grade grade(Response response) {
            List<Pair> prompts = prompts();
            int right = 0;
            for (int i = 0; i < prompts.size() && i < response.values().size(); i++) {
                String chosen = response.values().get(i);
                if (chosen != null && chosen.equals(prompts.get(i).right())) {
                    right++;
                }
            }
            return Grade.of(prompts.isEmpty() ? 0 : (double) right / prompts.size());
        }
    }

    /**
     * Items to put in order; {@code items} is the right order. Partial credit counts each item directly followed by
     * the item that follows it in the right order: credit = such pairs / (items - 1).
     */
    record Ordering(List<String> items) implements Body {
        public Ordering {
            items = List.copyOf(items);
        }

        @Override
        public String type() {
            return "ordering";
        }

        @Override
        public Grade grade(Response response) {
            List<Integer> order = new ArrayList<>();
            for (String v : response.values()) {
                Integer i = index(v, items.size());
                if (i == null || order.contains(i)) {
                    return Grade.ZERO;
                }
                order.add(i);
            }
            if (order.size() != items.size() || items.size() < 2) {
                return Grade.ZERO;
            }
            int good = 0;
            for (int k = 0; k + 1 < order.size(); k++) {
                if (order.get(k + 1) == order.get(k) + 1) {
                    good++;
                }
            }
            return Grade.of((double) good / (items.size() - 1));
        }
    }

    /** Free text graded by hand; {@code graderInfo} is shown to the instructor only. */
    record Essay(String graderInfo) implements Body {
        public Essay {
            graderInfo = graderInfo == null ? "" : graderInfo;
        }

        @Override
        public String type() {
            return "essay";
        }

        @Override
        public Grade grade(Response response) {
            return response.isBlank() ? Grade.ZERO : Grade.manual();
        }
    }

    /**
     * Java code checked in the grader's sandbox: with {@link CodeCheck.Kind#JSHELL} the student's snippets are run
     * and {@code check} is a boolean expression that must be true; with {@link CodeCheck.Kind#JUNIT} {@code check}
     * is the source of a JUnit 5 test class run against the student's class. Scored by a {@link CodeChecker}.
     */
    record Code(CodeCheck check) implements Body {
        @Override
        public String type() {
            return "code";
        }

        @Override
        public Grade grade(Response response) {
            return response.isBlank() ? Grade.ZERO : Grade.manual("This answer is checked by running it; the result appears when the check has run.");
        }

        public Grade grade(Response response, CodeChecker checker) {
            if (response.isBlank()) {
                return Grade.ZERO;
            }
            return checker.check(check, response.first());
        }
    }

    /** Text with no answer (GIFT's description); it carries no marks. */
    record Description() implements Body {
        /** The type's name, as {@link #type()} gives it and the database stores it. */
        public static final String TYPE = "description";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public boolean carriesMarks() {
            return false;
        }

        @Override
        public Grade grade(Response response) {
            return Grade.ZERO;
        }
    }

    private static Integer index(String value, int size) {
        if (value == null) {
            return null;
        }
        try {
            int i = Integer.parseInt(value.strip());
            return i >= 0 && i < size ? i : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
