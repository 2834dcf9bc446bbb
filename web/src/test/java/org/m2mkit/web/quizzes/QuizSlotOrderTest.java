package org.m2mkit.web.quizzes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m2mkit.web.quizzes.QuizHttp.location;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.m2mkit.content.questions.Question;
import org.m2mkit.web.testing.TestDatabase;

/**
 * Moving quiz slots with plain form posts; attempts already started keep their order and their question versions
 * (also when a question is edited in the form meanwhile).
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class QuizSlotOrderTest {

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    QuizHttp web;
    long quiz;

    @BeforeEach
    void start() throws Exception {
        web = new QuizHttp(dir, database);
        web.t.quizzes.banks().importQuestions("M2M", "every-type.gift", QuizDb.everyType(), web.t.teacher.id());
        quiz = web.t.quizzes.quizzes().create(new Quiz.Settings("Order", "", false, false, false, null, null, null, 0,
                GradingMethod.HIGHEST, FeedbackTiming.AFTER_SUBMISSION), null);
        for (String name : List.of("Pub-sub protocol", "Cycle time", "Acronym")) {
            web.t.quizzes.quizzes().addQuestion(quiz, id(name), 1);
        }
        web.t.quizzes.quizzes().addDraw(quiz, "objective:cellular", 1, 2);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    long id(String name) {
        return web.t.quizzes.banks().search(null, null, null, null).stream()
                .filter(s -> s.question().name().equals(name)).findFirst().orElseThrow().id();
    }

    Quiz quiz() {
        return web.t.quizzes.quizzes().find(quiz).orElseThrow();
    }

    /** The slots in order: question names, or the draw's tag. */
    List<String> order() {
        return quiz().slots().stream().map(s -> s.isDraw() ? "draw " + s.tag()
                : web.t.quizzes.banks().question(s.questionId()).orElseThrow().question().name()).toList();
    }

    long slot(int position) {
        return quiz().slots().get(position - 1).id();
    }

    HttpResponse<String> move(int position, String to) throws Exception {
        return web.post("teacher", "/quizzes/" + quiz + "/slots/" + slot(position) + "/move", "to", to);
    }

    @Test
    void slotsMoveUpDownAndToAPosition() throws Exception {
        long acronym = slot(3);
        String to = location(move(3, "up"));
        assertThat(to).isEqualTo("/quizzes/" + quiz + "/edit?moved=" + acronym + "#slot-" + acronym + "-up");
        assertThat(order()).containsExactly("Pub-sub protocol", "Acronym", "Cycle time", "draw objective:cellular");
        assertThat(location(move(4, "1"))).endsWith("-to");
        assertThat(order()).containsExactly("draw objective:cellular", "Pub-sub protocol", "Acronym", "Cycle time");
        assertThat(location(move(1, "down"))).endsWith("-down");
        assertThat(location(move(4, "down"))).as("the last slot cannot go down").endsWith("-up");
        assertThat(location(move(1, "up"))).as("the first cannot go up").endsWith("-down");
        assertThat(order()).containsExactly("Pub-sub protocol", "draw objective:cellular", "Acronym", "Cycle time");
        assertThat(quiz().slots()).extracting(Quiz.Slot::position).containsExactly(1, 2, 3, 4);

        HttpResponse<String> page = web.get("teacher", to);
        assertThat(page.body()).contains("Moved “Acronym” to position 3 of 4.")
                .contains("id=\"slot-" + acronym + "-up\"").contains("name=\"to\" value=\"up\"");
    }

    @Test
    void aBadPositionOrSlotIsRefusedWithWhatIsAccepted() throws Exception {
        List<String> before = order();
        HttpResponse<String> far = move(2, "9");
        assertThat(far.statusCode()).isEqualTo(400);
        assertThat(far.body()).contains("The position &#39;9&#39; is not accepted; give a whole number from 1 to 4");
        assertThat(move(2, "second").statusCode()).isEqualTo(400);
        assertThat(move(2, "").body()).contains("Give the position to move to, a whole number from 1 to 4.");
        long other = web.t.quizzes.quizzes().create(quiz().settings(), null);
        assertThat(web.post("teacher", "/quizzes/" + other + "/slots/" + slot(1) + "/move", "to", "down").statusCode())
                .isEqualTo(404);
        assertThat(web.post("ada", "/quizzes/" + quiz + "/slots/" + slot(1) + "/move", "to", "down").statusCode())
                .isEqualTo(403);
        assertThat(order()).isEqualTo(before);
    }

    @Test
    void reorderingOrEditingAPublishedQuizLeavesStartedAttemptsAsTheyWere() throws Exception {
        web.t.quizzes.quizzes().publish(quiz, true);
        Attempt started = web.t.quizzes.attempts().start(quiz, web.t.student, false);
        List<String> shown = names(started);
        assertThat(shown.subList(0, 3)).containsExactly("Pub-sub protocol", "Cycle time", "Acronym");

        location(move(3, "1"));
        location(move(4, "2"));
        Attempt same = web.t.quizzes.attempts().attempt(started.id(), web.t.student);
        assertThat(names(same)).isEqualTo(shown);
        assertThat(same.items()).extracting(i -> i.question().versionId())
                .isEqualTo(started.items().stream().map(i -> i.question().versionId()).toList());

        location(web.post("teacher", "/quizzes/bank/questions/" + id("Acronym"), "type", "shortanswer",
                "name", "Acronym", "text", "Write the acronym of Lightweight M2M (OMA's standard).",
                "row.0.text", "LwM2M", "caseSensitive", "on", "action", "save"));
        Attempt stillSame = web.t.quizzes.attempts().attempt(started.id(), web.t.student);
        assertThat(stillSame.items().get(2).question().question().text()).isEqualTo("Write the acronym of Lightweight M2M.");

        Attempt later = web.t.quizzes.attempts().start(quiz, web.t.other, false);
        assertThat(names(later)).element(0).isEqualTo("Acronym");
        assertThat(later.items().get(0).question().version()).isEqualTo(2);
        assertThat(names(later).subList(2, 4)).containsExactly("Pub-sub protocol", "Cycle time");
    }

    static List<String> names(Attempt a) {
        return a.items().stream().map(i -> i.question().question()).map(Question::name).toList();
    }
}
