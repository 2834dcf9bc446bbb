package org.m2mkit.content.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringTest {

    static double score(Body body, String... values) {
        return body.grade(Response.of(values)).fraction();
    }

    @Test
    void singleChoiceGivesThePickedChoicesCreditAndFeedback() {
        Body.SingleChoice q = new Body.SingleChoice(List.of(
                new Choice("MQTT", 100, "Yes, publish/subscribe."),
                new Choice("FTP", 0, "File transfer, not telemetry."),
                new Choice("CoAP", 50, "Close: request/response.")));
        assertThat(q.grade(Response.of("0"))).isEqualTo(Grade.of(1, "Yes, publish/subscribe."));
        assertThat(q.grade(Response.of("1")).feedback()).containsExactly("File transfer, not telemetry.");
        assertThat(score(q, "1")).isZero();
        assertThat(score(q, "2")).isEqualTo(0.5);
        assertThat(q.grade(Response.EMPTY)).isEqualTo(Grade.ZERO);
        assertThat(score(q, "7")).isZero();
        assertThat(score(q, "x")).isZero();
    }

    @Test
    void multipleAnswerAddsWeightsAndNegativeWeightsTakeCreditAwayButNeverBelowZero() {
        Body.MultipleAnswer q = new Body.MultipleAnswer(List.of(
                new Choice("2G", 50, ""), new Choice("LTE-M", 50, ""),
                new Choice("Bluetooth", -50, "short range"), new Choice("Wi-Fi", -100, "")));
        assertThat(score(q, "0", "1")).isEqualTo(1.0);
        assertThat(score(q, "0")).isEqualTo(0.5);
        assertThat(score(q, "0", "1", "2")).isEqualTo(0.5);
        assertThat(q.grade(Response.of("0", "1", "2")).feedback()).containsExactly("short range");
        assertThat(score(q, "0", "3")).isZero();
        assertThat(score(q, "0", "0")).as("a choice picked twice counts once").isEqualTo(0.5);
        assertThat(score(q)).isZero();
    }

    @Test
    void multipleAnswerWithThirdsReachesFullMarks() {
        Body.MultipleAnswer q = new Body.MultipleAnswer(List.of(new Choice("a", 33.33333, ""),
                new Choice("b", 33.33333, ""), new Choice("c", 33.33334, ""), new Choice("d", -100, "")));
        assertThat(score(q, "0", "1", "2")).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void trueFalseShowsTheFeedbackOfTheChosenAnswer() {
        Body.TrueFalse q = new Body.TrueFalse(false, "No: M2M needs no person.", "Right.");
        assertThat(q.grade(Response.of("false"))).isEqualTo(Grade.of(1, "Right."));
        assertThat(q.grade(Response.of("true"))).isEqualTo(Grade.of(0, "No: M2M needs no person."));
        assertThat(score(q, "TRUE ")).isZero();
        assertThat(score(q, "maybe")).isZero();
    }

    @Test
    void shortAnswerAcceptsSeveralAnswersWithPartialCreditAndTheCaseRule() {
        Body.ShortAnswer q = new Body.ShortAnswer(List.of(new Choice("gateway", 100, "Yes."),
                new Choice("M2M gateway", 100, ""), new Choice("router", 50, "Partly: it also translates.")), false);
        assertThat(score(q, "Gateway")).isEqualTo(1.0);
        assertThat(score(q, "  m2m   GATEWAY ")).isEqualTo(1.0);
        assertThat(q.grade(Response.of("router"))).isEqualTo(Grade.of(0.5, "Partly: it also translates."));
        assertThat(score(q, "bridge")).isZero();
        assertThat(score(q, "")).isZero();

        Body.ShortAnswer exact = new Body.ShortAnswer(List.of(Choice.right("LwM2M")), true);
        assertThat(score(exact, "LwM2M")).isEqualTo(1.0);
        assertThat(score(exact, "lwm2m")).isZero();
    }

    @Test
    void shortAnswerWildcards() {
        Body.ShortAnswer q = new Body.ShortAnswer(List.of(Choice.right("NB-IoT*"), Choice.right("5\\*")), false);
        assertThat(score(q, "NB-IoT (narrowband)")).isEqualTo(1.0);
        assertThat(score(q, "5*")).isEqualTo(1.0);
        assertThat(score(q, "55")).isZero();
        assertThat(score(q, "a NB-IoT")).isZero();
    }

    @Test
    void numericAcceptsToleranceAndRangeWithPartialCredit() {
        Body.Numeric q = new Body.Numeric(List.of(NumericAnswer.tolerance(2, 0.1, 100, "Two seconds."),
                NumericAnswer.range(1, 3, 50, "Close."), NumericAnswer.tolerance(1500, 0, 25, "That is in ms.")));
        assertThat(q.grade(Response.of("2.05"))).isEqualTo(Grade.of(1, "Two seconds."));
        assertThat(score(q, "1,9")).isEqualTo(1.0);
        assertThat(score(q, "1.89")).isEqualTo(0.5);
        assertThat(score(q, "3")).as("range ends are inside").isEqualTo(0.5);
        assertThat(score(q, "1")).isEqualTo(0.5);
        assertThat(score(q, "3.01")).isZero();
        assertThat(score(q, "1500")).isEqualTo(0.25);
        assertThat(score(q, "1.5e3")).isEqualTo(0.25);
        assertThat(score(q, "two")).isZero();
        assertThat(NumericAnswer.tolerance(0.3, 0, 100, "").accepts(0.1 + 0.2)).isTrue();
    }

    @Test
    void matchingGivesCreditPerCorrectPairAndIgnoresDistractors() {
        Body.Matching q = new Body.Matching(List.of(new Body.Matching.Pair("NB-IoT", "Deep indoor meters"),
                new Body.Matching.Pair("5G URLLC", "Remote surgery"), new Body.Matching.Pair("2G", "Legacy telematics"),
                new Body.Matching.Pair("", "Office printing")));
        assertThat(q.prompts()).hasSize(3);
        assertThat(q.rightItems()).hasSize(4);
        assertThat(score(q, "Deep indoor meters", "Remote surgery", "Legacy telematics")).isEqualTo(1.0);
        assertThat(score(q, "Deep indoor meters", "Office printing", "Legacy telematics")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(score(q, "Remote surgery")).isZero();
        assertThat(score(q)).isZero();
    }

    @Test
    void orderingGivesCreditPerItemFollowedByItsRightSuccessor() {
        Body.Ordering q = new Body.Ordering(List.of("spike", "alert", "report", "command", "confirm"));
        assertThat(score(q, "0", "1", "2", "3", "4")).isEqualTo(1.0);
        assertThat(score(q, "1", "2", "3", "4", "0")).isEqualTo(0.75);
        assertThat(score(q, "4", "3", "2", "1", "0")).isZero();
        assertThat(score(q, "0", "1", "2", "3")).as("an item missing").isZero();
        assertThat(score(q, "0", "0", "2", "3", "4")).as("an item twice").isZero();
    }

    @Test
    void essayWaitsForTheInstructorAndAnEmptyEssayScoresZero() {
        Body.Essay q = new Body.Essay("Look for latency and cost.");
        assertThat(q.grade(Response.of("Because cellular covers wide areas")).needsManualGrading()).isTrue();
        assertThat(q.grade(Response.of("  "))).isEqualTo(Grade.ZERO);
    }

    @Test
    void codeQuestionsAreScoredByTheChecker() {
        Body.Code q = new Body.Code(new CodeCheck(CodeCheck.Kind.JSHELL, "celsius(212) == 100", "double celsius(double f) {"));
        CodeChecker passes = (check, source) -> Grade.of(source.contains("5.0 / 9") ? 1 : 0, "ran " + check.check());
        assertThat(q.grade(Response.of("double celsius(double f) { return (f - 32) * 5.0 / 9; }"), passes))
                .isEqualTo(Grade.of(1, "ran celsius(212) == 100"));
        assertThat(q.grade(Response.of(""), passes)).isEqualTo(Grade.ZERO);
        assertThat(q.grade(Response.of("x")).needsManualGrading()).isTrue();
    }

    @Test
    void gradesStayBetweenZeroAndOne() {
        assertThat(Grade.of(1.5).fraction()).isEqualTo(1.0);
        assertThat(Grade.of(-0.5).fraction()).isZero();
    }
}
