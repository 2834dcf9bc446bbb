package org.m2mkit.content.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GiftParserTest {

    static String resource(String name) throws IOException {
        try (InputStream in = GiftParserTest.class.getResourceAsStream("/gift/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<Question> everyType() throws IOException {
        return new GiftParser().parse(resource("every-type.gift"), "every-type.gift");
    }

    static Question named(List<Question> qs, String name) {
        return qs.stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void readsEveryQuestionTypeWithCategoriesTagsAndFeedback() throws IOException {
        List<Question> qs = everyType();
        assertThat(qs).extracting(q -> q.body().type()).containsExactly("single", "multiple", "truefalse",
                "shortanswer", "numeric", "numeric", "numeric", "matching", "ordering", "essay", "shortanswer",
                "code", "single", "single", "description");

        Question pubsub = named(qs, "Pub-sub protocol");
        assertThat(pubsub.category()).isEqualTo("M2M/Protocols");
        assertThat(pubsub.tags()).containsExactly("objective:protocols", "section:460.5", "difficulty:easy");
        assertThat(pubsub.text()).isEqualTo("Which protocol uses publish/subscribe through a broker?");
        assertThat(pubsub.generalFeedback()).isEqualTo("MQTT is the usual choice for telemetry.");
        assertThat(pubsub.body()).isEqualTo(new Body.SingleChoice(List.of(
                new Choice("MQTT", 100, "Right: clients publish to topics on a broker."),
                new Choice("HTTP", 0, "No: HTTP is request/response."),
                new Choice("CoAP", 50, "Partly: CoAP has an observe option."))));

        assertThat(named(qs, "Low-power cellular").body()).isEqualTo(new Body.MultipleAnswer(List.of(
                new Choice("LTE-M", 50, "Yes."), new Choice("NB-IoT", 50, "Yes."),
                new Choice("Wi-Fi", -100, "Wi-Fi is not cellular."))));
        assertThat(named(qs, "Low-power cellular").tags()).containsExactly("objective:cellular");

        Question tf = named(qs, "No human");
        assertThat(tf.format()).isEqualTo(TextFormat.MARKDOWN);
        assertThat(tf.body()).isEqualTo(new Body.TrueFalse(false, "Wrong: the cycle runs without anyone.",
                "Right: that is the point of M2M."));
        assertThat(tf.tags()).isEmpty();

        assertThat(named(qs, "Gateway word").body()).isEqualTo(new Body.ShortAnswer(List.of(
                new Choice("gateway", 100, "Yes."), new Choice("M2M gateway", 100, ""),
                new Choice("router", 50, "A router forwards; a gateway also translates protocols.")), false));
        assertThat(named(qs, "Cycle time").body()).isEqualTo(new Body.Numeric(List.of(
                NumericAnswer.tolerance(2, 0.5, 100, "About two seconds."))));
        assertThat(named(qs, "Cycle range").body()).isEqualTo(new Body.Numeric(List.of(
                NumericAnswer.range(1.5, 2.5, 100, ""))));
        assertThat(named(qs, "Report delay").body()).isEqualTo(new Body.Numeric(List.of(
                NumericAnswer.tolerance(500, 0, 100, "Exactly."), NumericAnswer.tolerance(500, 100, 50, "Close."))));

        Question match = named(qs, "Match networks");
        assertThat(match.category()).isEqualTo("M2M/Cellular");
        assertThat(match.format()).isEqualTo(TextFormat.HTML);
        assertThat(match.text()).isEqualTo("<p>Match each network with its use.</p>");
        assertThat(((Body.Matching) match.body()).pairs()).containsExactly(
                new Body.Matching.Pair("NB-IoT", "deep indoor meters"), new Body.Matching.Pair("5G URLLC", "remote control"),
                new Body.Matching.Pair("2G", "legacy telematics"), new Body.Matching.Pair("", "office printing"));

        assertThat(named(qs, "Cycle order").body()).isEqualTo(new Body.Ordering(List.of("meter spike",
                "gateway report", "cloud prediction", "HVAC action")));
        Question essay = named(qs, "Why cellular");
        assertThat(essay.format()).isEqualTo(TextFormat.PLAIN);
        assertThat(essay.body()).isInstanceOf(Body.Essay.class);
        assertThat(essay.generalFeedback()).isEqualTo("Coverage follows the vehicle; Wi-Fi does not.");
        assertThat(named(qs, "Acronym").body()).isEqualTo(new Body.ShortAnswer(List.of(Choice.right("LwM2M")), true));
        assertThat(named(qs, "Celsius").body()).isEqualTo(new Body.Code(new CodeCheck(CodeCheck.Kind.JSHELL,
                "celsius(212) == 100.0", "double celsius(double f) {\n    return 0;\n}")));
    }

    @Test
    void escapedCharactersBecomeLiteralText() throws IOException {
        Question q = named(everyType(), "Escapes");
        assertThat(q.text()).isEqualTo("A literal {brace}, ~tilde, =equals, #hash, a colon: and a backslash \\ in text.");
        assertThat(q.body()).isEqualTo(new Body.SingleChoice(List.of(new Choice("a = b", 100, "uses #"),
                new Choice("a ~ b", 0, ""))));
    }

    @Test
    void missingWordPutsABlankWhereTheAnswersWere() throws IOException {
        Question q = everyType().get(13);
        assertThat(q.name()).isEmpty();
        assertThat(q.text()).isEqualTo("Gateways bridge _____ and IT networks.");
        assertThat(q.body()).isEqualTo(new Body.SingleChoice(List.of(Choice.wrong("Bluetooth"),
                Choice.right("field devices"), Choice.wrong("printers"))));
    }

    @Test
    void aMalformedFileReportsEveryProblemWithItsLineAndQuestionAndYieldsNothing() throws IOException {
        ImportException e = catchThrowableOfType(ImportException.class,
                () -> new GiftParser().parse(resource("malformed.gift"), "malformed.gift"));
        assertThat(e.problems()).extracting(Problem::line, Problem::question).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4, "Bad weight"), org.assertj.core.groups.Tuple.tuple(6, "Unclosed"),
                org.assertj.core.groups.Tuple.tuple(8, "Bad number"), org.assertj.core.groups.Tuple.tuple(10, "Bad sum"),
                org.assertj.core.groups.Tuple.tuple(12, "Bad range"));
        assertThat(e.problems().get(0).message()).contains("'%fifty%'").contains("such as %50%");
        assertThat(e.problems().get(1).message()).contains("not closed with '}'");
        assertThat(e.problems().get(2).message()).contains("'two:1' is not a numeric answer");
        assertThat(e.problems().get(3).message()).contains("add up to 80%");
        assertThat(e.problems().get(4).message()).contains("MIN <= MAX");
        assertThat(e.getMessage()).startsWith("malformed.gift: 5 problems, nothing imported:")
                .contains("line 4 (question \"Bad weight\"): answer weight");
    }

    @Test
    void anUnknownFormatIsNamedWithWhatIsAccepted() throws IOException {
        assertThatThrownBy(() -> new GiftParser().parse(resource("bad-category-question.gift"), "x.gift"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("line 3 (question \"No answer\"): unknown text format [latex]; accepted: [html]");
    }

    @Test
    void problemsInMultiLineQuestionsPointAtTheLineOfTheAnswer() {
        String gift = "// comment\n::Q1::Text{\n\t=right\n\t~%200%wrong\n}\n";
        ImportException e = catchThrowableOfType(ImportException.class, () -> new GiftParser().parse(gift, "f"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.question()).isEqualTo("Q1");
        });
    }

    @Test
    void otherMistakesAreReported() {
        List<Problem> problems = new ArrayList<>();
        new GiftParser().parse(String.join("\n",
                "::Unnamed:Text{=a ~b}", "",
                "Stray } brace", "",
                "::Two blocks::A {=a ~b} and {=c ~d}", "",
                "::One choice::Pick {~a}", "",
                "::No full marks::Pick {~%50%a =%50%b}", "",
                "::Match one::Pair {=a -> b}", "",
                "::TF::Sure? {TRUE#a#b#c}", "",
                "::Empty::{=a ~b}", "",
                "// [m2mkit:ordering]", "::Order::x {=a ~b}", "",
                "// [m2mkit:sorting]", "::Directive::x {=a ~b}", "",
                "::Text before::x {a =b}"), problems);
        assertThat(problems).extracting(Problem::line).containsExactly(1, 3, 5, 7, 9, 11, 13, 15, 18, 20, 23);
        assertThat(problems).extracting(Problem::message).allSatisfy(m -> assertThat(m).isNotBlank());
    }

    @Test
    void tagsMayAlsoComeAsAList() {
        Question q = new GiftParser().parse("// [tags: objective:protocols section:460.3.3, difficulty:2]\n// [tag:extra]\n"
                + "::T::x{=a ~b}\n", "f").get(0);
        assertThat(q.tags()).containsExactly("objective:protocols", "section:460.3.3", "difficulty:2", "extra");
    }

    @Test
    void aGoodFileNextToABadOneStillYieldsTheGoodQuestionsWhenAskedForProblems() {
        List<Problem> problems = new ArrayList<>();
        List<Question> qs = new GiftParser().parse("::A::x{=1 ~2}\n\n::B::y{=1 ~%x%2}\n", problems);
        assertThat(qs).extracting(Question::name).containsExactly("A");
        assertThat(problems).hasSize(1);
    }

    /** Every example of Moodle's GIFT documentation (question/format/gift) imports as Moodle imports it. */
    @Test
    void everyFormOfMoodlesGiftDocumentationImports() {
        List<Question> qs = new GiftParser().parse(String.join("\n",
                "// a line comment", "$CATEGORY: tom/dick/harry", "",
                "Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}", "",
                "Grant is {~buried =entombed ~living} in Grant's tomb.", "",
                "Grant was buried in a tomb in New York City.{T}", "",
                "The sun rises in the West.{FALSE#The sun rises in the East.#Right.}", "",
                "Who's buried in Grant's tomb?{=no one =nobody}", "",
                "Two plus two equals {=four =4}.", "",
                "Match the capitals. {=Canada -> Ottawa =Italy -> Rome =Japan -> Tokyo}", "",
                "When was Ulysses S. Grant born?{#1822:5}", "",
                "What is the value of pi (to 3 decimal places)? {#3.141..3.142}.", "",
                "When was Ulysses S. Grant born? {#", "    =1822:0", "    =%50%1822:2", "}", "",
                "What is 1 + 2? {#3:2~#Completely wrong}", "",
                "::Pi::[markdown]Pi to two places? {#=%100%3.14:0.005#Good =%50%3.1:0.1#Close ~#Not even close####Pi is 3.14159.}", "",
                "What two people are entombed in Grant's tomb? {~%-100%No one ~%50%Grant ~%50%Grant's wife ~%-100%Grant's father}", "",
                "Write a short biography of Dag Hammarskjöld. {}", "",
                "You can use your pencil and paper for these next math questions.", "",
                "Which answer equals 5? {~ \\= 2 + 2 =\\= 2 + 3 ~ \\= 2 + 4}"), "moodle-docs.gift");
        assertThat(qs).hasSize(16);
        assertThat(qs.get(0).body()).isInstanceOf(Body.SingleChoice.class);
        assertThat(qs.get(1).text()).isEqualTo("Grant is _____ in Grant's tomb.");
        assertThat(qs.get(3).body().grade(Response.of("true")).feedback()).contains("The sun rises in the East.");
        assertThat(qs.get(6).body()).isInstanceOf(Body.Matching.class);
        assertThat(qs.get(8).body()).isEqualTo(new Body.Numeric(List.of(NumericAnswer.range(3.141, 3.142, 100, ""))));
        assertThat(qs.get(9).body()).isEqualTo(new Body.Numeric(List.of(NumericAnswer.tolerance(1822, 0, 100, ""),
                NumericAnswer.tolerance(1822, 2, 50, ""))));
        Body wrongFeedback = qs.get(10).body();
        assertThat(wrongFeedback).isEqualTo(new Body.Numeric(List.of(NumericAnswer.tolerance(3, 2, 100, "")),
                "Completely wrong"));
        assertThat(wrongFeedback.grade(Response.of("4")).fraction()).isEqualTo(1.0);
        assertThat(wrongFeedback.grade(Response.of("9")).feedback()).containsExactly("Completely wrong");
        Question pi = qs.get(11);
        assertThat(pi.body()).isEqualTo(new Body.Numeric(List.of(NumericAnswer.tolerance(3.14, 0.005, 100, "Good"),
                NumericAnswer.tolerance(3.1, 0.1, 50, "Close")), "Not even close"));
        assertThat(pi.generalFeedback()).isEqualTo("Pi is 3.14159.");
        assertThat(qs.get(12).body()).isInstanceOf(Body.MultipleAnswer.class);
        assertThat(qs.get(13).body().type()).isEqualTo("essay");
        assertThat(qs.get(14).body()).isInstanceOf(Body.Description.class);
        assertThat(qs.get(15).body()).isInstanceOf(Body.SingleChoice.class);
    }

    @Test
    void aNumericWrongAnswerFeedbackSurvivesGiftAndMoodleXmlRoundTrips() {
        Question q = new GiftParser().parse("::N::What is 1 + 2? {#=3:0#Yes =%50%3:1#Near ~#Completely wrong}", "f").get(0);
        Question again = new GiftParser().parse(new GiftWriter().write(List.of(q)), "again").get(0);
        assertThat(again.body()).isEqualTo(q.body());
        Question viaXml = new MoodleXml().read(new MoodleXml().write(List.of(q)), "x.xml").get(0);
        assertThat(viaXml.body()).isEqualTo(q.body());
    }

    @Test
    void aTildeInANumericQuestionWithoutFeedbackIsExplained() {
        List<Problem> problems = new ArrayList<>();
        new GiftParser().parse("::A::x {#3:2 ~%50%2}\n\n::B::y {#~#only feedback}\n", problems);
        assertThat(problems).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("~#feedback").contains("=%50%VALUE"))
                .anySatisfy(m -> assertThat(m).contains("needs an answer before"));
    }
}
