package org.m2mkit.web.quizzes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.m2mkit.content.questions.Body;
import org.m2mkit.content.questions.Question;
import org.m2mkit.web.testing.TestDatabase;

/** Banks, quizzes and attempts on a real database: H2 and PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class AttemptServiceTest {

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    QuizDb t;
    long bank;

    @BeforeEach
    void open() throws Exception {
        t = new QuizDb(dir, database);
        bank = t.quizzes.banks().importQuestions("M2M", "every-type.gift", QuizDb.everyType(), t.teacher.id());
    }

    @AfterEach
    void close() {
        t.close();
    }

    BankStore banks() {
        return t.quizzes.banks();
    }

    long questionNamed(String name) {
        return banks().search(null, null, null, null).stream().filter(s -> s.question().name().equals(name))
                .findFirst().orElseThrow().id();
    }

    long quiz(Quiz.Settings s) {
        long id = t.quizzes.quizzes().create(s, null);
        t.quizzes.quizzes().publish(id, true);
        return id;
    }

    static Quiz.Settings settings() {
        return new Quiz.Settings("Q", "", false, false, false, null, null, null, 0, GradingMethod.HIGHEST,
                FeedbackTiming.AFTER_SUBMISSION);
    }

    @Test
    void theBankExportsExactlyWhatWasImportedAndSearchFilters() throws Exception {
        assertThat(banks().export(bank)).isEqualTo(QuizDb.everyType());
        assertThat(banks().search(null, "objective:protocols", null, null)).extracting(s -> s.question().name())
                .containsExactly("Pub-sub protocol");
        assertThat(banks().search(bank, null, "numeric", null)).hasSize(3);
        assertThat(banks().search(null, null, null, "HVAC confirm")).extracting(s -> s.question().name())
                .containsExactly("Cycle time");
        assertThat(banks().tags()).extracting(BankStore.TagCount::tag).contains("objective:cellular", "difficulty:easy");
    }

    @Test
    void editingAddsAVersionAndFinishedAttemptsKeepTheirs() {
        long q = questionNamed("Acronym");
        long quiz = quiz(settings());
        t.quizzes.quizzes().addQuestion(quiz, q, 1);
        Attempt a = t.quizzes.attempts().start(quiz, t.student, false);
        t.quizzes.attempts().save(a.id(), t.student, 1, List.of("LwM2M"));
        t.quizzes.attempts().submit(a.id(), t.student);

        Question old = banks().question(q).orElseThrow().question();
        Question edited = new Question(old.name(), "Write the acronym of Lightweight M2M (edited).", old.format(),
                old.generalFeedback(), old.category(), List.of("objective:protocols"),
                new Body.ShortAnswer(List.of(new org.m2mkit.content.questions.Choice("LWM2M", 100, "")), true));
        BankStore.StoredQuestion v2 = banks().update(q, edited, t.teacher.id());
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.question()).isEqualTo(edited);
        assertThat(banks().search(null, "objective:protocols", null, null)).hasSize(2);

        Attempt done = t.quizzes.attempts().attempt(a.id(), t.student);
        assertThat(done.items().get(0).question().version()).isEqualTo(1);
        assertThat(done.items().get(0).question().question().text()).isEqualTo("Write the acronym of Lightweight M2M.");
        assertThat(done.score()).isEqualTo(1.0);
        Attempt next = t.quizzes.attempts().start(quiz, t.student, false);
        assertThat(next.items().get(0).question().version()).isEqualTo(2);
    }

    @Test
    void aRandomDrawTakesDistinctQuestionsWithTheTagAndFixedOnesAreNotDrawnAgain() throws Exception {
        List<org.m2mkit.content.questions.Question> extra = new org.m2mkit.content.questions.GiftParser().parse(
                "// [tag:pool]\n::P1::a{=x ~y}\n\n// [tag:pool]\n::P2::b{=x ~y}\n\n// [tag:pool]\n::P3::c{=x ~y}\n", "p.gift");
        banks().importQuestions("Pool", "p.gift", extra, null);
        long quiz = quiz(settings());
        t.quizzes.quizzes().addQuestion(quiz, questionNamed("P1"), 2);
        t.quizzes.quizzes().addDraw(quiz, "pool", 2, 1);
        for (int i = 0; i < 10; i++) {
            Attempt a = t.quizzes.attempts().start(quiz, t.teacher, true);
            assertThat(a.items()).extracting(it -> it.question().question().name()).first().isEqualTo("P1");
            assertThat(a.items()).extracting(it -> it.question().question().name()).doesNotHaveDuplicates()
                    .hasSize(3).allMatch(n -> n.startsWith("P"));
            assertThat(a.maxScore()).isEqualTo(4.0);
            t.quizzes.attempts().submit(a.id(), t.teacher);
        }
    }

    @Test
    void answersAreGradedOnSubmitWithPartialCreditAndEssaysWaitForAHandGrade() {
        long quiz = quiz(settings());
        for (String name : List.of("Low-power cellular", "Cycle range", "Match networks", "Why cellular", "Celsius")) {
            t.quizzes.quizzes().addQuestion(quiz, questionNamed(name), 2);
        }
        Attempt a = t.quizzes.attempts().start(quiz, t.student, false);
        t.quizzes.attempts().save(a.id(), t.student, 1, List.of("0", "2"));
        t.quizzes.attempts().save(a.id(), t.student, 2, List.of("2.5"));
        t.quizzes.attempts().save(a.id(), t.student, 3, List.of("deep indoor meters", "legacy telematics", "remote control"));
        t.quizzes.attempts().save(a.id(), t.student, 4, List.of("Coverage moves with the truck."));
        t.quizzes.attempts().save(a.id(), t.student, 5, List.of("double celsius(double f) { return (f - 32) * 5.0 / 9; }"));
        Attempt done = t.quizzes.attempts().submit(a.id(), t.student);
        assertThat(done.items()).extracting(Attempt.Item::fraction).containsExactly(0.0, 1.0, 1.0 / 3, null, 1.0);
        assertThat(done.items().get(4).feedback()).containsExactly("checked celsius(212) == 100.0");
        assertThat(done.needsGrading()).isTrue();
        assertThat(done.score()).isCloseTo(2 + 2.0 / 3 + 2, within(1e-9));

        t.quizzes.attempts().gradeByHand(a.id(), 4, 0.5, "Also mention cost.");
        Attempt graded = t.quizzes.attempts().attempt(a.id(), t.teacher);
        assertThat(graded.needsGrading()).isFalse();
        assertThat(graded.score()).isCloseTo(5 + 2.0 / 3, within(1e-9));
        assertThat(graded.items().get(3).feedback()).containsExactly("Also mention cost.");
    }

    @Test
    void aDescriptionIsNoQuestionAndCarriesNoMarksSoTheQuizCanScoreFullMarks() {
        long quiz = quiz(settings());
        t.quizzes.quizzes().addQuestion(quiz, questionNamed("Intro"), 1);
        t.quizzes.quizzes().addQuestion(quiz, questionNamed("Acronym"), 2);
        Quiz built = t.quizzes.quizzes().find(quiz).orElseThrow();
        assertThat(built.questionCount()).isEqualTo(1);
        assertThat(built.maxScore()).isEqualTo(2.0);

        Attempt a = t.quizzes.attempts().start(quiz, t.student, false);
        assertThat(a.maxScore()).isEqualTo(2.0);
        assertThat(a.items().get(0).mark()).isZero();
        assertThat(a.questionCount()).isEqualTo(1);
        assertThat(a.items()).extracting(a::questionNumber).containsExactly(null, 1);
        t.quizzes.attempts().save(a.id(), t.student, 2, List.of("LwM2M"));
        Attempt done = t.quizzes.attempts().submit(a.id(), t.student);
        assertThat(done.score()).isEqualTo(2.0);
        assertThat(done.percent()).isEqualTo(100.0);
        assertThat(done.needsGrading()).isFalse();
        assertThat(CsvExport.responses(List.of(done))).doesNotContain("description").contains("Acronym");
        assertThat(Analytics.of(List.of(done)).items()).extracting(Analytics.ItemStats::name).containsExactly("Acronym");
    }

    @Test
    void aRandomDrawNeverDrawsADescription() {
        long description = questionNamed("Intro");
        Question intro = banks().question(description).orElseThrow().question();
        banks().update(description, new Question(intro.name(), intro.text(), intro.format(), intro.generalFeedback(),
                intro.category(), List.of("objective:protocols"), intro.body()), t.teacher.id());
        assertThat(banks().questionIdsWithTag("objective:protocols")).doesNotContain(description).hasSize(1);
    }

    @Test
    void attemptsAllowedOpenAndCloseTimesAndOwnershipAreEnforced() {
        Instant9 times = new Instant9();
        long quiz = quiz(new Quiz.Settings("Q", "", false, false, false, null, times.opens, times.closes, 1,
                GradingMethod.HIGHEST, FeedbackTiming.AFTER_CLOSE));
        t.quizzes.quizzes().addQuestion(quiz, questionNamed("Acronym"), 1);
        assertThatThrownBy(() -> t.quizzes.attempts().start(quiz, t.student, false)).hasMessage("This quiz is not open yet.");
        t.clock.advance(Duration.ofHours(2));
        Attempt a = t.quizzes.attempts().start(quiz, t.student, false);
        assertThat(t.quizzes.attempts().start(quiz, t.student, false).id()).as("resumes").isEqualTo(a.id());
        assertThatThrownBy(() -> t.quizzes.attempts().attempt(a.id(), t.other)).isInstanceOf(QuizError.class)
                .hasMessage("There is no attempt " + a.id() + ".");
        assertThatThrownBy(() -> t.quizzes.attempts().save(a.id(), t.teacher, 1, List.of("x")))
                .hasMessage("Only the person taking an attempt can change it.");
        Attempt done = t.quizzes.attempts().submit(a.id(), t.student);
        Quiz q = t.quizzes.quizzes().find(quiz).orElseThrow();
        assertThat(t.quizzes.attempts().feedbackVisible(q, done)).as("feedback after close").isFalse();
        assertThatThrownBy(() -> t.quizzes.attempts().start(quiz, t.student, false))
                .hasMessage("You have used all 1 attempts at this quiz.");
        assertThatThrownBy(() -> t.quizzes.attempts().save(a.id(), t.student, 1, List.of("x")))
                .hasMessageContaining("has been submitted");
        t.clock.advance(Duration.ofDays(2));
        assertThat(t.quizzes.attempts().feedbackVisible(q, done)).isTrue();
        assertThatThrownBy(() -> t.quizzes.attempts().start(quiz, t.other, false)).hasMessage("This quiz has closed.");
    }

    /** A quiz window that opens in an hour and closes in a day. */
    final class Instant9 {
        final java.time.Instant opens = t.clock.instant().plus(Duration.ofHours(1));
        final java.time.Instant closes = t.clock.instant().plus(Duration.ofDays(1));
    }

    @Test
    void theTimeLimitEndsTheAttemptAndItIsSubmittedWithWhatWasSaved() {
        long quiz = quiz(new Quiz.Settings("Q", "", false, false, false, 10, null, null, 0, GradingMethod.LAST,
                FeedbackTiming.AFTER_SUBMISSION));
        t.quizzes.quizzes().addQuestion(quiz, questionNamed("Acronym"), 1);
        Attempt a = t.quizzes.attempts().start(quiz, t.student, false);
        assertThat(a.deadline()).isEqualTo(t.clock.instant().plus(Duration.ofMinutes(10)));
        t.clock.advance(Duration.ofMinutes(5));
        t.quizzes.attempts().save(a.id(), t.student, 1, List.of("LwM2M"));
        t.clock.advance(Duration.ofMinutes(6));
        assertThatThrownBy(() -> t.quizzes.attempts().save(a.id(), t.student, 1, List.of("x")))
                .hasMessageContaining("time for this attempt is up");
        Attempt ended = t.quizzes.attempts().attempt(a.id(), t.student);
        assertThat(ended.submitted()).isTrue();
        assertThat(ended.score()).isEqualTo(1.0);
    }

    @Test
    void immediateFeedbackChecksOneQuestionAndLocksIt() {
        long quiz = quiz(new Quiz.Settings("Q", "", false, false, false, null, null, null, 0, GradingMethod.AVERAGE,
                FeedbackTiming.IMMEDIATE));
        t.quizzes.quizzes().addQuestion(quiz, questionNamed("Pub-sub protocol"), 1);
        Attempt a = t.quizzes.attempts().start(quiz, t.student, false);
        t.quizzes.attempts().save(a.id(), t.student, 1, List.of("2"));
        Attempt.Item checked = t.quizzes.attempts().check(a.id(), t.student, 1);
        assertThat(checked.fraction()).isEqualTo(0.5);
        assertThat(checked.feedback()).containsExactly("Partly: CoAP has an observe option.");
        assertThatThrownBy(() -> t.quizzes.attempts().save(a.id(), t.student, 1, List.of("0")))
                .hasMessageContaining("checked");
    }

    @Test
    void choicesAreShownInAShuffledOrderThatIsKeptAndOrderingIsNeverShownSolved() {
        long quiz = quiz(new Quiz.Settings("Q", "", false, true, false, null, null, null, 0, GradingMethod.HIGHEST,
                FeedbackTiming.AFTER_SUBMISSION));
        t.quizzes.quizzes().addQuestion(quiz, questionNamed("Pub-sub protocol"), 1);
        t.quizzes.quizzes().addQuestion(quiz, questionNamed("Cycle order"), 1);
        for (int i = 0; i < 10; i++) {
            Attempt a = t.quizzes.attempts().start(quiz, t.teacher, true);
            assertThat(a.items().get(0).displayOrder()).containsExactlyInAnyOrder(0, 1, 2);
            assertThat(a.items().get(1).displayOrder()).containsExactlyInAnyOrder(0, 1, 2, 3).isNotEqualTo(List.of(0, 1, 2, 3));
            assertThat(t.quizzes.attempts().attempt(a.id(), t.teacher).items().get(0).displayOrder())
                    .isEqualTo(a.items().get(0).displayOrder());
            t.quizzes.attempts().submit(a.id(), t.teacher);
        }
    }

    @Test
    void gradingMethods() {
        assertThat(GradingMethod.HIGHEST.apply(List.of(40.0, 80.0, 60.0))).isEqualTo(80.0);
        assertThat(GradingMethod.LAST.apply(List.of(40.0, 80.0, 60.0))).isEqualTo(60.0);
        assertThat(GradingMethod.AVERAGE.apply(List.of(40.0, 80.0, 60.0))).isEqualTo(60.0);
        assertThat(GradingMethod.AVERAGE.apply(List.of())).isNull();
    }

    @Test
    void seedingIsIdempotentAndMakesOneQuizPerObjective() {
        var chapter = org.m2mkit.content.ContentLoader.load();
        new Seeder(banks(), t.quizzes.quizzes()).seed(chapter);
        int banksAfterFirst = banks().banks().size();
        int quizzesAfterFirst = t.quizzes.quizzes().all().size();
        new Seeder(banks(), t.quizzes.quizzes()).seed(chapter);
        assertThat(banks().banks()).hasSize(banksAfterFirst);
        assertThat(t.quizzes.quizzes().all()).hasSize(quizzesAfterFirst);
        for (var o : chapter.objectives()) {
            Quiz q = t.quizzes.quizzes().bySeedKey("objective:" + o.id()).orElseThrow();
            assertThat(q.slots()).singleElement().satisfies(s -> assertThat(s.isDraw()).isTrue());
        }
        Quiz protocols = t.quizzes.quizzes().bySeedKey("objective:protocols").orElseThrow();
        assertThat(protocols.slots().get(0).tag()).isEqualTo("objective:protocols");
        assertThat(protocols.published()).as("the imported test bank has a question tagged objective:protocols").isTrue();
    }
}
