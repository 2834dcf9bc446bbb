package org.m2mkit.web.quizzes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.content.ContentLoader;
import org.m2mkit.web.testing.RunningKit;

/** On first start the chapter's banks are imported with their tags and one quiz per objective is ready to take. */
class SeededQuizzesIT {

    @RegisterExtension
    static final RunningKit running = new RunningKit();

    @Test
    void aStudentFindsOnePublishedQuizPerObjective() {
        String list = running.client().signIn("student", "m2m-student").get("/quizzes").body();
        for (var objective : ContentLoader.load().objectives()) {
            assertThat(list).as("the quiz for " + objective.id())
                    .contains("Check: " + objective.title().replace("'", "&#39;").replace("\"", "&quot;"));
        }
    }

    @Test
    void theInstructorsBankListsTheObjectiveTags() {
        String bank = running.client().signIn("instructor", "m2m-instructor").get("/quizzes/bank").body();
        for (var objective : ContentLoader.load().objectives()) {
            assertThat(bank).contains("objective:" + objective.id());
        }
    }
}
