package org.m2mkit.content.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoodleXmlTest {

    @Test
    void exportThenImportGivesTheSameBankForEveryType() throws Exception {
        List<Question> bank = GiftParserTest.everyType();
        String xml = new MoodleXml().write(bank);
        assertThat(xml).contains("<question type=\"category\">").contains("$course$/top/M2M/Protocols")
                .contains("<question type=\"ordering\">").contains("<m2mkit-code kind=\"jshell\">");
        assertThat(new MoodleXml().read(xml, "bank.xml")).isEqualTo(bank);
    }

    @Test
    void giftToXmlToGiftKeepsTheText() throws Exception {
        List<Question> bank = GiftParserTest.everyType();
        String gift = new GiftWriter().write(bank);
        assertThat(new GiftWriter().write(new MoodleXml().read(new MoodleXml().write(bank), "x"))).isEqualTo(gift);
    }

    @Test
    void readsAFileAsMoodleWritesIt() throws Exception {
        String xml;
        try (InputStream in = getClass().getResourceAsStream("/moodle/sample.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Question> qs = new MoodleXml().read(xml, "sample.xml");
        assertThat(qs).hasSize(3).allSatisfy(q -> assertThat(q.category()).isEqualTo("Default for M2M/Gateways"));
        Question q = qs.get(0);
        assertThat(q.text()).isEqualTo("<p>What does an M2M gateway do &amp; why?</p>");
        assertThat(q.format()).isEqualTo(TextFormat.HTML);
        assertThat(q.tags()).containsExactly("objective:gateways");
        assertThat(q.generalFeedback()).isEqualTo("<p>It translates protocols.</p>");
        assertThat(q.body()).isEqualTo(new Body.SingleChoice(List.of(
                new Choice("<p>Translates between field protocols and IP</p>", 100, "Yes."),
                Choice.wrong("Stores meter data for ten years"))));
        assertThat(qs.get(1).body()).isEqualTo(new Body.Numeric(List.of(NumericAnswer.tolerance(50, 0, 100, "Fifty."))));
        assertThat(qs.get(1).format()).isEqualTo(TextFormat.MOODLE);
        assertThat(qs.get(2).body()).isEqualTo(new Body.TrueFalse(true, "Right.", "They can."));
    }

    @Test
    void problemsNameTheLineAndNothingIsImported() {
        String xml = String.join("\n", "<quiz>",
                "<question type=\"multichoice\"><name><text>One</text></name>",
                "<questiontext><text>x</text></questiontext>",
                "<answer fraction=\"lots\"><text>a</text></answer><answer fraction=\"0\"><text>b</text></answer>",
                "</question>",
                "<question type=\"cloze\"><name><text>Two</text></name></question>",
                "<question type=\"shortanswer\"><name><text>Three</text></name><questiontext><text>ok</text></questiontext>",
                "<answer fraction=\"100\"><text>yes</text></answer></question>",
                "</quiz>");
        ImportException e = catchThrowableOfType(ImportException.class, () -> new MoodleXml().read(xml, "bad.xml"));
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "line 4 (question \"One\"): fraction 'lots' is not a number; accepted: a percentage such as 100, 50 or -25",
                "line 6 (question \"Two\"): question type 'cloze' is not supported; accepted: category, multichoice, "
                        + "truefalse, shortanswer, numerical, matching, ordering, essay, description");
    }

    @Test
    void malformedXmlIsOneProblemWithItsLine() {
        ImportException e = catchThrowableOfType(ImportException.class,
                () -> new MoodleXml().read("<quiz>\n<question type=\"essay\">\n</quiz>", "broken.xml"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("not well-formed XML");
        });
    }

    @Test
    void documentTypeDeclarationsAreRefused() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE quiz [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><quiz>"
                + "<question type=\"essay\"><name><text>&x;</text></name><questiontext><text>t</text></questiontext>"
                + "</question></quiz>";
        List<Problem> problems = new java.util.ArrayList<>();
        List<Question> qs = new MoodleXml().read(xml, problems);
        assertThat(qs.stream().map(Question::name)).noneMatch(n -> n.contains("root"));
    }
}
