package org.m2mkit.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The content check on the shipped chapter, and on copies of it with one thing broken, to show that it notices.
 */
class ContentCheckTest {

    private static final String CELLULAR_BANK = "content/questions/cellular.gift";
    private static final String CYCLE_LESSON = "content/lessons/12-autonomous-cycle.md";

    @Test
    void theShippedChapterHasNoProblems() {
        assertThat(ContentCheck.problems(ContentLoader.load())).isEmpty();
    }

    @Test
    void linksToGradedLabsNameALabTheKitHas() {
        // alone, the content module takes any well-formed lab id; given the kit's labs, it checks them
        assertThat(ContentCheck.problems(ContentLoader.load(), java.util.Set.of("gateway", "protocol", "standards")))
                .isEmpty();
        assertThat(ContentCheck.problems(ContentLoader.load(), java.util.Set.of("gateway", "standards")))
                .anyMatch(p -> p.contains("'/labs/protocol' points to no page") && p.contains("/labs/<gateway|standards>"));
        assertThat(problemsWith(Map.of("content/handouts/protocol-selection-lab.md",
                shipped("content/handouts/protocol-selection-lab.md").replace("(/labs/protocol)", "(/labs/Protocol)"))))
                .anyMatch(p -> p.contains("'/labs/Protocol' points to no page"));
    }

    private static List<String> problemsWith(Map<String, String> replaced) {
        return ContentCheck.problems(new ContentLoader(Resources.replacing(replaced)).chapter());
    }

    private static String shipped(String path) {
        try (var in = ContentCheckTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anObjectiveThatLosesItsQuestionsIsReported() {
        String bank = shipped(CELLULAR_BANK);
        String fewer = String.join("\n\n", List.of(bank.split("\n\\s*\n")).subList(0, 6));
        assertThat(problemsWith(Map.of(CELLULAR_BANK, fewer)))
                .anyMatch(p -> p.startsWith("objective cellular:") && p.contains("at least " + ContentCheck.MIN_QUESTIONS));
        assertThat(problemsWith(mapOfNull(CELLULAR_BANK)))
                .anyMatch(p -> p.startsWith("objective cellular: 0 questions"));
    }

    @Test
    void anObjectiveThatLosesItsLessonsOrActivitiesIsReported() {
        Chapter chapter = ContentLoader.load();
        Chapter withoutCellular = new Chapter(chapter.number(), chapter.title(), chapter.introduction(),
                chapter.objectives(), chapter.keyTerms(),
                chapter.lessons().stream().map(l -> new Lesson(l.id(), l.section(), l.title(), l.order(),
                        l.objectives().stream().filter(o -> !o.equals("cellular")).toList(), l.summary(), l.markdown()))
                        .toList(),
                chapter.handouts().stream().map(h -> new Handout(h.id(), h.title(), h.order(), h.objectives(),
                        h.summary(), h.activities().stream().map(a -> new Handout.Activity(a.id(), a.title(),
                                a.objectives().stream().filter(o -> !o.equals("cellular")).toList())).toList(),
                        h.markdown())).toList(),
                chapter.glossary(), chapter.references(), chapter.questionBanks(), chapter.cycleDiagram());
        assertThat(ContentCheck.problems(withoutCellular)).contains(
                "objective cellular: no lesson covers it (front matter 'objectives')",
                "objective cellular: no handout activity practises it");
    }

    @Test
    void aBrokenInternalLinkIsReported() {
        String lesson = shipped(CYCLE_LESSON);
        assertThat(problemsWith(Map.of(CYCLE_LESSON, lesson.replace("(/labs/live)", "(/lab/live)"))))
                .anyMatch(p -> p.startsWith("lesson autonomous-cycle: link '/lab/live' points to no page"));
        assertThat(problemsWith(Map.of(CYCLE_LESSON, lesson.replace("(/lessons/cellular)", "(/lessons/cellular#nowhere)"))))
                .anyMatch(p -> p.contains("'/lessons/cellular#nowhere' names an anchor 'nowhere'"));
        assertThat(problemsWith(Map.of(CYCLE_LESSON, lesson.replace("(/references#chapter-460)", "(/references#nope)"))))
                .anyMatch(p -> p.contains("names an anchor 'nope' that /references does not have"));
    }

    @Test
    void externalLinksAndImagesAreReported() {
        String lesson = shipped(CYCLE_LESSON) + "\n[ETSI](https://www.etsi.org) ![x](http://example.org/x.png)\n";
        assertThat(problemsWith(Map.of(CYCLE_LESSON, lesson)))
                .anyMatch(p -> p.contains("link 'https://www.etsi.org' leaves the kit"))
                .anyMatch(p -> p.contains("image 'http://example.org/x.png' leaves the kit"));
    }

    @Test
    void aBrokenDiagramOrKnowledgeCheckIsReported() {
        String lesson = shipped(CYCLE_LESSON)
                + "\n```mermaid\nsequenceDiagram\n  participant A\n  A->>B: hi\n```\n"
                + "\n```mermaid\nsequence\n```\n"
                + "\n```check\n::kc-x:: No closing brace {=a ~b\n```\n";
        assertThat(problemsWith(Map.of(CYCLE_LESSON, lesson)))
                .anyMatch(p -> p.contains("uses 'B', which is not a declared participant"))
                .anyMatch(p -> p.contains("starts with 'sequence', not a diagram type"))
                .anyMatch(p -> p.contains("knowledge check kc-x: the answer block opened with '{' is not closed"));
    }

    @Test
    void aLessonWithTooManyOrTooFewKnowledgeChecksIsReported() {
        String lesson = shipped(CYCLE_LESSON);
        String check = "\n```check\n::kc-extra-%d:: Extra? {T####Yes.}\n```\n";
        assertThat(problemsWith(Map.of(CYCLE_LESSON, lesson + check.formatted(1))))
                .contains("lesson autonomous-cycle: 5 knowledge checks, a lesson has 2 to 4");
        assertThat(problemsWith(Map.of(CYCLE_LESSON, lesson.replaceAll("```check", "```text"))))
                .contains("lesson autonomous-cycle: 0 knowledge checks, a lesson has 2 to 4");
    }

    @Test
    void badlyTaggedQuestionsAreReported() {
        String bank = shipped(CELLULAR_BANK) + "\n\n// [tag:objective:gateways] [tag:section:9.9] [tag:difficulty:7]\n"
                + "::cel-extra:: Is this tagged well? {T}\n\n::cel-extra:: Untagged twin? {F####No.}\n";
        assertThat(problemsWith(Map.of(CELLULAR_BANK, bank)))
                .anyMatch(p -> p.contains("tagged objective:gateways but the file is the bank of cellular"))
                .anyMatch(p -> p.contains("tags need 'section:<n>'"))
                .anyMatch(p -> p.contains("tags need 'difficulty:1', '2' or '3'"))
                .anyMatch(p -> p.contains("no '####' feedback"))
                .anyMatch(p -> p.contains("the name 'cel-extra' is used twice"))
                .anyMatch(p -> p.contains("tags need 'objective:<id>'"));
    }

    @Test
    void malformedKnowledgeChecksAreNamed() {
        String lesson = shipped(CYCLE_LESSON)
                + "\n```check\n::kc-two:: Two right answers? {=a =b ~c ####x}\n```\n"
                + "\n```check\n::kc-pair:: Pairs {=a -> b ####x}\n```\n"
                + "\n```check\n::kc-pi:: Pi? {#three ####x}\n```\n"
                + "\n```check\n::kc-text:: No answers here.\n```\n"
                + "\n```check\n::kc-plain:: No feedback? {T}\n```\n"
                + "\n```check\n::kc-1:: One? {T####x}\n\n::kc-2:: Two? {F####x}\n```\n";
        assertThat(problemsWith(Map.of(CYCLE_LESSON, lesson))).contains(
                "lesson autonomous-cycle: knowledge check kc-two: a single-choice question has exactly one '=' answer, found 2",
                "lesson autonomous-cycle: knowledge check kc-pair: a matching question needs at least two pairs with a left side",
                "lesson autonomous-cycle: knowledge check kc-text has no answer block",
                "lesson autonomous-cycle: knowledge check kc-plain has no '####' feedback explaining the answer",
                "lesson autonomous-cycle: a check block holds exactly one GIFT question, found 2")
                .anyMatch(p -> p.startsWith("lesson autonomous-cycle: knowledge check kc-pi: 'three' is not a numeric answer"));
    }

    @Test
    void bankProblemsNameTheLineAndReadTagsPastCategoriesAndComments() {
        String bank = shipped(CELLULAR_BANK) + "\n\n// a comment only\n\n$CATEGORY: $course$/M2M/late\n\n"
                + "// [tag:objective:cellular] [tag:section:460.3.3] [tag:difficulty:2]\n::cel-late:: Two right answers?\n"
                + "{=a =b ~c ####x}\n\n// [tag:objective:cellular] [tag:section:460.3.3] [tag:difficulty:2]\n"
                + "::cel-pi:: Pi?\n{#three ####x}\n";
        int tagLine = lineOf(bank, "// [tag:objective:cellular] [tag:section:460.3.3] [tag:difficulty:2]\n::cel-late::");
        int piLine = lineOf(bank, "{#three");
        List<String> problems = problemsWith(Map.of(CELLULAR_BANK, bank));
        assertThat(problems).contains(CELLULAR_BANK + " line " + tagLine
                + ": a single-choice question has exactly one '=' answer, found 2")
                .anyMatch(p -> p.startsWith(CELLULAR_BANK + " line " + piLine + ": 'three' is not a numeric answer"))
                .noneMatch(p -> p.contains("tags need"));
    }

    private static int lineOf(String text, String part) {
        return (int) text.substring(0, text.indexOf(part)).chars().filter(c -> c == '\n').count() + 1;
    }

    private static Map<String, String> mapOfNull(String path) {
        Map<String, String> map = new HashMap<>();
        map.put(path, null);
        return map;
    }

    private static final String GATEWAYS_LESSON = "content/lessons/10-gateways.md";
    private static final String ARCHITECTURE_BANK = "content/questions/architecture.gift";

    @Test
    void nodeClassesThatDisagreeWithTheLessonsAreReported() {
        String bank = shipped(ContentCheck.SCENARIO_BANK);
        String s11 = bank.substring(bank.indexOf("  - id: S11"));
        String broken = bank.replace(s11, s11.replaceFirst("nodeClass: MID_END", "nodeClass: LOW_END"));
        assertThat(ContentCheck.problems(ContentLoader.load(), broken))
                .contains("content/scenarios/protocol-bank.yaml S11: nodeClass LOW_END for a electricity meter, which the"
                        + " lessons make mid-end");
        String gift = shipped(ARCHITECTURE_BANK).replace("=Smart electricity meter that checks thresholds itself -> mid-end node",
                "=Smart electricity meter that checks thresholds itself -> low-end node");
        assertThat(problemsWith(Map.of(ARCHITECTURE_BANK, gift)))
                .anyMatch(p -> p.contains("puts a smart electricity meter at low-end, but the lessons make it mid-end"));
    }

    @Test
    void aGradedProtocolOrLinkThatNoLessonTeachesIsReported() {
        String bank = shipped(ContentCheck.SCENARIO_BANK).replace("accept: {AMQP: 1.0, MQTT: 0.3}",
                "accept: {AMQP: 1.0, MQTT: 0.3, SIGFOX: 0.5}");
        assertThat(ContentCheck.problems(ContentLoader.load(), bank)).anyMatch(p -> p.contains("SIGFOX is graded"));
        Chapter chapter = ContentLoader.load();
        Chapter withoutLoRa = new Chapter(chapter.number(), chapter.title(), chapter.introduction(),
                chapter.objectives(), chapter.keyTerms(),
                chapter.lessons().stream().map(l -> new Lesson(l.id(), l.section(), l.title(), l.order(), l.objectives(),
                        l.summary(), l.markdown().replace("LoRaWAN", "long-range radio"))).toList(),
                chapter.handouts(), chapter.glossary(), chapter.references(), chapter.questionBanks(),
                chapter.cycleDiagram());
        assertThat(ContentCheck.problems(withoutLoRa)).anyMatch(p -> p.contains("LORAWAN is graded, but no lesson teaches it"));
    }

    @Test
    void aLessonWithoutObjectivesTakeawaysOrDiagramAltTextIsReported() {
        String lesson = shipped(GATEWAYS_LESSON);
        String bare = lesson.replace("> **In this lesson you will**", "In this lesson you will")
                .replace("> **Key takeaways**", "Key takeaways")
                .replaceAll("(?m)^\\s*accDescr:.*$", "")
                .replace("*Figure: a gateway", "Figure: a gateway");
        assertThat(problemsWith(Map.of(GATEWAYS_LESSON, bare)))
                .anyMatch(p -> p.contains("opens with its objectives"))
                .anyMatch(p -> p.contains("ends with a box '> **Key takeaways**'"))
                .anyMatch(p -> p.contains("a diagram needs alt text"))
                .anyMatch(p -> p.contains("a diagram needs a caption"));
    }

    @Test
    void aCheckThatMisquotesTheCellAboveIsReported() {
        String markdown = "```jshell\nSystem.out.println(\"3 meters, total 20.5 kW\");\n```\n\n```check\n"
                + "::kc-a:: In the cell above, why is the total 22.5 kW and not 24.9 kW? {=x ~y ####z}\n```\n\n```check\n"
                + "::kc-b:: In the cell above, why is the total 20.5 kW and not 22.7 kW? {=x ~y ####z}\n```\n";
        assertThat(ContentCheck.cellClaims("lesson x", markdown, List.of("3 meters, total 20.5 kW\n")))
                .containsExactly("lesson x: knowledge check kc-a states 22.5, but the cell above prints no such number:"
                        + " 3 meters, total 20.5 kW");
    }

    @Test
    void aBankItemThatRepeatsALessonCheckIsReported() {
        String bank = shipped(CELLULAR_BANK) + "\n// [tag:objective:cellular] [tag:section:460.3.3] [tag:difficulty:1]\n"
                + "::copy:: A meter sends 300 bytes (payload and overhead) 24 times a day. About how many kilobytes does"
                + " it send in a 30-day month? {#216:5####300 x 24 x 30.}\n";
        assertThat(problemsWith(Map.of(CELLULAR_BANK, bank)))
                .anyMatch(p -> p.contains("'copy' repeats the lesson check 'kc-cellular-volume'"));
    }

    @Test
    void aLopsidedSpreadOfSectionTagsIsReported() {
        Map<String, String> banks = new HashMap<>();
        for (String objective : List.of("architecture", "m2m-vs-iot", "protocols", "gateways", "autonomy", "cellular")) {
            String path = "content/questions/" + objective + ".gift";
            banks.put(path, shipped(path).replaceAll("tag:section:460\\.[0-9.]+", "tag:section:460.3.3"));
        }
        assertThat(problemsWith(banks)).anyMatch(p -> p.startsWith("question banks: section 460.3.3 holds"));
    }
}
