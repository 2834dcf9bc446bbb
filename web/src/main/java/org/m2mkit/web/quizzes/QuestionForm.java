package org.m2mkit.web.quizzes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m2mkit.content.questions.Body;
import org.m2mkit.content.questions.Choice;
import org.m2mkit.content.questions.CodeCheck;
import org.m2mkit.content.questions.GiftParser;
import org.m2mkit.content.questions.GiftWriter;
import org.m2mkit.content.questions.NumericAnswer;
import org.m2mkit.content.questions.Problem;
import org.m2mkit.content.questions.Question;
import org.m2mkit.content.questions.TextFormat;

/**
 * The question editor's form, one field per part of a {@link Question}, exactly as the instructor typed it. It is
 * read from the request, filled in from a stored question, and checked into a {@link Question} or a message per
 * field that says what is accepted. What it accepts is what the bank stores: the checked question is written with
 * {@link GiftWriter} and must read back the same with {@link GiftParser}.
 *
 * @param answer  true/false: {@code true} or {@code false}
 * @param rows    answers, accepted answers, numeric answers, matching pairs or ordering items, by type
 */
public record QuestionForm(String type, String name, String text, String format, String generalFeedback,
                           String category, String objective, String section, String difficulty, String otherTags,
                           boolean caseSensitive, String answer, String feedbackTrue, String feedbackFalse,
                           String codeKind, String check, String starter, List<Row> rows) {

    /** A question type as the editor offers it. */
    public record Type(String id, String label, String hint, String rowLabel, int rows) {
        public boolean hasRows() {
            return rows > 0;
        }
    }

    static final List<Type> TYPES = List.of(
            new Type("single", "Single choice", "One answer is right; a wrong answer may earn partial credit.", "Answer", 4),
            new Type("multiple", "Multiple answer", "Several answers are right; each answer has a weight, negative "
                    + "weights take marks away.", "Answer", 4),
            new Type("truefalse", "True / false", "A statement that is true or false.", "", 0),
            new Type("shortanswer", "Short answer", "Typed words compared with accepted answers; partial credit and "
                    + "letter case are up to you.", "Accepted answer", 3),
            new Type("numeric", "Numeric", "A number, accepted within a tolerance or a range; partial credit for "
                    + "near misses.", "Accepted number", 2),
            new Type("matching", "Matching", "Each item is paired with its match from one list.", "Pair", 4),
            new Type("ordering", "Ordering", "Items to put in the right order.", "Item", 4),
            new Type("essay", "Essay", "Free text, graded by hand.", "", 0),
            new Type("code", "Code", "Java code checked in a sandbox: a JShell expression or JUnit tests.", "", 0),
            new Type("description", "Description", "Text between questions; no answer, no marks.", "", 0));

    static final int MAX_ROWS = 100;
    private static final Pattern ROW_FIELD = Pattern.compile("row\\.(\\d{1,4})\\.([a-z]+)");
    private static final Pattern TAG_VALUE = Pattern.compile("[^\\s,\\]]{1,100}");

    /** One row as typed; each type shows some of these fields. */
    public record Row(int index, String text, String percent, String feedback, String value, String tolerance,
                      String min, String max, String right) {

        static Row blank(int index) {
            return new Row(index, "", "", "", "", "", "", "", "");
        }

        boolean isBlank() {
            return List.of(text, percent, feedback, value, tolerance, min, max, right).stream().allMatch(String::isBlank);
        }

        Row at(int newIndex) {
            return new Row(newIndex, text, percent, feedback, value, tolerance, min, max, right);
        }
    }

    /** The checked question, or the problems by field (null question then). */
    public record Checked(Question question, Map<String, String> errors) {}

    public QuestionForm {
        rows = List.copyOf(rows);
    }

    static Optional<Type> typeOf(String id) {
        return TYPES.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Type typeInfo() {
        return typeOf(type).orElseThrow();
    }

    /** An empty form for a new question of {@code type}. */
    static QuestionForm blank(String type) {
        Type t = typeOf(type).orElseThrow();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < t.rows(); i++) {
            rows.add(Row.blank(i));
        }
        return new QuestionForm(type, "", "", TextFormat.MOODLE.giftName(), "", "", "", "", "", "", false, "true", "",
                "", "jshell", "", "", rows);
    }

    /** The form as it was posted; rows are numbered again from 0 in the order of their numbers in the form. */
    static QuestionForm read(Map<String, List<String>> params) {
        TreeMap<Integer, Map<String, String>> rowFields = new TreeMap<>();
        params.forEach((key, values) -> {
            Matcher m = ROW_FIELD.matcher(key);
            if (m.matches() && !values.isEmpty()) {
                rowFields.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new LinkedHashMap<>())
                        .put(m.group(2), values.get(0));
            }
        });
        List<Row> rows = new ArrayList<>();
        for (Map<String, String> f : rowFields.values()) {
            rows.add(new Row(rows.size(), f.getOrDefault("text", ""), f.getOrDefault("percent", ""),
                    f.getOrDefault("feedback", ""), f.getOrDefault("value", ""), f.getOrDefault("tolerance", ""),
                    f.getOrDefault("min", ""), f.getOrDefault("max", ""), f.getOrDefault("right", "")));
        }
        return new QuestionForm(param(params, "type"), param(params, "name"), param(params, "text"),
                param(params, "format"), param(params, "generalFeedback"), param(params, "category"),
                param(params, "objective"), param(params, "section"), param(params, "difficulty"),
                param(params, "otherTags"), params.containsKey("caseSensitive"), param(params, "answer"),
                param(params, "feedbackTrue"), param(params, "feedbackFalse"), param(params, "codeKind"),
                param(params, "check"), param(params, "starter"), rows);
    }

    private static String param(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0);
    }

    /** The form filled in from a stored question, with two blank rows to add answers. */
    static QuestionForm of(Question q) {
        List<Row> rows = new ArrayList<>();
        boolean caseSensitive = false;
        String answer = "true";
        String feedbackTrue = "";
        String feedbackFalse = "";
        String codeKind = "jshell";
        String check = "";
        String starter = "";
        Body b = q.body();
        if (b instanceof Body.SingleChoice s) {
            s.choices().forEach(c -> rows.add(choiceRow(rows.size(), c)));
        } else if (b instanceof Body.MultipleAnswer m) {
            m.choices().forEach(c -> rows.add(choiceRow(rows.size(), c)));
        } else if (b instanceof Body.ShortAnswer s) {
            s.answers().forEach(c -> rows.add(choiceRow(rows.size(), c)));
            caseSensitive = s.caseSensitive();
        } else if (b instanceof Body.Numeric n) {
            for (NumericAnswer a : n.answers()) {
                rows.add(a.range()
                        ? new Row(rows.size(), "", plain(a.percent()), a.feedback(), "", "", plain(a.a()), plain(a.b()), "")
                        : new Row(rows.size(), "", plain(a.percent()), a.feedback(), plain(a.a()),
                        a.b() == 0 ? "" : plain(a.b()), "", "", ""));
            }
        } else if (b instanceof Body.Matching m) {
            m.pairs().forEach(p -> rows.add(new Row(rows.size(), p.left(), "", "", "", "", "", "", p.right())));
        } else if (b instanceof Body.Ordering o) {
            o.items().forEach(i -> rows.add(new Row(rows.size(), i, "", "", "", "", "", "", "")));
        } else if (b instanceof Body.TrueFalse t) {
            answer = String.valueOf(t.answer());
            feedbackTrue = t.feedbackIfTrue();
            feedbackFalse = t.feedbackIfFalse();
        } else if (b instanceof Body.Code c) {
            codeKind = c.check().kind().name().toLowerCase(Locale.ROOT);
            check = c.check().check();
            starter = c.check().starter();
        }
        String objective = "";
        String section = "";
        String difficulty = "";
        List<String> others = new ArrayList<>();
        for (String tag : q.tags()) {
            if (objective.isEmpty() && tag.startsWith("objective:")) {
                objective = tag.substring("objective:".length());
            } else if (section.isEmpty() && tag.startsWith("section:")) {
                section = tag.substring("section:".length());
            } else if (difficulty.isEmpty() && tag.startsWith("difficulty:")) {
                difficulty = tag.substring("difficulty:".length());
            } else {
                others.add(tag);
            }
        }
        QuestionForm form = new QuestionForm(b.type(), q.name(), q.text(), q.format().giftName(), q.generalFeedback(),
                q.category(), objective, section, difficulty, String.join(" ", others), caseSensitive, answer,
                feedbackTrue, feedbackFalse, codeKind, check, starter, rows);
        return form.typeInfo().hasRows() ? form.withBlankRows(2) : form;
    }

    private static Row choiceRow(int index, Choice c) {
        return new Row(index, c.text(), plain(c.percent()), c.feedback(), "", "", "", "", "");
    }

    static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** The same form with {@code n} more blank rows (never more than {@link #MAX_ROWS} in all). */
    QuestionForm withBlankRows(int n) {
        List<Row> more = new ArrayList<>(rows);
        for (int i = 0; i < n && more.size() < MAX_ROWS; i++) {
            more.add(Row.blank(more.size()));
        }
        return withRows(more);
    }

    /** The same form without row {@code index}; the rows after it move up. */
    QuestionForm withoutRow(int index) {
        List<Row> left = new ArrayList<>();
        for (Row r : rows) {
            if (r.index() != index) {
                left.add(r.at(left.size()));
            }
        }
        return withRows(left);
    }

    private QuestionForm withRows(List<Row> newRows) {
        return new QuestionForm(type, name, text, format, generalFeedback, category, objective, section, difficulty,
                otherTags, caseSensitive, answer, feedbackTrue, feedbackFalse, codeKind, check, starter, newRows);
    }

    /** Checks every field; the question when all are sound, else a message per field (in the form's order). */
    Checked validate() {
        Map<String, String> e = new LinkedHashMap<>();
        Type t = typeOf(type).orElse(null);
        if (t == null) {
            e.put("type", "Unknown question type '" + type + "'; accepted: "
                    + String.join(", ", TYPES.stream().map(Type::id).toList()) + ".");
            return new Checked(null, e);
        }
        String name = this.name.strip();
        if (name.length() > 200) {
            e.put("name", "The name has " + name.length() + " characters; at most 200 are accepted.");
        }
        String text = this.text.strip();
        if (text.isEmpty()) {
            e.put("text", "Write the question's text.");
        }
        TextFormat textFormat = format.isBlank() ? TextFormat.MOODLE : TextFormat.ofGift(format.strip()).orElse(null);
        if (textFormat == null) {
            e.put("format", "Unknown text format '" + format + "'; accepted: moodle, html, markdown, plain.");
        }
        if (rows.size() > MAX_ROWS) {
            e.put("rows", "At most " + MAX_ROWS + " rows are accepted.");
        }
        Body body = body(e);
        String cat = category(e);
        List<String> tags = tags(e);
        if (!e.isEmpty()) {
            return new Checked(null, e);
        }
        Question q = new Question(name, text, textFormat, type.equals("description") ? "" : generalFeedback.strip(), cat,
                tags, body);
        List<Problem> problems = new ArrayList<>();
        List<Question> back = new GiftParser().parse(new GiftWriter().write(List.of(q)), problems);
        if (!problems.isEmpty() || back.size() != 1 || !back.get(0).equals(q)) {
            e.put("form", "This question cannot be stored exactly as written"
                    + (problems.isEmpty() ? "" : " (" + problems.get(0).message() + ")")
                    + ": an answer that starts with '%', such as '%50% of meters', reads as a weight, for example. "
                    + "Change the texts, or use Edit as GIFT to write it by hand.");
            return new Checked(null, e);
        }
        return new Checked(q, Map.of());
    }

    private Body body(Map<String, String> e) {
        return switch (type) {
            case "single" -> single(e);
            case "multiple" -> multiple(e);
            case "truefalse" -> trueFalse(e);
            case "shortanswer" -> shortAnswer(e);
            case "numeric" -> numeric(e);
            case "matching" -> matching(e);
            case "ordering" -> ordering(e);
            case "essay" -> new Body.Essay("");
            case "code" -> code(e);
            default -> new Body.Description();
        };
    }

    private static String key(Row r, String field) {
        return "row." + r.index() + "." + field;
    }

    private String where(Row r) {
        return typeInfo().rowLabel() + " " + (r.index() + 1) + ": ";
    }

    /** The choices of a choice or short-answer question; null when a row has a problem. */
    private List<Choice> choices(Map<String, String> e, double emptyPercent, String percentHint) {
        List<Choice> out = new ArrayList<>();
        boolean sound = true;
        for (Row r : rows) {
            if (r.isBlank()) {
                continue;
            }
            String t = r.text().strip();
            if (t.isEmpty()) {
                e.put(key(r, "text"), where(r) + "write the text, or clear the row.");
                sound = false;
            }
            Double p = percent(r, e, emptyPercent, percentHint);
            if (p == null) {
                sound = false;
            } else if (!t.isEmpty()) {
                out.add(new Choice(t, p, r.feedback().strip()));
            }
        }
        return sound ? out : null;
    }

    private Double percent(Row r, Map<String, String> e, double empty, String hint) {
        if (r.percent().isBlank()) {
            return empty;
        }
        Double p = Body.Numeric.parseNumber(r.percent());
        if (p == null || p < -100 || p > 100) {
            e.put(key(r, "percent"), where(r) + "the credit '" + r.percent().strip()
                    + "' is not accepted; give a number from -100 to 100 (" + hint + ").");
            return null;
        }
        return p;
    }

    private static boolean full(double percent) {
        return percent >= 100 - 1e-6;
    }

    private Body single(Map<String, String> e) {
        List<Choice> choices = choices(e, 0, "100 for the right answer, 0 or empty for a wrong one");
        if (choices == null) {
            return null;
        }
        if (choices.size() < 2) {
            e.put("rows", "A single-choice question needs at least two answers; " + choices.size() + " given.");
        } else if (choices.stream().noneMatch(c -> full(c.percent()))) {
            e.put("rows", "No answer earns full credit; give the right answer a credit of 100.");
        } else if (choices.stream().allMatch(c -> full(c.percent()))) {
            e.put("rows", "Every answer earns full credit; give at least one wrong answer a credit below 100.");
        }
        return new Body.SingleChoice(choices);
    }

    private Body multiple(Map<String, String> e) {
        List<Choice> choices = choices(e, 0, "the right answers' credits add up to 100; a negative credit takes marks "
                + "away; empty is 0");
        if (choices == null) {
            return null;
        }
        double positive = choices.stream().mapToDouble(Choice::percent).filter(p -> p > 0).sum();
        if (choices.size() < 2) {
            e.put("rows", "A multiple-answer question needs at least two answers; " + choices.size() + " given.");
        } else if (Math.abs(positive - 100) > 0.1) {
            e.put("rows", "The positive credits add up to " + plain(Math.round(positive * 1000) / 1000.0)
                    + "; they must add up to 100 (for example 50 and 50 for two right answers). Wrong answers get 0 or "
                    + "a negative credit such as -50.");
        }
        return new Body.MultipleAnswer(choices);
    }

    private Body trueFalse(Map<String, String> e) {
        String a = answer.strip().toLowerCase(Locale.ROOT);
        if (!a.equals("true") && !a.equals("false")) {
            e.put("answer", "Choose whether the statement is true or false.");
            return null;
        }
        return new Body.TrueFalse(a.equals("true"), feedbackTrue.strip(), feedbackFalse.strip());
    }

    private Body shortAnswer(Map<String, String> e) {
        for (Row r : rows) {
            if (r.text().contains("->")) {
                e.put(key(r, "text"), where(r) + "an accepted answer cannot contain '->' (GIFT would read a matching "
                        + "question).");
            }
        }
        List<Choice> answers = choices(e, 100, "empty is 100, full credit; less is partial credit");
        if (answers == null) {
            return null;
        }
        if (answers.isEmpty()) {
            e.put("rows", "Give at least one accepted answer.");
        } else if (answers.stream().noneMatch(c -> full(c.percent()))) {
            e.put("rows", "No accepted answer earns full credit; give at least one a credit of 100 (or leave it empty).");
        }
        return new Body.ShortAnswer(answers, caseSensitive);
    }

    private Body numeric(Map<String, String> e) {
        List<NumericAnswer> answers = new ArrayList<>();
        boolean sound = true;
        String number = "is not a number; accepted: a number such as 1822, -0.5, 2,5 or 3e8";
        for (Row r : rows) {
            if (r.isBlank()) {
                continue;
            }
            int before = e.size();
            Double percent = percent(r, e, 100, "empty is 100, full credit; less is partial credit");
            boolean hasValue = !r.value().isBlank();
            boolean hasRange = !r.min().isBlank() || !r.max().isBlank();
            NumericAnswer a = null;
            if (hasValue && hasRange) {
                e.put(key(r, "value"), where(r) + "give a value (with an optional tolerance) or a range, not both.");
            } else if (!hasValue && !hasRange) {
                e.put(key(r, "value"), where(r) + "give the accepted value, such as 1822 with tolerance 5, or a range "
                        + "from 1817 to 1827.");
            } else if (hasValue) {
                Double v = Body.Numeric.parseNumber(r.value());
                Double tol = r.tolerance().isBlank() ? Double.valueOf(0) : Body.Numeric.parseNumber(r.tolerance());
                if (v == null || v.isInfinite()) {
                    e.put(key(r, "value"), where(r) + "the value '" + r.value().strip() + "' " + number + ".");
                }
                if (tol == null || tol.isInfinite() || tol < 0) {
                    e.put(key(r, "tolerance"), where(r) + "the tolerance '" + r.tolerance().strip() + "' is not accepted; "
                            + "give 0 or a positive number, such as 5 for 1822 ± 5, or leave it empty for exactly.");
                }
                if (e.size() == before && percent != null) {
                    a = NumericAnswer.tolerance(v, tol, percent, r.feedback().strip());
                }
            } else {
                Double lo = Body.Numeric.parseNumber(r.min());
                Double hi = Body.Numeric.parseNumber(r.max());
                if (!r.tolerance().isBlank()) {
                    e.put(key(r, "tolerance"), where(r) + "a tolerance goes with a value; a range needs none.");
                }
                if (lo == null || lo.isInfinite()) {
                    e.put(key(r, "min"), where(r) + "the range's start '" + r.min().strip() + "' " + number + ".");
                }
                if (hi == null || hi.isInfinite()) {
                    e.put(key(r, "max"), where(r) + "the range's end '" + r.max().strip() + "' " + number + ".");
                }
                if (lo != null && hi != null && lo > hi) {
                    e.put(key(r, "max"), where(r) + "the range ends below its start; the end must be at least "
                            + plain(lo) + ".");
                }
                if (e.size() == before && percent != null) {
                    a = NumericAnswer.range(lo, hi, percent, r.feedback().strip());
                }
            }
            if (a == null) {
                sound = false;
            } else {
                answers.add(a);
            }
        }
        if (!sound) {
            return null;
        }
        if (answers.isEmpty()) {
            e.put("rows", "Give at least one accepted number.");
        } else if (answers.stream().noneMatch(a -> full(a.percent()))) {
            e.put("rows", "No accepted number earns full credit; give at least one a credit of 100 (or leave it empty).");
        }
        return new Body.Numeric(answers);
    }

    private Body matching(Map<String, String> e) {
        List<Body.Matching.Pair> pairs = new ArrayList<>();
        for (Row r : rows) {
            String left = r.text().strip();
            String right = r.right().strip();
            if (left.isEmpty() && right.isEmpty()) {
                continue;
            }
            if (left.contains("->")) {
                e.put(key(r, "text"), where(r) + "an item cannot contain '->' (GIFT writes a pair as item -> match).");
            } else if (right.isEmpty()) {
                e.put(key(r, "right"), where(r) + "give the match for '" + left + "', or clear the row.");
            } else {
                pairs.add(new Body.Matching.Pair(left, right));
            }
        }
        Body.Matching m = new Body.Matching(pairs);
        if (e.keySet().stream().noneMatch(k -> k.startsWith("row.")) && m.prompts().size() < 2) {
            e.put("rows", "A matching question needs at least two pairs with an item; " + m.prompts().size()
                    + " given. A row with only a match adds a wrong choice.");
        }
        return m;
    }

    private Body ordering(Map<String, String> e) {
        List<String> items = rows.stream().map(r -> r.text().strip()).filter(s -> !s.isEmpty()).toList();
        if (items.size() < 2) {
            e.put("rows", "An ordering question needs at least two items; " + items.size() + " given.");
        }
        return new Body.Ordering(items);
    }

    private Body code(Map<String, String> e) {
        CodeCheck.Kind kind = switch (codeKind.strip().toLowerCase(Locale.ROOT)) {
            case "jshell" -> CodeCheck.Kind.JSHELL;
            case "junit" -> CodeCheck.Kind.JUNIT;
            default -> null;
        };
        if (kind == null) {
            e.put("codeKind", "Choose how the code is checked: a JShell expression or JUnit tests.");
        }
        String c = code(check);
        if (c.isBlank()) {
            e.put("check", kind == CodeCheck.Kind.JUNIT
                    ? "Write the JUnit 5 test class that is run against the student's class."
                    : "Write the check: a boolean JShell expression such as area(2, 3) == 6 that is true when the "
                    + "student's code is right.");
        }
        return kind == null ? null : new Body.Code(new CodeCheck(kind, c, code(starter)));
    }

    /** Code as the bank keeps it: Unix line ends, no trailing spaces, no blank lines around it. */
    private static String code(String s) {
        List<String> lines = s.replace("\r\n", "\n").replace('\r', '\n').lines().map(String::stripTrailing).toList();
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).isEmpty()) {
            from++;
        }
        while (to > from && lines.get(to - 1).isEmpty()) {
            to--;
        }
        return String.join("\n", lines.subList(from, to));
    }

    private String category(Map<String, String> e) {
        String c = category.strip().replaceAll("\\s*/\\s*", "/")
                .replaceFirst("^\\$(course|system|module|cat\\d*)\\$/", "").replaceFirst("^top(/|$)", "");
        if (c.length() > 300 || c.startsWith("/") || c.endsWith("/") || c.contains("//") || c.contains("\n")) {
            e.put("category", "The category '" + category.strip() + "' is not accepted; write a path such as "
                    + "M2M/Protocols (names separated by '/', none empty, at most 300 characters), or leave it empty "
                    + "for the bank's top.");
        }
        return c;
    }

    private List<String> tags(Map<String, String> e) {
        List<String> tags = new ArrayList<>();
        tag("objective", objective, "protocols", tags, e);
        tag("section", section, "460.3", tags, e);
        tag("difficulty", difficulty, "2", tags, e);
        List<String> bad = new ArrayList<>();
        for (String t : otherTags.strip().split("[\\s,]+")) {
            if (t.isEmpty()) {
                continue;
            }
            if (t.contains("]") || t.length() > 200) {
                bad.add(t);
            } else if (!tags.contains(t)) {
                tags.add(t);
            }
        }
        if (!bad.isEmpty()) {
            e.put("otherTags", "The tag '" + bad.get(0) + "' is not accepted; tags are words without spaces or ']', "
                    + "at most 200 characters, separated by spaces or commas, such as topic:brokers.");
        }
        return tags;
    }

    private static void tag(String prefix, String value, String example, List<String> tags, Map<String, String> e) {
        String v = value.strip();
        if (v.startsWith(prefix + ":")) {
            v = v.substring(prefix.length() + 1);
        }
        if (v.isEmpty()) {
            return;
        }
        if (!TAG_VALUE.matcher(v).matches()) {
            e.put(prefix, "The " + prefix + " '" + value.strip() + "' is not accepted; give one word without spaces, "
                    + "commas or ']' (at most 100 characters), such as " + example + ".");
            return;
        }
        tags.add(prefix + ":" + v);
    }

    /** Whether two questions are the same apart from the order of their tags. */
    static boolean same(Question a, Question b) {
        return sortedTags(a).equals(sortedTags(b));
    }

    private static Question sortedTags(Question q) {
        return new Question(q.name(), q.text(), q.format(), q.generalFeedback(), q.category(),
                q.tags().stream().sorted(Comparator.naturalOrder()).toList(), q.body());
    }

    /** The HTML id of the input that an error key (such as {@code row.2.percent}) is about. */
    public static String id(String key) {
        return "f-" + key.replace('.', '-');
    }
}
