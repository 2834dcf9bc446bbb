package org.m2mkit.web.quizzes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.m2mkit.content.questions.Body;
import org.m2mkit.content.questions.Choice;
import org.m2mkit.content.questions.Question;
import org.m2mkit.content.questions.TextFormat;

class AnalyticsTest {

    static final Question CHOICE = new Question("Pick", "Which?", TextFormat.MOODLE, "", "", List.of(),
            new Body.SingleChoice(List.of(Choice.right("MQTT"), Choice.wrong("FTP"), Choice.wrong("SMTP"))));
    static final Question SHORT = new Question("Word", "Say it", TextFormat.MOODLE, "", "", List.of(),
            new Body.ShortAnswer(List.of(Choice.right("gateway")), false));

    static long ids = 1;

    static Attempt attempt(String user, String choice, double choiceFraction, String word, double wordFraction) {
        List<Attempt.Item> items = new ArrayList<>();
        items.add(new Attempt.Item(ids++, 1, new BankStore.StoredQuestion(10, 100, 1, 1, "b", CHOICE), 1, List.of(),
                List.of(choice), null, choiceFraction, List.of(), false));
        items.add(new Attempt.Item(ids++, 2, new BankStore.StoredQuestion(20, 200, 1, 1, "b", SHORT), 1, List.of(),
                List.of(word), null, wordFraction, List.of(), false));
        double score = choiceFraction + wordFraction;
        return new Attempt(ids++, 1, 1, user, false, Instant.EPOCH, null, Instant.EPOCH, score, 2, false, items);
    }

    @Test
    void facilityDiscriminationDistributionAndAnswerCounts() {
        List<Attempt> attempts = List.of(
                attempt("a", "0", 1, "gateway", 1),
                attempt("b", "0", 1, "Gateway", 1),
                attempt("c", "1", 0, "router", 0),
                attempt("d", "2", 0, "gateway", 1),
                attempt("e", "1", 0, "bridge", 0));
        Analytics.Report r = Analytics.of(attempts);
        assertThat(r.attempts()).isEqualTo(5);
        assertThat(r.meanPercent()).isCloseTo(50.0, within(1e-9));
        assertThat(r.bins()).containsExactly(2, 0, 0, 0, 0, 1, 0, 0, 0, 2);

        Analytics.ItemStats choice = r.items().get(0);
        assertThat(choice.facility()).isCloseTo(0.4, within(1e-9));
        // item scores 1,1,0,0,0 against rest scores 1,1,0,1,0: r = 0.6667
        assertThat(choice.discrimination()).isCloseTo(2.0 / 3, within(1e-4));
        assertThat(choice.answers()).containsExactly(new Analytics.AnswerCount("MQTT", 2, true),
                new Analytics.AnswerCount("FTP", 2, false), new Analytics.AnswerCount("SMTP", 1, false));

        Analytics.ItemStats word = r.items().get(1);
        assertThat(word.facility()).isCloseTo(0.6, within(1e-9));
        assertThat(word.answers()).first().isEqualTo(new Analytics.AnswerCount("gateway", 3, true));
        assertThat(word.answers()).extracting(Analytics.AnswerCount::answer).containsExactly("gateway", "router", "bridge");
    }

    @Test
    void discriminationNeedsThreeAnswersAndSomeSpread() {
        assertThat(Analytics.correlation(List.of(1.0, 0.0), List.of(1.0, 0.0))).isNull();
        assertThat(Analytics.correlation(List.of(1.0, 1.0, 1.0), List.of(1.0, 0.0, 0.5))).isNull();
        assertThat(Analytics.correlation(List.of(1.0, 0.0, 0.5), List.of(0.0, 1.0, 0.5))).isCloseTo(-1.0, within(1e-9));
        assertThat(Analytics.of(List.of()).meanPercent()).isNull();
    }

    @Test
    void csvHasOneRowPerAttemptAndPerResponseAndDefusesFormulas() {
        List<Attempt> attempts = List.of(attempt("a", "0", 1, "=HYPERLINK(\"x\")", 0), attempt("b, c", "1", 0, "gate\nway", 1));
        String csv = CsvExport.attempts(attempts);
        assertThat(csv.lines()).hasSize(3);
        assertThat(csv.lines().findFirst()).hasValue("attempt,username,started,submitted,score,max_score,percent,needs_grading");
        assertThat(csv).contains("\"b, c\"").contains(",1,2,50,false");
        String responses = CsvExport.responses(attempts);
        assertThat(responses).contains("'=HYPERLINK").contains("\"gate\nway\"").startsWith("attempt,username,position");
    }

    @Test
    void chartsAreSvgWithTitlesAndEscapedText() {
        String h = Charts.histogram(new int[] {0, 1, 2, 0, 0, 0, 0, 0, 0, 5}, "Scores <all>");
        assertThat(h).startsWith("<svg").contains("role=\"img\"").contains("aria-label=\"Scores &lt;all&gt;\"")
                .contains("<title>90–100 %: 5</title>").doesNotContain("http");
        String b = Charts.bars(List.of(new Charts.Bar("a & b", 2, "2", true), new Charts.Bar("c", 1, "1", false)), 2, "t");
        assertThat(b).contains("a &amp; b").contains("class=\"bar right\"").contains("class=\"bar\"");
    }

    @Test
    void formFieldsBecomeAnswersByPosition() {
        var answers = TakePages.answers(java.util.Map.of("q1", List.of("0", "2"), "q2.2", List.of("b"), "q2.1", List.of("a"),
                "q3", List.of("text"), "csrf", List.of("t"), "page", List.of("0")), List.of("1", "2", "3", "4"));
        assertThat(answers).containsEntry(1, List.of("0", "2")).containsEntry(2, List.of("a", "b"))
                .containsEntry(3, List.of("text")).containsEntry(4, List.of()).hasSize(4);
    }
}
