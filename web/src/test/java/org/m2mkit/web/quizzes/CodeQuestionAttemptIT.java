package org.m2mkit.web.quizzes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.content.ContentLoader;
import org.m2mkit.grader.codecheck.SandboxCodeChecker;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.accounts.AccountRepository;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.config.ConfigLoader;
import org.m2mkit.web.db.Database;
import org.m2mkit.web.jshell.NotebookSettings;
import org.m2mkit.web.jshell.SessionRegistry;

/**
 * A student's attempt at a quiz with the chapter's seeded code questions, submitted and graded automatically:
 * the JUnit question's tests and the JShell question's check run in sandbox child JVMs, as in the kit.
 */
class CodeQuestionAttemptIT {

    static final String FILTER_WITHOUT_COOLDOWN = """
            class SpikeFilter {
                private final double threshold;

                SpikeFilter(double thresholdKw, long cooldownMs) {
                    this.threshold = thresholdKw;
                }

                boolean alert(String meterId, long timestampMs, double kw) {
                    return kw >= threshold;
                }
            }
            """;

    static final String VOLUME_IN_INT = """
            long megabytesPerMonth(int devices, int messagesPerDay, int bytesPerMessage) {
                return devices * messagesPerDay * bytesPerMessage * 30 / 1_000_000;
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aSubmittedAttemptGetsItsCodeAnswersGradedWithFeedbackPerTest() {
        try (Database db = Database.open(ConfigLoader.defaultDbUrl(dir));
             SessionRegistry notebooks = new SessionRegistry(NotebookSettings.defaults(), dir.resolve("jshell"));
             SandboxCodeChecker checker = new SandboxCodeChecker(notebooks::engines,
                     SandboxCodeChecker.defaults().withWorkDir(dir.resolve("grader")))) {
            Quizzes quizzes = Quizzes.start(db.dataSource(), ContentLoader.load(), checker);
            Account student = new AccountRepository(db.dataSource())
                    .create("ada", "Ada", Role.STUDENT, "pw-student-1", false);
            long quiz = quizzes.quizzes().create(new Quiz.Settings("Code", "", false, false, false, null, null, null, 0,
                    GradingMethod.HIGHEST, FeedbackTiming.AFTER_SUBMISSION), null);
            quizzes.quizzes().addQuestion(quiz, question(quizzes, "gw-code-spike-filter"), 5);
            quizzes.quizzes().addQuestion(quiz, question(quizzes, "cell-code-data-volume"), 2);
            quizzes.quizzes().publish(quiz, true);

            Attempt a = quizzes.attempts().start(quiz, student, false);
            quizzes.attempts().save(a.id(), student, 1, List.of(FILTER_WITHOUT_COOLDOWN));
            quizzes.attempts().save(a.id(), student, 2, List.of(VOLUME_IN_INT));
            Attempt done = quizzes.attempts().submit(a.id(), student);

            Attempt.Item filter = done.items().get(0);
            assertThat(filter.fraction()).isEqualTo(0.8);
            assertThat(filter.feedback()).first().isEqualTo("4 of 5 tests passed.");
            assertThat(filter.feedback()).contains("failed: a second spike of the same meter within the cooldown "
                    + "raises no alert: second spike 59,999 ms later ==> expected: <false> but was: <true>");
            Attempt.Item volume = done.items().get(1);
            assertThat(volume.fraction()).isZero();
            assertThat(volume.feedback()).singleElement().asString().contains("gave false, not true");
            assertThat(done.needsGrading()).isFalse();
            assertThat(done.score()).isEqualTo(4.0);
        }
    }

    private static long question(Quizzes quizzes, String name) {
        return quizzes.banks().search(null, null, null, null).stream()
                .filter(s -> s.question().name().equals(name)).findFirst().orElseThrow().id();
    }
}
