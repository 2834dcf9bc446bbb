package org.m2mkit.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A structural reading of Moodle GIFT text: enough to list questions with their name, tags, stem, answer
 * options and type, and to say what is malformed. The lesson renderer uses it for the no-script view of a
 * knowledge check; the content check uses it to verify the question banks. Importing questions into quizzes
 * is the quiz builder's job, not this class's.
 */
final class GiftOutline {

    /** Question kinds, named as in Moodle. */
    enum Type { MULTICHOICE, MULTIANSWER, TRUEFALSE, SHORTANSWER, NUMERICAL, MATCHING, ESSAY, DESCRIPTION }

    record Option(String text, boolean right, String feedback) {}

    record Question(int line, String name, Map<String, String> tags, String stem, Type type, List<Option> options,
                    String generalFeedback, List<String> problems) {}

    private static final Pattern TAGS = Pattern.compile("\\[tags:([^\\]]*)\\]");
    private static final Pattern WEIGHT = Pattern.compile("^%(-?\\d+(?:\\.\\d+)?)%");
    private static final Pattern TRUE_FALSE = Pattern.compile("^(T|TRUE|F|FALSE)(#.*)?$", Pattern.DOTALL);

    private GiftOutline() {}

    /** All questions of a GIFT text, in order; {@code $CATEGORY} lines and comment-only blocks are skipped. */
    static List<Question> parse(String gift) {
        List<Question> questions = new ArrayList<>();
        String[] lines = gift.replace("\r\n", "\n").split("\n", -1);
        List<String> block = new ArrayList<>();
        int start = 1;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            if (line.isBlank()) {
                if (!block.isEmpty()) {
                    Question q = question(start, block);
                    if (q != null) {
                        questions.add(q);
                    }
                    block.clear();
                }
                start = i + 2;
            } else {
                block.add(line);
            }
        }
        return questions;
    }

    private static Question question(int line, List<String> lines) {
        Map<String, String> tags = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (String raw : lines) {
            String l = raw.strip();
            if (l.startsWith("//")) {
                Matcher m = TAGS.matcher(l);
                while (m.find()) {
                    for (String pair : m.group(1).trim().split("\\s+")) {
                        int colon = pair.indexOf(':');
                        if (colon > 0) {
                            tags.put(pair.substring(0, colon), pair.substring(colon + 1));
                        }
                    }
                }
            } else if (!l.startsWith("$CATEGORY:")) {
                text.append(text.length() == 0 ? "" : "\n").append(raw);
            }
        }
        return text.length() == 0 ? null : question(line, tags, text.toString().strip());
    }

    private static Question question(int line, Map<String, String> tags, String text) {
        List<String> problems = new ArrayList<>();
        String name = null;
        String rest = text;
        if (rest.startsWith("::")) {
            int close = indexOfUnescaped(rest, "::", 2);
            if (close < 0) {
                problems.add("the question name is not closed by '::'");
            } else {
                name = unescape(rest.substring(2, close)).strip();
                rest = rest.substring(close + 2).strip();
            }
        }
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close > 0 && rest.substring(1, close).matches("html|moodle|plain|markdown")) {
                rest = rest.substring(close + 1).strip();
            }
        }
        int open = indexOfUnescaped(rest, "{", 0);
        int close = open < 0 ? -1 : indexOfUnescaped(rest, "}", open);
        if (open < 0) {
            if (indexOfUnescaped(rest, "}", 0) >= 0) {
                problems.add("a '}' has no matching '{'");
            }
            return new Question(line, name, tags, unescape(rest), Type.DESCRIPTION, List.of(), "", problems);
        }
        if (close < 0) {
            problems.add("the answer block opened by '{' is not closed by '}'");
            return new Question(line, name, tags, unescape(rest.substring(0, open)).strip(), Type.DESCRIPTION,
                    List.of(), "", problems);
        }
        String before = rest.substring(0, open).strip();
        String after = rest.substring(close + 1).strip();
        if (indexOfUnescaped(after, "{", 0) >= 0 || indexOfUnescaped(after, "}", 0) >= 0
                || indexOfUnescaped(rest.substring(open + 1, close), "{", 0) >= 0) {
            problems.add("a question has one answer block: unescaped '{' or '}' found outside it");
        }
        String stem = unescape(after.isEmpty() ? before : before + " _____ " + after).strip();
        String answers = rest.substring(open + 1, close);
        String general = "";
        int generalAt = indexOfUnescaped(answers, "####", 0);
        if (generalAt >= 0) {
            general = unescape(answers.substring(generalAt + 4)).strip();
            answers = answers.substring(0, generalAt);
        }
        return answerBlock(line, name, tags, stem, answers.strip(), general, problems);
    }

    private static Question answerBlock(int line, String name, Map<String, String> tags, String stem, String answers,
                                        String general, List<String> problems) {
        if (answers.isEmpty()) {
            return new Question(line, name, tags, stem, Type.ESSAY, List.of(), general, problems);
        }
        Matcher tf = TRUE_FALSE.matcher(answers);
        if (tf.matches()) {
            boolean right = tf.group(1).startsWith("T");
            List<String> feedback = splitUnescaped(tf.group(2) == null ? "" : tf.group(2).substring(1), '#');
            List<Option> options = List.of(
                    new Option("True", right, right ? at(feedback, 1) : at(feedback, 0)),
                    new Option("False", !right, right ? at(feedback, 0) : at(feedback, 1)));
            return new Question(line, name, tags, stem, Type.TRUEFALSE, options, general, problems);
        }
        if (answers.startsWith("#")) {
            List<Option> options = new ArrayList<>();
            for (String part : tokens(answers.substring(1).strip())) {
                String value = part.startsWith("=") ? part.substring(1) : part;
                value = WEIGHT.matcher(value).replaceFirst("");
                List<String> pieces = splitUnescaped(value, '#');
                String number = pieces.get(0).strip();
                if (!number.matches("-?\\d+(\\.\\d+)?(:\\d+(\\.\\d+)?|\\.\\.-?\\d+(\\.\\d+)?)?")) {
                    problems.add("'" + number + "' is not a number, value:tolerance or min..max");
                }
                options.add(new Option(number.replace(":", " ± ").replace("..", " to "), true, at(pieces, 1)));
            }
            return new Question(line, name, tags, stem, Type.NUMERICAL, options, general, problems);
        }
        List<Option> options = new ArrayList<>();
        boolean matching = false;
        boolean weightedRight = false;
        int right = 0;
        for (String token : tokens(answers)) {
            char marker = token.charAt(0);
            if (marker != '=' && marker != '~') {
                problems.add("every answer starts with '=' or '~': '" + token + "'");
                continue;
            }
            String body = token.substring(1).strip();
            double weight = marker == '=' ? 100 : 0;
            Matcher w = WEIGHT.matcher(body);
            if (w.find()) {
                weight = Double.parseDouble(w.group(1));
                body = body.substring(w.end()).strip();
                weightedRight |= marker == '~' && weight > 0;
            }
            List<String> pieces = splitUnescaped(body, '#');
            String answer = unescape(pieces.get(0)).strip();
            if (answer.contains("->")) {
                matching = true;
                answer = answer.replace("->", "→").replaceAll("\\s+→\\s+", " → ");
            }
            boolean isRight = weight > 0;
            right += isRight ? 1 : 0;
            options.add(new Option(answer, isRight, pieces.size() > 1 ? unescape(pieces.get(1)).strip() : ""));
        }
        Type type;
        if (matching) {
            type = Type.MATCHING;
            if (options.size() < 2 || options.stream().anyMatch(o -> !o.text().contains("→"))) {
                problems.add("a matching question needs two or more '=left -> right' pairs");
            }
        } else if (options.stream().allMatch(Option::right)) {
            type = Type.SHORTANSWER;
        } else if (weightedRight) {
            type = Type.MULTIANSWER;
        } else {
            type = Type.MULTICHOICE;
            if (right != 1) {
                problems.add("a single-choice question has exactly one '=' answer, found " + right);
            }
        }
        if (type != Type.SHORTANSWER && type != Type.MATCHING && options.size() < 2) {
            problems.add("a choice question needs at least two answers");
        }
        return new Question(line, name, tags, stem, type, List.copyOf(options), general, problems);
    }

    /** Splits an answer block at every unescaped '=' and '~', as Moodle does. */
    private static List<String> tokens(String answers) {
        List<String> tokens = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < answers.length(); i++) {
            char c = answers.charAt(i);
            if (c == '\\') {
                i++;
            } else if ((c == '=' || c == '~') && i > from) {
                tokens.add(answers.substring(from, i).strip());
                from = i;
            }
        }
        String last = answers.substring(from).strip();
        if (!last.isEmpty()) {
            tokens.add(last);
        }
        return tokens;
    }

    private static int indexOfUnescaped(String s, String needle, int from) {
        for (int i = from; i <= s.length() - needle.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.startsWith(needle, i)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitUnescaped(String s, char separator) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == separator) {
                parts.add(s.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(s.substring(from));
        return parts;
    }

    private static String at(List<String> list, int i) {
        return i < list.size() ? unescape(list.get(i)).strip() : "";
    }

    static String unescape(String s) {
        return s.replace("\\n", "\n").replaceAll("\\\\([~=#{}:])", "$1");
    }

    static String typeName(Type type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
