package org.m2mkit.content.questions;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Moodle XML import and export with the JDK's StAX parser and writer. Moodle's types map one to one
 * (multichoice, truefalse, shortanswer, numerical, matching, essay, description, and the ordering plug-in's
 * ordering); a code question is written as an essay with an extra {@code <m2mkit-code>} element, which Moodle
 * skips, so Moodle imports it as an essay. A numeric range is written as value and tolerance, as Moodle reads
 * it, plus an {@code <m2mkit-range>} element that keeps the range form for the kit.
 */
public final class MoodleXml {

    /** A parsed element: name, attributes, own text, children and the line it starts on. */
    private record Node(String name, Map<String, String> attrs, String text, List<Node> children, int line) {
        Optional<Node> child(String n) {
            return children.stream().filter(c -> c.name.equals(n)).findFirst();
        }

        List<Node> all(String n) {
            return children.stream().filter(c -> c.name.equals(n)).toList();
        }

        /** The text of {@code <n><text>...</text></n>}, or of {@code <n>...</n>} when it has no text child. */
        String textOf(String n) {
            return child(n).map(c -> c.child("text").map(Node::text).orElse(c.text)).orElse("").strip();
        }
    }

    public List<Question> read(String xml, String source) {
        List<Problem> problems = new ArrayList<>();
        List<Question> questions = read(xml, problems);
        if (!problems.isEmpty()) {
            throw new ImportException(source, problems);
        }
        return questions;
    }

    public List<Question> read(String xml, List<Problem> problems) {
        Node root;
        try {
            root = parse(xml);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
            String msg = e.getMessage() == null ? "malformed XML" : e.getMessage().replaceAll("(?s)^ParseError at \\[[^]]*]\\s*Message:\\s*", "");
            problems.add(new Problem(line, "", "not well-formed XML: " + msg.lines().findFirst().orElse(msg)));
            return List.of();
        }
        if (!root.name.equals("quiz")) {
            problems.add(new Problem(root.line, "", "the root element is <" + root.name + ">; Moodle XML starts with <quiz>"));
            return List.of();
        }
        List<Question> out = new ArrayList<>();
        String category = "";
        for (Node q : root.all("question")) {
            String type = q.attrs.getOrDefault("type", "");
            if (type.equals("category")) {
                category = q.textOf("category").replaceFirst("^\\$(course|system|module|cat\\d*)\\$/", "")
                        .replaceFirst("^top(/|$)", "");
                continue;
            }
            String name = q.textOf("name");
            int before = problems.size();
            Body body = body(type, q, name, problems);
            if (body == null || problems.size() > before) {
                continue;
            }
            Node qt = q.child("questiontext").orElse(null);
            String text = q.textOf("questiontext");
            if (text.isEmpty()) {
                problems.add(new Problem(q.line, name, "the question has no <questiontext>"));
                continue;
            }
            TextFormat format = TextFormat.ofXml(qt.attrs.getOrDefault("format", "html")).orElse(null);
            if (format == null) {
                problems.add(new Problem(qt.line, name, "unknown text format '" + qt.attrs.get("format")
                        + "'; accepted: html, moodle_auto_format, plain_text, markdown"));
                continue;
            }
            List<String> tags = q.child("tags").map(t -> t.all("tag").stream().map(x -> x.textOf("text")).toList())
                    .orElse(List.of());
            out.add(new Question(name, text, format, q.textOf("generalfeedback"), category, tags, body));
        }
        return out;
    }

    private static Body body(String type, Node q, String name, List<Problem> problems) {
        List<Node> answers = q.all("answer");
        switch (type) {
            case "multichoice" -> {
                List<Choice> choices = new ArrayList<>();
                for (Node a : answers) {
                    Double f = fraction(a, name, problems);
                    if (f == null) {
                        return null;
                    }
                    choices.add(new Choice(a.textOf("text").isEmpty() ? a.text.strip() : a.textOf("text"), f,
                            a.textOf("feedback")));
                }
                if (choices.size() < 2) {
                    problems.add(new Problem(q.line, name, "a multichoice question needs at least two <answer>s"));
                    return null;
                }
                boolean single = !q.textOf("single").equalsIgnoreCase("false") && !q.textOf("single").equals("0");
                return single ? new Body.SingleChoice(choices) : new Body.MultipleAnswer(choices);
            }
            case "truefalse" -> {
                Boolean answer = null;
                String ifTrue = "";
                String ifFalse = "";
                for (Node a : answers) {
                    Double f = fraction(a, name, problems);
                    if (f == null) {
                        return null;
                    }
                    boolean isTrue = a.textOf("text").equalsIgnoreCase("true");
                    if (isTrue) {
                        ifTrue = a.textOf("feedback");
                    } else {
                        ifFalse = a.textOf("feedback");
                    }
                    if (f >= 100) {
                        answer = isTrue;
                    }
                }
                if (answer == null) {
                    problems.add(new Problem(q.line, name, "a truefalse question needs an <answer fraction=\"100\">"));
                    return null;
                }
                return new Body.TrueFalse(answer, ifTrue, ifFalse);
            }
            case "shortanswer" -> {
                List<Choice> accepted = new ArrayList<>();
                for (Node a : answers) {
                    Double f = fraction(a, name, problems);
                    if (f == null) {
                        return null;
                    }
                    accepted.add(new Choice(a.textOf("text"), f, a.textOf("feedback")));
                }
                if (accepted.isEmpty()) {
                    problems.add(new Problem(q.line, name, "a shortanswer question needs an <answer>"));
                    return null;
                }
                return new Body.ShortAnswer(accepted, q.textOf("usecase").equals("1"));
            }
            case "numerical" -> {
                List<NumericAnswer> accepted = new ArrayList<>();
                String otherwise = "";
                for (Node a : answers) {
                    if (a.textOf("text").equals("*")) {
                        // Moodle's "any other answer", the wrong-answer feedback of GIFT's {#3:2 ~#feedback}
                        otherwise = a.textOf("feedback");
                        continue;
                    }
                    Double f = fraction(a, name, problems);
                    Double value = GiftParser.number(a.textOf("text"));
                    String tol = a.textOf("tolerance");
                    Double tolerance = tol.isEmpty() ? Double.valueOf(0) : GiftParser.number(tol);
                    if (f == null) {
                        return null;
                    }
                    if (value == null || tolerance == null) {
                        problems.add(new Problem(a.line, name, "numerical answer '" + a.textOf("text") + "' or tolerance '"
                                + tol + "' is not a number"));
                        return null;
                    }
                    Optional<Node> range = a.child("m2mkit-range");
                    Double min = range.map(r -> GiftParser.number(r.attrs.getOrDefault("min", ""))).orElse(null);
                    Double max = range.map(r -> GiftParser.number(r.attrs.getOrDefault("max", ""))).orElse(null);
                    accepted.add(min != null && max != null && min <= max
                            ? NumericAnswer.range(min, max, f, a.textOf("feedback"))
                            : NumericAnswer.tolerance(value, tolerance, f, a.textOf("feedback")));
                }
                if (accepted.isEmpty()) {
                    problems.add(new Problem(q.line, name, "a numerical question needs an <answer>"));
                    return null;
                }
                return new Body.Numeric(accepted, otherwise);
            }
            case "matching" -> {
                List<Body.Matching.Pair> pairs = new ArrayList<>();
                for (Node s : q.all("subquestion")) {
                    String right = s.textOf("answer");
                    if (right.isEmpty()) {
                        problems.add(new Problem(s.line, name, "a <subquestion> needs an <answer>"));
                        return null;
                    }
                    pairs.add(new Body.Matching.Pair(s.textOf("text"), right));
                }
                Body.Matching m = new Body.Matching(pairs);
                if (m.prompts().size() < 2) {
                    problems.add(new Problem(q.line, name, "a matching question needs at least two <subquestion>s with text"));
                    return null;
                }
                return m;
            }
            case "ordering" -> {
                List<Node> sorted = new ArrayList<>(answers);
                for (Node a : sorted) {
                    if (fraction(a, name, problems) == null) {
                        return null;
                    }
                }
                sorted.sort((x, y) -> Double.compare(GiftParser.number(x.attrs.getOrDefault("fraction", "0")),
                        GiftParser.number(y.attrs.getOrDefault("fraction", "0"))));
                if (sorted.size() < 2) {
                    problems.add(new Problem(q.line, name, "an ordering question needs at least two <answer>s"));
                    return null;
                }
                return new Body.Ordering(sorted.stream().map(a -> a.textOf("text")).toList());
            }
            case "essay" -> {
                Optional<Node> code = q.child("m2mkit-code");
                if (code.isPresent()) {
                    String kind = code.get().attrs.getOrDefault("kind", "");
                    if (!kind.equals("jshell") && !kind.equals("junit")) {
                        problems.add(new Problem(code.get().line, name, "unknown code check kind '" + kind
                                + "'; accepted: jshell, junit"));
                        return null;
                    }
                    return new Body.Code(new CodeCheck(CodeCheck.Kind.valueOf(kind.toUpperCase()),
                            code.get().textOf("check"), code.get().textOf("starter")));
                }
                return new Body.Essay(q.textOf("graderinfo"));
            }
            case "description" -> {
                return new Body.Description();
            }
            default -> {
                problems.add(new Problem(q.line, name, "question type '" + type + "' is not supported; accepted: "
                        + "category, multichoice, truefalse, shortanswer, numerical, matching, ordering, essay, description"));
                return null;
            }
        }
    }

    private static Double fraction(Node a, String name, List<Problem> problems) {
        String raw = a.attrs.getOrDefault("fraction", "0");
        Double f = GiftParser.number(raw);
        if (f == null) {
            problems.add(new Problem(a.line, name, "fraction '" + raw + "' is not a number; accepted: a percentage such as 100, 50 or -25"));
        }
        return f;
    }

    private static Node parse(String xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader r = factory.createXMLStreamReader(new StringReader(xml));
        try {
            List<Object[]> stack = new ArrayList<>();
            Node root = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    Map<String, String> attrs = new HashMap<>();
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                    }
                    stack.add(new Object[] {r.getLocalName(), attrs, new StringBuilder(), new ArrayList<Node>(),
                            r.getLocation().getLineNumber()});
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (!stack.isEmpty()) {
                        ((StringBuilder) stack.get(stack.size() - 1)[2]).append(r.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    Object[] top = stack.remove(stack.size() - 1);
                    @SuppressWarnings("unchecked")
                    Node node = new Node((String) top[0], (Map<String, String>) top[1], top[2].toString(),
                            (List<Node>) top[3], (Integer) top[4]);
                    if (stack.isEmpty()) {
                        root = node;
                    } else {
                        @SuppressWarnings("unchecked")
                        List<Node> siblings = (List<Node>) stack.get(stack.size() - 1)[3];
                        siblings.add(node);
                    }
                }
            }
            return root;
        } finally {
            r.close();
        }
    }

    public String write(List<Question> questions) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("quiz");
            String category = null;
            for (Question q : questions) {
                if (!q.category().equals(category)) {
                    category = q.category();
                    open(w, 1, "question", "type", "category");
                    open(w, 2, "category");
                    textElement(w, category.isEmpty() ? "$course$/top" : "$course$/top/" + category);
                    w.writeEndElement();
                    close(w, 1);
                }
                question(w, q);
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing Moodle XML", e);
        }
        return out.toString();
    }

    private static void question(XMLStreamWriter w, Question q) throws XMLStreamException {
        Body b = q.body();
        String type = b instanceof Body.SingleChoice || b instanceof Body.MultipleAnswer ? "multichoice"
                : b instanceof Body.Numeric ? "numerical" : b instanceof Body.Code ? "essay" : b.type();
        open(w, 1, "question", "type", type);
        open(w, 2, "name");
        textElement(w, q.name());
        w.writeEndElement();
        open(w, 2, "questiontext", "format", q.format().xmlName());
        textElement(w, q.text());
        w.writeEndElement();
        open(w, 2, "generalfeedback", "format", "html");
        textElement(w, q.generalFeedback());
        w.writeEndElement();
        simple(w, 2, "defaultgrade", b instanceof Body.Description ? "0" : "1");
        if (b instanceof Body.SingleChoice s) {
            simple(w, 2, "single", "true");
            simple(w, 2, "shuffleanswers", "true");
            for (Choice c : s.choices()) {
                answer(w, c.percent(), c.text(), c.feedback());
            }
        } else if (b instanceof Body.MultipleAnswer m) {
            simple(w, 2, "single", "false");
            simple(w, 2, "shuffleanswers", "true");
            for (Choice c : m.choices()) {
                answer(w, c.percent(), c.text(), c.feedback());
            }
        } else if (b instanceof Body.TrueFalse t) {
            answer(w, t.answer() ? 100 : 0, "true", t.feedbackIfTrue());
            answer(w, t.answer() ? 0 : 100, "false", t.feedbackIfFalse());
        } else if (b instanceof Body.ShortAnswer s) {
            simple(w, 2, "usecase", s.caseSensitive() ? "1" : "0");
            for (Choice c : s.answers()) {
                answer(w, c.percent(), c.text(), c.feedback());
            }
        } else if (b instanceof Body.Numeric n) {
            for (NumericAnswer a : n.answers()) {
                open(w, 2, "answer", "fraction", GiftParser.plain(a.percent()), "format", "moodle_auto_format");
                textElement(w, GiftParser.plain(a.value()));
                simple(w, 3, "tolerance", GiftParser.plain(a.tolerance()));
                if (a.range()) {
                    indent(w, 3);
                    w.writeEmptyElement("m2mkit-range");
                    w.writeAttribute("min", GiftParser.plain(a.a()));
                    w.writeAttribute("max", GiftParser.plain(a.b()));
                }
                feedback(w, a.feedback());
                close(w, 2);
            }
            if (!n.otherwise().isEmpty()) {
                open(w, 2, "answer", "fraction", "0", "format", "moodle_auto_format");
                textElement(w, "*");
                simple(w, 3, "tolerance", "0");
                feedback(w, n.otherwise());
                close(w, 2);
            }
        } else if (b instanceof Body.Matching m) {
            simple(w, 2, "shuffleanswers", "true");
            for (Body.Matching.Pair p : m.pairs()) {
                open(w, 2, "subquestion", "format", "html");
                textElement(w, p.left());
                open(w, 3, "answer");
                textElement(w, p.right());
                w.writeEndElement();
                close(w, 2);
            }
        } else if (b instanceof Body.Ordering o) {
            for (int i = 0; i < o.items().size(); i++) {
                open(w, 2, "answer", "fraction", String.valueOf(i + 1), "format", "moodle_auto_format");
                textElement(w, o.items().get(i));
                w.writeEndElement();
            }
        } else if (b instanceof Body.Essay e) {
            simple(w, 2, "responseformat", "editor");
            open(w, 2, "graderinfo", "format", "html");
            textElement(w, e.graderInfo());
            w.writeEndElement();
        } else if (b instanceof Body.Code c) {
            simple(w, 2, "responseformat", "monospaced");
            open(w, 2, "m2mkit-code", "kind", c.check().kind().name().toLowerCase());
            open(w, 3, "check");
            textElement(w, c.check().check());
            w.writeEndElement();
            open(w, 3, "starter");
            textElement(w, c.check().starter());
            w.writeEndElement();
            close(w, 2);
        }
        if (!q.tags().isEmpty()) {
            open(w, 2, "tags");
            for (String tag : q.tags()) {
                open(w, 3, "tag");
                textElement(w, tag);
                w.writeEndElement();
            }
            close(w, 2);
        }
        close(w, 1);
    }

    private static void answer(XMLStreamWriter w, double percent, String text, String feedback) throws XMLStreamException {
        open(w, 2, "answer", "fraction", GiftParser.plain(percent), "format", "html");
        textElement(w, text);
        feedback(w, feedback);
        w.writeEndElement();
    }

    private static void feedback(XMLStreamWriter w, String feedback) throws XMLStreamException {
        w.writeStartElement("feedback");
        w.writeAttribute("format", "html");
        textElement(w, feedback);
        w.writeEndElement();
    }

    private static void textElement(XMLStreamWriter w, String text) throws XMLStreamException {
        w.writeStartElement("text");
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void simple(XMLStreamWriter w, int depth, String name, String value) throws XMLStreamException {
        indent(w, depth);
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void open(XMLStreamWriter w, int depth, String name, String... attrs) throws XMLStreamException {
        indent(w, depth);
        w.writeStartElement(name);
        for (int i = 0; i + 1 < attrs.length; i += 2) {
            w.writeAttribute(attrs[i], attrs[i + 1]);
        }
    }

    private static void close(XMLStreamWriter w, int depth) throws XMLStreamException {
        indent(w, depth);
        w.writeEndElement();
    }

    private static void indent(XMLStreamWriter w, int depth) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }
}
