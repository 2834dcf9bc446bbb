package org.m2mkit.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.m2mkit.content.questions.Body;
import org.m2mkit.content.questions.Problem;
import org.m2mkit.content.questions.Question;

/**
 * Checks the chapter as a whole: every objective is taught by a lesson, practised by a handout activity and
 * assessed by enough questions of enough kinds; every link stays inside the kit and resolves; every diagram
 * and knowledge check is well formed; every glossary term and reference is used; every lesson opens with its
 * objectives and closes with its key takeaways, and every diagram has alt text; devices are put in the same node
 * class by the lessons, the question banks and the protocol lab's scenarios; every protocol and link the protocol
 * lab grades is taught by a lesson. Returns one line per problem, each naming the file or item and what is wrong;
 * an empty list means the content is sound. {@link #cellClaims} checks the numbers a knowledge check quotes from
 * the cell above it, for a caller that has run the cells.
 */
public final class ContentCheck {

    /** Least questions per objective across the banks. */
    public static final int MIN_QUESTIONS = 12;
    /** Least question kinds per objective. */
    public static final int MIN_QUESTION_TYPES = 3;
    /** Least and most inline knowledge checks per lesson. */
    public static final int MIN_LESSON_CHECKS = 2;
    public static final int MAX_LESSON_CHECKS = 4;
    /** Pages outside the chapter that content may link to. */
    public static final Set<String> APP_PAGES = Set.of("/labs", "/labs/live", "/quizzes", "/glossary", "/references");

    /**
     * A graded lab's page, {@code /labs/<id>}. The labs are plug-ins of the grader, which this module cannot see:
     * alone it takes any well-formed lab id, and the web, which reads the registry, checks the ids themselves
     * ({@link #problems(Chapter, String, Set)}).
     */
    private static final Pattern LAB_PAGE = Pattern.compile("/labs/([a-z][a-z0-9-]*)");

    private static final Set<String> DIAGRAMS = Set.of("sequenceDiagram", "flowchart", "graph", "stateDiagram",
            "stateDiagram-v2", "classDiagram", "erDiagram", "timeline", "quadrantChart", "xychart-beta");
    private static final Pattern HEADING_ID = Pattern.compile("<h[1-6] id=\"([^\"]+)\"");
    private static final Pattern PARTICIPANT = Pattern.compile("^\\s*(?:participant|actor)\\s+(\\S+)");
    private static final Pattern MESSAGE = Pattern.compile("^\\s*([^\\s:+-]+)\\s*-{1,2}(?:>>|>|x|\\))[+-]?\\s*([^\\s:]+)\\s*:");
    private static final Pattern NOTE = Pattern.compile("^\\s*Note\\s+(?:over|left of|right of)\\s+([^:]+):");

    private final Chapter chapter;
    private final Set<String> objectives;
    private final Set<String> sections;
    private final Map<String, Set<String>> anchors = new HashMap<>();
    private final Set<String> citedReferences = new HashSet<>();
    private final List<String> problems = new ArrayList<>();
    private final Parser parser = Parser.builder().build();

    /** The graded labs' ids, or null when the caller cannot know them. */
    private final Set<String> labIds;

    private ContentCheck(Chapter chapter, Set<String> labIds) {
        this.chapter = chapter;
        this.labIds = labIds;
        this.objectives = chapter.objectives().stream().map(Objective::id).collect(Collectors.toSet());
        this.sections = chapter.lessons().stream().map(Lesson::section).collect(Collectors.toSet());
        MarkdownRenderer renderer = new MarkdownRenderer();
        chapter.lessons().forEach(l -> anchors.put("/lessons/" + l.id(), headingIds(renderer.render(l.markdown()))));
        chapter.handouts().forEach(h -> anchors.put("/handouts/" + h.id(), headingIds(renderer.render(h.markdown()))));
        anchors.put("/glossary", chapter.glossary().stream().map(GlossaryEntry::anchor).collect(Collectors.toSet()));
        anchors.put("/references", chapter.references().stream().map(Reference::id).collect(Collectors.toSet()));
    }

    /** Where the protocol lab's scenario bank lives on the class path. */
    public static final String SCENARIO_BANK = "content/scenarios/protocol-bank.yaml";

    /**
     * Devices the chapter names, and the node class the lessons give each (lesson applications-and-nodes, "Three
     * classes of node"). Lessons, banks and scenarios must agree with it.
     */
    public static final Map<String, String> NODE_CLASSES = nodeClasses();

    /** How the lessons write each protocol and link the protocol lab grades. */
    public static final Map<String, List<String>> TAUGHT_AS = taughtAs();

    private static final Pattern CLASS_WORD = Pattern.compile("\\b(low|mid|high)-end\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d+");

    /** Every problem of the chapter and of the shipped scenario bank, or an empty list. */
    public static List<String> problems(Chapter chapter) {
        return problems(chapter, shippedScenarioBank());
    }

    /** As {@link #problems(Chapter)}, with links to graded labs checked against the labs the kit has. */
    public static List<String> problems(Chapter chapter, Set<String> labIds) {
        return problems(chapter, shippedScenarioBank(), labIds);
    }

    /** Every problem of the chapter, checked against {@code scenarioBankYaml} (null: no scenario bank). */
    public static List<String> problems(Chapter chapter, String scenarioBankYaml) {
        return problems(chapter, scenarioBankYaml, null);
    }

    /**
     * Every problem of the chapter, checked against {@code scenarioBankYaml} (null: no scenario bank), where a link
     * to {@code /labs/<id>} must name one of {@code labIds} (null: any well-formed id).
     */
    public static List<String> problems(Chapter chapter, String scenarioBankYaml, Set<String> labIds) {
        ContentCheck check = new ContentCheck(chapter, labIds);
        check.run();
        check.nodeClassAgreement(scenarioBankYaml);
        check.gradedMeansTaught(scenarioBankYaml);
        return List.copyOf(check.problems);
    }

    private static String shippedScenarioBank() {
        try (InputStream in = ContentCheck.class.getClassLoader().getResourceAsStream(SCENARIO_BANK)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> nodeClasses() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String low : List.of("soil probe", "soil-moisture probe", "temperature probe", "door contact", "water meter",
                "gas meter", "parking sensor", "wall switch")) {
            m.put(low, "low-end");
        }
        for (String mid : List.of("smart meter", "smart electricity meter", "electricity meter", "energy meter",
                "rfid reader", "wearable monitor")) {
            m.put(mid, "mid-end");
        }
        for (String high : List.of("gateway", "data concentrator", "industrial controller", "plc", "camera",
                "pump-station controller")) {
            m.put(high, "high-end");
        }
        return Map.copyOf(m);
    }

    private static Map<String, List<String>> taughtAs() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("MQTT", List.of("MQTT"));
        m.put("COAP", List.of("CoAP"));
        m.put("LWM2M", List.of("LwM2M"));
        m.put("ONEM2M", List.of("oneM2M"));
        m.put("ETSI_M2M", List.of("ETSI M2M"));
        m.put("HTTP_REST", List.of("HTTP"));
        m.put("AMQP", List.of("AMQP"));
        m.put("MODBUS", List.of("Modbus"));
        m.put("DLMS_COSEM", List.of("DLMS/COSEM"));
        m.put("ETHERNET", List.of("Ethernet"));
        m.put("WIFI", List.of("Wi-Fi"));
        m.put("ZIGBEE", List.of("Zigbee"));
        m.put("LORAWAN", List.of("LoRaWAN"));
        m.put("GPRS_2G", List.of("2G"));
        m.put("UMTS_3G", List.of("3G"));
        m.put("LTE_4G", List.of("4G", "LTE"));
        m.put("LTE_M", List.of("LTE-M"));
        m.put("NB_IOT", List.of("NB-IoT"));
        m.put("NR_5G", List.of("5G"));
        return Map.copyOf(m);
    }

    private static final Pattern SUBJECT_END = Pattern.compile("[,;:]| from | (?:is|are|must|sit|sits|send|sends|"
            + "report|reports|answer|answers|connects|take|takes|exchange|streams?|uploads?|downloads?|tells?|hands?|"
            + "offers?|aggregates?|reads?|polls?|puts?|holds?|opens?|receives?|applies|apply) ");

    /** The subject of a scenario's summary: the words before its first verb, comma or "from". */
    static String subject(String summary) {
        Matcher m = SUBJECT_END.matcher(summary);
        return m.find() ? summary.substring(0, m.start()) : summary;
    }

    /** The device of {@link #NODE_CLASSES} named first in {@code text}, or null. */
    static String firstDevice(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        String best = null;
        int at = Integer.MAX_VALUE;
        for (String device : NODE_CLASSES.keySet()) {
            Matcher m = Pattern.compile("\\b" + Pattern.quote(device) + "s?\\b").matcher(t);
            if (m.find() && (m.start() < at || (m.start() == at && device.length() > best.length()))) {
                at = m.start();
                best = device;
            }
        }
        return best;
    }

    private void nodeClassAgreement(String scenarioBankYaml) {
        for (Lesson lesson : chapter.lessons()) {
            for (String line : lesson.markdown().lines().toList()) {
                if (!line.startsWith("| Examples |")) {
                    continue;
                }
                String[] cells = line.split("\\|");
                String[] classes = {"low-end", "mid-end", "high-end"};
                for (int c = 0; c < 3 && c + 2 < cells.length; c++) {
                    for (String item : cells[c + 2].split(",")) {
                        String device = firstDevice(item);
                        if (device != null && item.toLowerCase(Locale.ROOT).contains(device)
                                && !NODE_CLASSES.get(device).equals(classes[c])) {
                            problems.add("lesson " + lesson.id() + ": the node-class table puts '" + item.strip()
                                    + "' under " + classes[c] + ", but the chapter makes a " + device + " "
                                    + NODE_CLASSES.get(device) + " (ContentCheck.NODE_CLASSES)");
                        }
                    }
                }
            }
        }
        for (GiftBank bank : chapter.questionBanks()) {
            for (GiftBlocks.Block block : GiftBlocks.read(bank.gift())) {
                Question q = block.question();
                if (q != null) {
                    nodeClassOfAnswer(bank.path() + " line " + block.line() + " (" + q.name() + ")", q);
                }
            }
        }
        if (scenarioBankYaml == null) {
            return;
        }
        for (JsonNode s : scenarios(scenarioBankYaml)) {
            String device = firstDevice(subject(s.path("summary").asText()));
            String declared = s.path("nodeClass").asText().toLowerCase(Locale.ROOT).replace('_', '-');
            if (device != null && !NODE_CLASSES.get(device).equals(declared)) {
                problems.add(SCENARIO_BANK + " " + s.path("id").asText() + ": nodeClass " + s.path("nodeClass").asText()
                        + " for a " + device + ", which the lessons make " + NODE_CLASSES.get(device));
            }
        }
    }

    /** Matching pairs and right answers that put a known device in a node class must agree with the lessons. */
    private void nodeClassOfAnswer(String where, Question q) {
        if (q.body() instanceof Body.Matching m) {
            for (Body.Matching.Pair p : m.pairs()) {
                agree(where, p.left(), p.right());
            }
        } else if (q.body() instanceof Body.SingleChoice s) {
            s.choices().stream().filter(c -> c.percent() >= 100).findFirst().ifPresent(c -> agree(where, q.text(), c.text()));
        }
    }

    private void agree(String where, String deviceText, String classText) {
        Matcher m = CLASS_WORD.matcher(classText);
        String device = firstDevice(deviceText);
        if (device == null || !m.find()) {
            return;
        }
        String named = m.group(1).toLowerCase(Locale.ROOT) + "-end";
        if (!NODE_CLASSES.get(device).equals(named)) {
            problems.add(where + ": puts a " + device + " at " + named + ", but the lessons make it "
                    + NODE_CLASSES.get(device));
        }
    }

    private void gradedMeansTaught(String scenarioBankYaml) {
        if (scenarioBankYaml == null) {
            return;
        }
        String lessons = chapter.lessons().stream().map(Lesson::markdown).collect(Collectors.joining("\n"));
        Set<String> graded = new java.util.TreeSet<>();
        for (JsonNode s : scenarios(scenarioBankYaml)) {
            for (String part : List.of("protocol", "link")) {
                s.path(part).path("accept").fieldNames().forEachRemaining(graded::add);
            }
        }
        for (String answer : graded) {
            List<String> names = TAUGHT_AS.get(answer);
            if (names == null) {
                problems.add(SCENARIO_BANK + ": " + answer + " is graded, but ContentCheck.TAUGHT_AS does not say how"
                        + " the lessons write it");
            } else if (names.stream().noneMatch(n -> Pattern.compile("(?<![\\w-])" + Pattern.quote(n) + "(?![\\w])")
                    .matcher(lessons).find())) {
                problems.add(SCENARIO_BANK + ": " + answer + " is graded, but no lesson teaches it (none mentions "
                        + String.join(" or ", names) + ")");
            }
        }
    }

    private static List<JsonNode> scenarios(String yaml) {
        try {
            List<JsonNode> list = new ArrayList<>();
            new ObjectMapper(new YAMLFactory()).readTree(yaml).path("scenarios").forEach(list::add);
            return list;
        } catch (IOException e) {
            throw new ContentException(SCENARIO_BANK + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the numbers a knowledge check quotes from a cell against what the cell printed. A check that speaks
     * of "the cell above" is compared with the output of the last cell before it: every decimal number its
     * question states before a "not" (as in "why is the total 20.5 kW and not 22.7 kW") must appear in that
     * output. {@code outputs} holds the printed output of each jshell cell of {@code markdown}, in page order.
     */
    public static List<String> cellClaims(String where, String markdown, List<String> outputs) {
        List<String> found = new ArrayList<>();
        int[] cell = {-1};
        Parser.builder().build().parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                String language = block.getInfo() == null ? "" : block.getInfo().trim().split("\\s+", 2)[0];
                if (language.equals("jshell")) {
                    cell[0]++;
                } else if (language.equals("check") && cell[0] >= 0 && cell[0] < outputs.size()) {
                    List<GiftBlocks.Block> blocks = GiftBlocks.read(block.getLiteral());
                    Question q = blocks.size() == 1 ? blocks.get(0).question() : null;
                    if (q == null || !q.text().toLowerCase(Locale.ROOT).contains("cell above")) {
                        return;
                    }
                    String stem = q.text().split("(?i)\\bnot\\b", 2)[0];
                    Matcher m = DECIMAL.matcher(stem);
                    while (m.find()) {
                        if (!outputs.get(cell[0]).contains(m.group())) {
                            found.add(where + ": knowledge check " + q.name() + " states " + m.group()
                                    + ", but the cell above prints no such number: " + outputs.get(cell[0]).strip());
                        }
                    }
                }
            }
        });
        return found;
    }

    private List<String> run() {
        for (Lesson lesson : chapter.lessons()) {
            String where = "lesson " + lesson.id();
            knownObjectives(where, lesson.objectives());
            int checks = page(where, "/lessons/" + lesson.id(), lesson.markdown());
            if (!lesson.markdown().contains("> **In this lesson you will**")) {
                problems.add(where + ": a lesson opens with its objectives, a box '> **In this lesson you will**'"
                        + " followed by a list");
            }
            if (!lesson.markdown().contains("> **Key takeaways**")) {
                problems.add(where + ": a lesson ends with a box '> **Key takeaways**' followed by a list");
            }
            if (checks < MIN_LESSON_CHECKS || checks > MAX_LESSON_CHECKS) {
                problems.add(where + ": " + checks + " knowledge checks, a lesson has " + MIN_LESSON_CHECKS + " to "
                        + MAX_LESSON_CHECKS);
            }
        }
        for (Handout handout : chapter.handouts()) {
            String where = "handout " + handout.id();
            knownObjectives(where, handout.objectives());
            handout.activities().forEach(a -> knownObjectives(where + " activity " + a.id(), a.objectives()));
            page(where, "/handouts/" + handout.id(), handout.markdown());
        }
        glossary();
        references();
        Map<String, List<Question>> questions = questionBanks();
        coverage(questions);
        notRepeatedFromLessons();
        sectionBalance();
        return List.copyOf(problems);
    }

    /** Most of the bank's items one lesson section may hold, so that every part of the chapter is assessed. */
    public static final double MAX_SECTION_SHARE = 0.5;
    /** How alike (shared words over all words) a bank item and a lesson's check may be before it is a repeat. */
    public static final double MAX_LIKENESS = 0.6;

    private final List<Question> lessonChecks = new ArrayList<>();
    private final Map<String, Integer> itemsPerSection = new java.util.TreeMap<>();

    /** A bank item must not repeat a knowledge check whose answer the lesson shows next to it. */
    private void notRepeatedFromLessons() {
        for (GiftBank bank : chapter.questionBanks()) {
            for (GiftBlocks.Block block : GiftBlocks.read(bank.gift())) {
                Question q = block.question();
                if (q == null) {
                    continue;
                }
                for (Question check : lessonChecks) {
                    double likeness = likeness(q.text(), check.text());
                    if (likeness >= MAX_LIKENESS) {
                        problems.add(bank.path() + " line " + block.line() + ": '" + q.name() + "' repeats the lesson"
                                + " check '" + check.name() + "' (" + Math.round(likeness * 100) + "% the same words),"
                                + " whose answer the lesson shows; ask about a new case");
                    }
                }
            }
        }
    }

    static double likeness(String a, String b) {
        Set<String> x = words(a);
        Set<String> y = words(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        Set<String> all = new HashSet<>(x);
        all.addAll(y);
        return both.size() * 1.0 / all.size();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.length() > 3) {
                words.add(w);
            }
        }
        return words;
    }

    private void sectionBalance() {
        int total = itemsPerSection.values().stream().mapToInt(Integer::intValue).sum();
        itemsPerSection.forEach((section, n) -> {
            if (total > 0 && n > MAX_SECTION_SHARE * total) {
                problems.add("question banks: section " + section + " holds " + n + " of " + total + " items, more than "
                        + Math.round(MAX_SECTION_SHARE * 100) + "%; tag items with the section that teaches them");
            }
        });
    }

    private void knownObjectives(String where, List<String> ids) {
        ids.stream().filter(id -> !objectives.contains(id))
                .forEach(id -> problems.add(where + ": unknown objective '" + id + "'; known: " + sorted(objectives)));
    }

    /** Checks one page's links, diagrams and knowledge checks; returns how many knowledge checks it has. */
    private int page(String where, String self, String markdown) {
        int[] checks = {0};
        Node document = parser.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                destination(where, self, link.getDestination(), "link");
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                destination(where, self, image.getDestination(), "image");
            }

            @Override
            public void visit(FencedCodeBlock block) {
                String language = block.getInfo() == null ? "" : block.getInfo().trim().split("\\s+", 2)[0];
                if (language.equals("mermaid")) {
                    diagram(where, block.getLiteral());
                    caption(where, block);
                } else if (language.equals("check")) {
                    checks[0]++;
                    knowledgeCheck(where, block.getLiteral());
                }
            }
        });
        return checks[0];
    }

    private void destination(String where, String self, String url, String kind) {
        if (url == null || url.isBlank()) {
            problems.add(where + ": a " + kind + " has no destination");
            return;
        }
        if (!url.startsWith("/") && !url.startsWith("#")) {
            problems.add(where + ": " + kind + " '" + url + "' leaves the kit; cite outside sources as plain text"
                    + " on /references and link to /references#<id>");
            return;
        }
        int hash = url.indexOf('#');
        String path = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? null : url.substring(hash + 1);
        if (path.isEmpty()) {
            path = self;
        }
        if (path.equals("/references") && fragment != null) {
            citedReferences.add(fragment);
        }
        if (!anchors.containsKey(path) && !APP_PAGES.contains(path) && !labPage(path)) {
            problems.add(where + ": " + kind + " '" + url + "' points to no page; pages are /lessons/<id>,"
                    + " /handouts/<id>, " + (labIds == null ? "/labs/<lab id>" : "/labs/<" + String.join("|",
                    sorted(labIds)) + ">") + " and " + sorted(APP_PAGES));
        } else if (fragment != null && !anchors.getOrDefault(path, Set.of()).contains(fragment)) {
            problems.add(where + ": " + kind + " '" + url + "' names an anchor '" + fragment + "' that "
                    + path + " does not have");
        }
    }

    private boolean labPage(String path) {
        java.util.regex.Matcher m = LAB_PAGE.matcher(path);
        return m.matches() && (labIds == null || labIds.contains(m.group(1)));
    }

    /** A diagram is followed by its caption, a paragraph in italics that starts with "Figure". */
    private void caption(String where, FencedCodeBlock block) {
        Node next = block.getNext();
        boolean captioned = next instanceof org.commonmark.node.Paragraph
                && next.getFirstChild() instanceof org.commonmark.node.Emphasis e
                && e.getFirstChild() instanceof org.commonmark.node.Text t && t.getLiteral().startsWith("Figure");
        if (!captioned) {
            problems.add(where + ": a diagram needs a caption right after it, a paragraph such as"
                    + " '*Figure: what it shows.*'");
        }
    }

    private void diagram(String where, String text) {
        List<String> lines = text.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("%%")).toList();
        // Alt text in mermaid's own accessibility syntax, which mermaid writes into the SVG's title and desc
        if (lines.stream().noneMatch(l -> l.startsWith("accTitle:") && l.length() > "accTitle:".length() + 3)
                || lines.stream().noneMatch(l -> l.startsWith("accDescr:") && l.length() > "accDescr:".length() + 20)) {
            problems.add(where + ": a diagram needs alt text: an 'accTitle: <short title>' line and an"
                    + " 'accDescr: <what the diagram shows, in words>' line after its first line");
        }
        String type = lines.isEmpty() ? "" : lines.get(0).split("\\s+")[0];
        if (!DIAGRAMS.contains(type)) {
            problems.add(where + ": a mermaid block starts with '" + type + "', not a diagram type such as "
                    + "sequenceDiagram or flowchart");
            return;
        }
        if (!type.equals("sequenceDiagram")) {
            return;
        }
        Set<String> declared = new HashSet<>();
        lines.stream().map(PARTICIPANT::matcher).filter(Matcher::find).forEach(m -> declared.add(m.group(1)));
        if (declared.isEmpty()) {
            return;
        }
        for (String line : lines) {
            List<String> named = new ArrayList<>();
            Matcher m = MESSAGE.matcher(line);
            if (m.find()) {
                named.add(m.group(1));
                named.add(m.group(2));
            }
            Matcher n = NOTE.matcher(line);
            if (n.find()) {
                for (String p : n.group(1).split(",")) {
                    named.add(p.strip());
                }
            }
            named.stream().filter(p -> !declared.contains(p)).forEach(p -> problems.add(where
                    + ": the sequence diagram uses '" + p + "', which is not a declared participant (" + line + ")"));
        }
    }

    private void knowledgeCheck(String where, String gift) {
        List<GiftBlocks.Block> blocks = GiftBlocks.read(gift);
        if (blocks.size() != 1) {
            problems.add(where + ": a check block holds exactly one GIFT question, found " + blocks.size());
            return;
        }
        GiftBlocks.Block block = blocks.get(0);
        String name = name(block);
        String prefix = where + ": knowledge check " + (name.isEmpty() ? "(no name)" : name);
        block.problems().forEach(p -> problems.add(prefix + ": " + p.message()));
        Question q = block.question();
        if (q == null) {
            return;
        }
        lessonChecks.add(q);
        singleChoice(q).ifPresent(p -> problems.add(prefix + ": " + p));
        if (q.body() instanceof Body.Description) {
            problems.add(prefix + " has no answer block");
        }
        if (q.generalFeedback().isEmpty()) {
            problems.add(prefix + " has no '####' feedback explaining the answer");
        }
    }

    /** The question's name; for a question that did not parse, the name or start of text its problems carry. */
    private static String name(GiftBlocks.Block block) {
        if (block.question() != null) {
            return block.question().name();
        }
        return block.problems().stream().map(Problem::question).filter(n -> !n.isBlank()).findFirst().orElse("");
    }

    /**
     * The kit asks more of a single-choice question than GIFT does: one right answer, so that the choice is not a
     * guess between equally right ones.
     */
    private static Optional<String> singleChoice(Question q) {
        if (q.body() instanceof Body.SingleChoice s) {
            long right = s.choices().stream().filter(c -> c.percent() >= 100).count();
            if (right != 1) {
                return Optional.of("a single-choice question has exactly one '=' answer, found " + right);
            }
        }
        return Optional.empty();
    }

    private void glossary() {
        Set<String> lessons = chapter.lessons().stream().map(Lesson::id).collect(Collectors.toSet());
        Set<String> terms = new HashSet<>();
        for (GlossaryEntry entry : chapter.glossary()) {
            if (entry.term() == null || entry.definition() == null || entry.definition().isBlank()) {
                problems.add("glossary: every term needs a term and a definition: " + entry);
                continue;
            }
            if (!terms.add(entry.anchor())) {
                problems.add("glossary: '" + entry.term() + "' is listed twice");
            }
            if (!lessons.contains(entry.lesson())) {
                problems.add("glossary: '" + entry.term() + "' names lesson '" + entry.lesson() + "', which does not exist");
            }
        }
        Set<String> glossaryTerms = chapter.glossary().stream().map(GlossaryEntry::term).collect(Collectors.toSet());
        chapter.keyTerms().stream().map(KeyTerm::term).filter(t -> !glossaryTerms.contains(t))
                .forEach(t -> problems.add("glossary: the key term '" + t + "' is missing from the glossary"));
    }

    private void references() {
        Set<String> ids = new HashSet<>();
        for (Reference r : chapter.references()) {
            if (r.id() == null || r.title() == null || r.publisher() == null || r.date() == null || r.usedFor() == null) {
                problems.add("references: every entry needs id, title, publisher, date and usedFor: " + r);
            } else if (!ids.add(r.id())) {
                problems.add("references: id '" + r.id() + "' is listed twice");
            } else if (!citedReferences.contains(r.id())) {
                problems.add("references: '" + r.id() + "' is cited by no lesson or handout (link /references#" + r.id() + ")");
            }
        }
    }

    private Map<String, List<Question>> questionBanks() {
        Map<String, List<Question>> byObjective = new LinkedHashMap<>();
        objectives.forEach(o -> byObjective.put(o, new ArrayList<>()));
        Set<String> names = new HashSet<>();
        for (GiftBank bank : chapter.questionBanks()) {
            for (GiftBlocks.Block block : GiftBlocks.read(bank.gift())) {
                String where = bank.path() + " line " + block.line();
                block.problems().forEach(p -> problems.add(bank.path() + " line " + p.line() + ": " + p.message()));
                Question q = block.question();
                if (q != null) {
                    question(where, q, names);
                }
                String objective = tags(where, bank, block.tags());
                if (objective != null && q != null) {
                    byObjective.get(objective).add(q);
                }
            }
        }
        return byObjective;
    }

    private void question(String where, Question q, Set<String> names) {
        if (q.name().isBlank()) {
            problems.add(where + ": every question has a '::name::'");
        } else if (!names.add(q.name())) {
            problems.add(where + ": the name '" + q.name() + "' is used twice");
        }
        singleChoice(q).ifPresent(p -> problems.add(where + ": " + p));
        if (q.body() instanceof Body.Description) {
            problems.add(where + ": no answer block '{...}'");
        }
        if (q.generalFeedback().isEmpty()) {
            problems.add(where + ": no '####' feedback explaining the right answer");
        }
    }

    /** Checks a question's tags; returns its objective, or null when the tags name none of the chapter's. */
    private String tags(String where, GiftBank bank, Map<String, String> tags) {
        String objective = tags.get("objective");
        if (objective == null || !objectives.contains(objective)) {
            problems.add(where + ": tags need 'objective:<id>' with one of " + sorted(objectives)
                    + ", as in // [tag:objective:" + bank.objective() + "] [tag:section:460.3.3] [tag:difficulty:2]");
            return null;
        }
        if (!objective.equals(bank.objective())) {
            problems.add(where + ": tagged objective:" + objective + " but the file is the bank of " + bank.objective());
        }
        itemsPerSection.merge(tags.getOrDefault("section", ""), 1, Integer::sum);
        if (!sections.contains(tags.getOrDefault("section", ""))) {
            problems.add(where + ": tags need 'section:<n>' with a lesson section, one of " + sorted(sections));
        }
        if (!tags.getOrDefault("difficulty", "").matches("[123]")) {
            problems.add(where + ": tags need 'difficulty:1', '2' or '3'");
        }
        return objective;
    }

    private void coverage(Map<String, List<Question>> questions) {
        for (Objective objective : chapter.objectives()) {
            String id = objective.id();
            if (chapter.lessons().stream().noneMatch(l -> l.objectives().contains(id))) {
                problems.add("objective " + id + ": no lesson covers it (front matter 'objectives')");
            }
            if (chapter.handouts().stream().flatMap(h -> h.activities().stream())
                    .noneMatch(a -> a.objectives().contains(id))) {
                problems.add("objective " + id + ": no handout activity practises it");
            }
            List<Question> items = questions.get(id);
            if (items.size() < MIN_QUESTIONS) {
                problems.add("objective " + id + ": " + items.size() + " questions, at least " + MIN_QUESTIONS
                        + " needed in questions/" + id + ".gift");
            }
            Set<String> kinds = items.stream().map(q -> q.body().type()).collect(Collectors.toSet());
            if (kinds.size() < MIN_QUESTION_TYPES) {
                problems.add("objective " + id + ": questions of " + kinds.size() + " kinds " + sorted(kinds)
                        + ", at least " + MIN_QUESTION_TYPES + " needed");
            }
        }
    }

    private static Set<String> headingIds(String html) {
        Set<String> ids = new HashSet<>();
        Matcher m = HEADING_ID.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static <T extends Comparable<T>> List<T> sorted(Set<T> set) {
        return set.stream().sorted().collect(Collectors.toList());
    }

}
