package org.m2mkit.content.questions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Moodle's GIFT format: categories ({@code $CATEGORY: a/b}), names ({@code ::name::}), text formats
 * ({@code [html]}, {@code [moodle]}, {@code [plain]}, {@code [markdown]}), every answer syntax (choice, weighted
 * multiple answer, true/false, short answer, numeric with tolerance, range or several answers, matching, essay,
 * missing word, description), per-answer feedback ({@code #}), general feedback ({@code ####}), escapes
 * ({@code \~ \= \# \{ \} \: \\ \n}), comment lines ({@code //}) and tags in comments ({@code // [tag:name]}, and the
 * kit's list form {@code // [tags: a b c]}).
 *
 * <p>The kit adds three comment directives Moodle ignores: {@code // [m2mkit:ordering]} makes {@code {=a =b =c}}
 * an ordering question (items in the right order), {@code // [m2mkit:case-sensitive]} makes a short answer
 * respect letter case, and {@code // [m2mkit:code jshell|junit]} with {@code // [m2mkit:check] ...} and
 * {@code // [m2mkit:starter] ...} lines makes an essay-style {@code {}} question a code question.
 *
 * <p>No GIFT parser is kept up on Maven Central, so this is a hand parser; it checks the whole file and reports
 * every problem with its line before anything is used.
 */
public final class GiftParser {

    private static final char FILL = '\uE0FF';
    private static final String ESCAPABLE = "~=#{}:\\";
    private static final char FIRST_PLACEHOLDER = '\uE000';
    private static final Pattern TAG = Pattern.compile("\\[tag:([^\\]]+)]");
    /** The kit also reads a list, {@code // [tags: objective:protocols section:460.3]}, separated by spaces or commas. */
    private static final Pattern TAGS = Pattern.compile("\\[tags:([^\\]]*)]");
    private static final Pattern DIRECTIVE = Pattern.compile("\\[m2mkit:([a-z-]+)(?:\\s([^\\]]*))?]");
    private static final Pattern WEIGHT = Pattern.compile("^%([^%]*)%");

    /** Parses {@code text}; {@code source} names the file in messages. Throws when anything is wrong. */
    public List<Question> parse(String text, String source) {
        List<Problem> problems = new ArrayList<>();
        List<Question> questions = parse(text, problems);
        if (!problems.isEmpty()) {
            throw new ImportException(source, problems);
        }
        return questions;
    }

    /** Parses {@code text}, adding every problem to {@code problems}; returns the questions that were sound. */
    public List<Question> parse(String text, List<Problem> problems) {
        String[] lines = text.replace("\uFEFF", "").split("\r\n|\r|\n", -1);
        List<Question> out = new ArrayList<>();
        Block block = new Block();
        String category = "";
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            String trimmed = line.strip();
            if (trimmed.startsWith("//")) {
                block.comment(trimmed, i + 1, problems);
            } else if (trimmed.isEmpty()) {
                if (block.hasText()) {
                    category = block.finish(category, out, problems);
                    block = new Block();
                }
            } else {
                block.add(line, i + 1);
            }
        }
        return out;
    }

    /** One question's lines (or a category line), with the metadata from the comments before it. */
    private static final class Block {
        final StringBuilder text = new StringBuilder();
        final List<Integer> lineStarts = new ArrayList<>();
        final List<Integer> lineNumbers = new ArrayList<>();
        final Set<String> tags = new LinkedHashSet<>();
        final List<String> check = new ArrayList<>();
        final List<String> starter = new ArrayList<>();
        boolean ordering;
        boolean caseSensitive;
        CodeCheck.Kind code;
        int firstDirectiveLine;

        boolean hasText() {
            return !lineStarts.isEmpty();
        }

        void add(String line, int number) {
            if (hasText()) {
                text.append('\n');
            }
            lineStarts.add(text.length());
            lineNumbers.add(number);
            text.append(line);
        }

        void comment(String trimmed, int number, List<Problem> problems) {
            Matcher tag = TAG.matcher(trimmed);
            while (tag.find()) {
                tags.add(tag.group(1).strip());
            }
            Matcher list = TAGS.matcher(trimmed);
            while (list.find()) {
                for (String t : list.group(1).split("[\\s,]+")) {
                    if (!t.isBlank()) {
                        tags.add(t.strip());
                    }
                }
            }
            Matcher d = DIRECTIVE.matcher(trimmed);
            if (!d.find()) {
                return;
            }
            if (firstDirectiveLine == 0) {
                firstDirectiveLine = number;
            }
            String arg = d.group(2) == null ? "" : d.group(2);
            String rest = trimmed.substring(d.end());
            rest = rest.startsWith(" ") ? rest.substring(1) : rest;
            switch (d.group(1)) {
                case "ordering" -> ordering = true;
                case "case-sensitive" -> caseSensitive = true;
                case "code" -> {
                    switch (arg.strip().toLowerCase(Locale.ROOT)) {
                        case "jshell" -> code = CodeCheck.Kind.JSHELL;
                        case "junit" -> code = CodeCheck.Kind.JUNIT;
                        default -> problems.add(new Problem(number, "", "unknown code check '" + arg
                                + "'; accepted: [m2mkit:code jshell] or [m2mkit:code junit]"));
                    }
                }
                case "check" -> check.add(rest);
                case "starter" -> starter.add(rest);
                default -> problems.add(new Problem(number, "", "unknown directive [m2mkit:" + d.group(1)
                        + "]; accepted: ordering, case-sensitive, code, check, starter"));
            }
        }

        int lineAt(int offset) {
            int k = 0;
            while (k + 1 < lineStarts.size() && lineStarts.get(k + 1) <= offset) {
                k++;
            }
            return lineNumbers.get(k);
        }

        /** Parses the block; returns the category in force after it. */
        String finish(String category, List<Question> out, List<Problem> problems) {
            String src = protect(text.toString());
            int start = 0;
            while (start < src.length() && Character.isWhitespace(src.charAt(start))) {
                start++;
            }
            if (src.startsWith("$CATEGORY:", start)) {
                int eol = src.indexOf('\n', start);
                String cat = restore(src.substring(start + "$CATEGORY:".length(), eol < 0 ? src.length() : eol)).strip();
                cat = cat.replaceFirst("^\\$(course|system|module|cat\\d*)\\$/", "").replaceFirst("^top(/|$)", "");
                if (eol < 0 || src.substring(eol).isBlank()) {
                    return cat;
                }
                category = cat;
                start = eol + 1;
            }
            int before = problems.size();
            Question q = new QuestionReader(this, src, start, category, problems).read();
            if (q != null && problems.size() == before) {
                out.add(q);
            }
            return category;
        }
    }

    /** Replaces each escape by a fill character and a placeholder of the same length, so offsets keep lines. */
    static String protect(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(i + 1);
                int k = ESCAPABLE.indexOf(next);
                if (k >= 0) {
                    b.append(FILL).append((char) (FIRST_PLACEHOLDER + k));
                    i++;
                    continue;
                }
                if (next == 'n') {
                    b.append(FILL).append('\n');
                    i++;
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    static String restore(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == FILL) {
                continue;
            }
            int k = c - FIRST_PLACEHOLDER;
            b.append(k >= 0 && k < ESCAPABLE.length() ? ESCAPABLE.charAt(k) : c);
        }
        return b.toString();
    }

    /** Reads one question from a protected block. */
    private static final class QuestionReader {
        final Block block;
        final String src;
        final int start;
        final String category;
        final List<Problem> problems;
        String label = "";

        QuestionReader(Block block, String src, int start, String category, List<Problem> problems) {
            this.block = block;
            this.src = src;
            this.start = start;
            this.category = category;
            this.problems = problems;
        }

        void problem(int offset, String message) {
            problems.add(new Problem(block.lineAt(Math.max(0, Math.min(offset, src.length() - 1))), label, message));
        }

        Question read() {
            int pos = skipSpace(start);
            String name = "";
            if (src.startsWith("::", pos)) {
                int end = src.indexOf("::", pos + 2);
                if (end < 0) {
                    label = restore(src.substring(pos + 2, Math.min(src.length(), pos + 42))).strip();
                    problem(pos, "the question name is not closed with '::' (write a literal colon as \\:)");
                    return null;
                }
                name = restore(src.substring(pos + 2, end)).strip();
                pos = skipSpace(end + 2);
            }
            TextFormat format = TextFormat.MOODLE;
            if (src.startsWith("[", pos)) {
                int end = src.indexOf(']', pos);
                String word = end < 0 ? "" : src.substring(pos + 1, end);
                if (end > 0 && word.matches("[A-Za-z_]+")) {
                    var f = TextFormat.ofGift(word);
                    if (f.isEmpty()) {
                        label = name;
                        problem(pos, "unknown text format [" + word + "]; accepted: [html], [moodle], [plain], [markdown]");
                        return null;
                    }
                    format = f.get();
                    pos = end + 1;
                }
            }
            int open = src.indexOf('{', pos);
            int close = src.indexOf('}', pos);
            label = name.isEmpty() ? shortLabel(open < 0 ? src.substring(pos) : src.substring(pos, open)) : name;
            if (open < 0) {
                if (close >= 0) {
                    problem(close, "'}' without a '{' before it (write a literal brace as \\})");
                    return null;
                }
                String text = restore(src.substring(pos)).strip();
                return question(name, text, format, "", new Body.Description());
            }
            if (close < 0 || close < open) {
                problem(close >= 0 ? close : open, close >= 0 ? "'}' before the answer block's '{'"
                        : "the answer block opened with '{' is not closed with '}'");
                return null;
            }
            if (src.indexOf('{', open + 1) >= 0 && src.indexOf('{', open + 1) < close) {
                problem(src.indexOf('{', open + 1), "'{' inside the answer block (write a literal brace as \\{)");
                return null;
            }
            String after = src.substring(close + 1);
            int stray = Math.max(after.indexOf('{'), after.indexOf('}'));
            if (stray >= 0) {
                problem(close + 1 + stray, "a question has one answer block; write literal braces as \\{ and \\}");
                return null;
            }
            String text = restore(src.substring(pos, open)).strip();
            if (!after.isBlank()) {
                text = (text + " _____ " + restore(after).strip()).strip();
            }
            if (text.isEmpty()) {
                problem(pos, "the question has no text");
                return null;
            }
            String answers = src.substring(open + 1, close);
            int answersAt = open + 1;
            String general = "";
            int g = answers.indexOf("####");
            if (g >= 0) {
                general = restore(answers.substring(g + 4)).strip();
                answers = answers.substring(0, g);
            }
            Body body = body(answers, answersAt);
            return body == null ? null : question(name, text, format, general, body);
        }

        Question question(String name, String text, TextFormat format, String general, Body body) {
            if (text.isEmpty()) {
                problem(start, "the question has no text");
                return null;
            }
            if (block.ordering && !(body instanceof Body.Ordering)
                    || block.caseSensitive && !(body instanceof Body.ShortAnswer)
                    || block.code != null && !(body instanceof Body.Code)) {
                problem(start, "the [m2mkit:...] directive before this question does not fit its answers");
                return null;
            }
            return new Question(name, text, format, general, category, List.copyOf(block.tags), body);
        }

        Body body(String answers, int at) {
            String a = answers.strip();
            int lead = at + answers.indexOf(a.isEmpty() ? answers : a);
            if (block.code != null) {
                if (!a.isEmpty()) {
                    problem(lead, "a code question has an empty answer block {}");
                    return null;
                }
                if (block.check.isEmpty()) {
                    problem(start, "a code question needs // [m2mkit:check] lines with the check");
                    return null;
                }
                return new Body.Code(new CodeCheck(block.code, String.join("\n", block.check),
                        String.join("\n", block.starter)));
            }
            if (block.ordering) {
                return ordering(a, lead);
            }
            if (a.isEmpty()) {
                return new Body.Essay("");
            }
            if (a.startsWith("#")) {
                return numeric(a.substring(1), lead + 1);
            }
            if (a.indexOf('~') >= 0) {
                return choices(a, lead);
            }
            if (a.indexOf('=') >= 0 && a.contains("->")) {
                return matching(a, lead);
            }
            String head = a.split("#", 2)[0].strip().toUpperCase(Locale.ROOT);
            if (head.equals("T") || head.equals("TRUE") || head.equals("F") || head.equals("FALSE")) {
                return trueFalse(a, head.startsWith("T"), lead);
            }
            return shortAnswer(a, lead);
        }

        /** One answer: marker, optional weight, text and optional feedback. */
        record Part(char marker, Double weight, String text, String feedback, int at) {}

        List<Part> split(String a, int at) {
            List<Part> parts = new ArrayList<>();
            int i = 0;
            while (i < a.length() && Character.isWhitespace(a.charAt(i))) {
                i++;
            }
            if (i < a.length() && a.charAt(i) != '=' && a.charAt(i) != '~') {
                problem(at + i, "answers start with '=' (right) or '~' (wrong); found '" + restore(a.substring(i,
                        Math.min(a.length(), i + 20))).strip() + "' (write literal signs as \\= and \\~)");
                return null;
            }
            while (i < a.length()) {
                char marker = a.charAt(i);
                int end = i + 1;
                while (end < a.length() && a.charAt(end) != '=' && a.charAt(end) != '~') {
                    end++;
                }
                Part p = part(marker, a.substring(i + 1, end), at + i);
                if (p == null) {
                    return null;
                }
                parts.add(p);
                i = end;
            }
            return parts;
        }

        Part part(char marker, String body, int at) {
            String s = body.strip();
            Double weight = null;
            Matcher w = WEIGHT.matcher(s);
            if (w.find()) {
                weight = number(w.group(1));
                if (weight == null || weight < -100 || weight > 100) {
                    problem(at, "answer weight '%" + restore(w.group(1)) + "%' is not a percentage; accepted: "
                            + "a number from -100 to 100 between percent signs, such as %50% or %-33.3333%");
                    return null;
                }
                s = s.substring(w.end());
            }
            String feedback = "";
            int hash = s.indexOf('#');
            if (hash >= 0) {
                feedback = restore(s.substring(hash + 1)).strip();
                s = s.substring(0, hash);
            }
            return new Part(marker, weight, restore(s).strip(), feedback, at);
        }

        Body choices(String a, int at) {
            List<Part> parts = split(a, at);
            if (parts == null) {
                return null;
            }
            boolean single = parts.stream().anyMatch(p -> p.marker() == '=');
            List<Choice> choices = new ArrayList<>();
            for (Part p : parts) {
                if (p.text().isEmpty()) {
                    problem(p.at(), "an answer has no text");
                    return null;
                }
                double percent = p.weight() != null ? p.weight() : p.marker() == '=' ? 100 : 0;
                choices.add(new Choice(p.text(), percent, p.feedback()));
            }
            if (choices.size() < 2) {
                problem(at, "a choice question needs at least two answers");
                return null;
            }
            if (single) {
                if (choices.stream().noneMatch(c -> c.percent() >= 100 - 1e-6)) {
                    problem(at, "no answer earns full marks; mark the right answer with '=' or weight it %100%");
                    return null;
                }
                return new Body.SingleChoice(choices);
            }
            double positive = choices.stream().mapToDouble(Choice::percent).filter(p -> p > 0).sum();
            if (Math.abs(positive - 100) > 0.1) {
                problem(at, "the positive weights of a multiple-answer question add up to "
                        + plain(positive) + "%; they must add up to 100%");
                return null;
            }
            return new Body.MultipleAnswer(choices);
        }

        Body matching(String a, int at) {
            List<Part> parts = split(a, at);
            if (parts == null) {
                return null;
            }
            List<Body.Matching.Pair> pairs = new ArrayList<>();
            for (Part p : parts) {
                int arrow = p.text().indexOf("->");
                if (p.marker() != '=' || arrow < 0 || p.weight() != null) {
                    problem(p.at(), "a matching pair is written '=left -> right'");
                    return null;
                }
                String right = p.text().substring(arrow + 2).strip();
                if (right.isEmpty()) {
                    problem(p.at(), "a matching pair has an empty right side");
                    return null;
                }
                pairs.add(new Body.Matching.Pair(p.text().substring(0, arrow).strip(), right));
            }
            Body.Matching m = new Body.Matching(pairs);
            if (m.prompts().size() < 2) {
                problem(at, "a matching question needs at least two pairs with a left side");
                return null;
            }
            return m;
        }

        Body trueFalse(String a, boolean answer, int at) {
            String[] f = a.split("#", -1);
            if (f.length > 3) {
                problem(at, "true/false takes at most two feedbacks: {T#if answered wrong#if answered right}");
                return null;
            }
            String wrong = f.length > 1 ? restore(f[1]).strip() : "";
            String right = f.length > 2 ? restore(f[2]).strip() : "";
            return answer ? new Body.TrueFalse(true, right, wrong) : new Body.TrueFalse(false, wrong, right);
        }

        Body shortAnswer(String a, int at) {
            List<Part> parts = split(a, at);
            if (parts == null) {
                return null;
            }
            List<Choice> answers = new ArrayList<>();
            for (Part p : parts) {
                if (p.text().isEmpty()) {
                    problem(p.at(), "an accepted answer has no text");
                    return null;
                }
                answers.add(new Choice(p.text(), p.weight() != null ? p.weight() : 100, p.feedback()));
            }
            if (answers.stream().noneMatch(c -> c.percent() >= 100 - 1e-6)) {
                problem(at, "no accepted answer earns full marks");
                return null;
            }
            return new Body.ShortAnswer(answers, block.caseSensitive);
        }

        Body ordering(String a, int at) {
            List<Part> parts = split(a, at);
            if (parts == null) {
                return null;
            }
            List<String> items = new ArrayList<>();
            for (Part p : parts) {
                if (p.marker() != '=' || p.weight() != null || !p.feedback().isEmpty() || p.text().isEmpty()) {
                    problem(p.at(), "ordering items are written '=item' in the right order, without weights or feedback");
                    return null;
                }
                items.add(p.text());
            }
            if (items.size() < 2) {
                problem(at, "an ordering question needs at least two items");
                return null;
            }
            return new Body.Ordering(items);
        }

        Body numeric(String a, int at) {
            List<NumericAnswer> answers = new ArrayList<>();
            String s = a.strip();
            // As in Moodle's importer, the first '~' starts the feedback for any other answer: {#3:2 ~#Wrong}
            String otherwise = "";
            int tilde = s.indexOf('~');
            if (tilde >= 0) {
                String wrong = s.substring(tilde + 1);
                int hash = wrong.indexOf('#');
                if (hash < 0 && !wrong.isBlank()) {
                    problem(at, "in a numeric question '~' starts the feedback for any other answer, written "
                            + "~#feedback; give partial credit as =%50%VALUE, such as {#=3.14:0.005 =%50%3.1:0.1 ~#Wrong}");
                    return null;
                }
                otherwise = hash < 0 ? "" : restore(wrong.substring(hash + 1)).strip();
                s = s.substring(0, tilde).strip();
            }
            if (s.isEmpty()) {
                problem(at, "a numeric question needs an answer before its '~#' feedback, such as {#3:2 ~#Wrong}");
                return null;
            }
            if (s.startsWith("=")) {
                List<Part> parts = split(s, at + a.indexOf(s));
                if (parts == null) {
                    return null;
                }
                for (Part p : parts) {
                    double percent = p.weight() != null ? p.weight() : p.marker() == '=' ? 100 : 0;
                    NumericAnswer n = numericAnswer(p.text(), percent, p.feedback(), p.at());
                    if (n == null) {
                        return null;
                    }
                    answers.add(n);
                }
            } else {
                String feedback = "";
                int hash = s.indexOf('#');
                if (hash >= 0) {
                    feedback = restore(s.substring(hash + 1)).strip();
                    s = s.substring(0, hash);
                }
                NumericAnswer n = numericAnswer(restore(s).strip(), 100, feedback, at);
                if (n == null) {
                    return null;
                }
                answers.add(n);
            }
            if (answers.stream().noneMatch(n -> n.percent() >= 100 - 1e-6)) {
                problem(at, "no numeric answer earns full marks");
                return null;
            }
            return new Body.Numeric(answers, otherwise);
        }

        NumericAnswer numericAnswer(String s, double percent, String feedback, int at) {
            int range = s.indexOf("..");
            if (range >= 0) {
                Double lo = number(s.substring(0, range));
                Double hi = number(s.substring(range + 2));
                if (lo == null || hi == null || lo > hi) {
                    problem(at, "'" + s + "' is not a numeric range; accepted: MIN..MAX with MIN <= MAX, such as 1.5..2.5");
                    return null;
                }
                return NumericAnswer.range(lo, hi, percent, feedback);
            }
            int colon = s.indexOf(':');
            Double value = number(colon >= 0 ? s.substring(0, colon) : s);
            Double tolerance = colon >= 0 ? number(s.substring(colon + 1)) : Double.valueOf(0);
            if (value == null || tolerance == null) {
                problem(at, "'" + s + "' is not a numeric answer; accepted: a number, NUMBER:TOLERANCE such as "
                        + "1822:5, or MIN..MAX such as 1817..1827");
                return null;
            }
            return NumericAnswer.tolerance(value, tolerance, percent, feedback);
        }

        int skipSpace(int i) {
            while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
                i++;
            }
            return i;
        }
    }

    static Double number(String s) {
        String t = restore(s).strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(t).doubleValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String shortLabel(String protectedText) {
        String t = restore(protectedText).strip().replaceAll("\\s+", " ");
        return t.length() <= 40 ? t : t.substring(0, 40) + "...";
    }

    /** A number as GIFT writes it: no exponent, no trailing zeros. */
    static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
