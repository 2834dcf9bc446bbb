package org.m2mkit.web.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.content.questions.GiftParser;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.quizzes.Attempt;
import org.m2mkit.web.quizzes.FeedbackTiming;
import org.m2mkit.web.quizzes.GradingMethod;
import org.m2mkit.web.quizzes.Quiz;
import org.m2mkit.web.quizzes.Quizzes;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.SignIn;
import org.openqa.selenium.By;

/**
 * Grades as each person sees them: a student's own page lists their quiz attempts; an essay waiting for its hand
 * grade is flagged "needs grading" in the gradebook instead of "0 / 0", and the instructor's page of the student
 * lists the attempts too.
 */
class GradesBrowserIT {

    @RegisterExtension
    static final RunningKit running = RunningKit.withBrowser();

    @Test
    void aPendingEssayIsFlaggedAndAttemptsAreListedForTheStudentAndTheInstructor() {
        Quizzes quizzes = running.kit().quizzes();
        Account student = running.kit().accounts().find("student").orElseThrow();
        quizzes.banks().importQuestions("Essays", "essays.gift", new GiftParser().parse(
                "::Why cellular:: Why would a fleet use cellular links? {}\n", "essays.gift"), null);
        long question = quizzes.banks().search(null, null, null, null).stream()
                .filter(s -> s.question().name().equals("Why cellular")).findFirst().orElseThrow().id();
        long quiz = quizzes.quizzes().create(new Quiz.Settings("Essay check", "", false, false, false, null, null,
                null, 0, GradingMethod.HIGHEST, FeedbackTiming.AFTER_SUBMISSION), null);
        quizzes.quizzes().addQuestion(quiz, question, 2);
        quizzes.quizzes().publish(quiz, true);
        Attempt a = quizzes.attempts().start(quiz, student, false);
        quizzes.attempts().save(a.id(), student, 1, List.of("Coverage moves with the truck."));
        quizzes.attempts().submit(a.id(), student);

        SignIn.as(running, "student", "m2m-student", "/grades");
        assertThat(running.browser().findElement(By.id("quiz-attempts")).getText())
                .contains("Essay check").contains("needs grading");

        SignIn.as(running, "instructor", "m2m-instructor", "/instructor/gradebook");
        String book = running.browser().findElement(By.tagName("main")).getText();
        assertThat(book).contains("Quiz: Essay check").contains("needs grading").doesNotContain("0 / 0");
        running.browser().get(running.url("/instructor/students/" + student.id() + "/submissions"));
        assertThat(running.browser().findElement(By.id("quiz-attempts")).getText()).contains("Essay check");
    }

    @Test
    void aTestThatEarnedPartOfItsPointsReadsPartialCreditNotFailed() {
        org.m2mkit.web.testing.WebClient ada = running.client();
        running.kit().accounts().create("ada", "Ada Lovelace", org.m2mkit.web.accounts.Role.STUDENT,
                "ada-password-1", false);
        ada.signIn("ada", "ada-password-1");
        long id = LabHttp.submit(ada, running.port(), "protocol", LabSubmissionsIT.CONSTANT_ADVISOR);
        LabHttp.awaitGraded(ada, id);
        SignIn.as(running, "ada", "ada-password-1", "/labs/submissions/" + id);
        List<org.openqa.selenium.WebElement> partial = running.browser().findElements(By.cssSelector(
                "table.results td.test-partial"));
        assertThat(partial).as("tests with part of their points").isNotEmpty()
                .allSatisfy(td -> assertThat(td.getText()).isEqualTo("partial credit"));
        for (org.openqa.selenium.WebElement row : running.browser().findElements(By.cssSelector("table.results tbody tr"))) {
            List<org.openqa.selenium.WebElement> cells = row.findElements(By.cssSelector("td"));
            if (cells.get(1).getText().equals("failed")) {
                assertThat(cells.get(0).getText()).as("a failed test earned nothing").startsWith("0 /");
            }
        }
    }
}
