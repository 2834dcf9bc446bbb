package org.m2mkit.web.quizzes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.m2mkit.content.questions.Body;
import org.m2mkit.web.db.Sql;

/** Quizzes and their slots in the database. */
public final class QuizStore {

    private final Sql sql;

    public QuizStore(DataSource db) {
        this.sql = new Sql(db);
    }

    public long create(Quiz.Settings s, String seedKey) {
        return sql.tx(c -> Sql.insert(c, "INSERT INTO quiz (title, intro, seed_key, shuffle_questions, shuffle_answers, "
                + "paged, time_limit_minutes, opens_at, closes_at, attempts_allowed, grading_method, feedback_timing) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s.title(), s.intro(), seedKey, s.shuffleQuestions(),
                s.shuffleAnswers(), s.paged(), s.timeLimitMinutes(), s.opensAt(), s.closesAt(), s.attemptsAllowed(),
                s.gradingMethod().name(), s.feedbackTiming().name()));
    }

    public void update(long quizId, Quiz.Settings s) {
        sql.update("UPDATE quiz SET title = ?, intro = ?, shuffle_questions = ?, shuffle_answers = ?, paged = ?, "
                + "time_limit_minutes = ?, opens_at = ?, closes_at = ?, attempts_allowed = ?, grading_method = ?, "
                + "feedback_timing = ? WHERE id = ?", s.title(), s.intro(), s.shuffleQuestions(), s.shuffleAnswers(),
                s.paged(), s.timeLimitMinutes(), s.opensAt(), s.closesAt(), s.attemptsAllowed(),
                s.gradingMethod().name(), s.feedbackTiming().name(), quizId);
    }

    public void addQuestion(long quizId, long questionId, double mark) {
        addSlot(quizId, questionId, null, 1, mark);
    }

    public void addDraw(long quizId, String tag, int count, double mark) {
        addSlot(quizId, null, tag, count, mark);
    }

    private void addSlot(long quizId, Long questionId, String tag, int count, double mark) {
        sql.tx(c -> Sql.insert(c, "INSERT INTO quiz_slot (quiz_id, position, question_id, tag, draw_count, mark) "
                + "VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM quiz_slot WHERE quiz_id = ?), ?, ?, ?, ?)",
                quizId, quizId, questionId, tag, count, mark));
    }

    public void removeSlot(long quizId, long slotId) {
        sql.update("DELETE FROM quiz_slot WHERE quiz_id = ? AND id = ?", quizId, slotId);
    }

    /**
     * Moves a slot to {@code position} (1 for the first; kept within the quiz) and numbers the slots 1, 2, 3...
     * again. Attempts keep the order they were started with: each holds its own list of question versions.
     *
     * @return false when the quiz has no such slot
     */
    public boolean moveSlot(long quizId, long slotId, int position) {
        return sql.tx(c -> {
            List<Long> ids = new ArrayList<>(Sql.list(c, "SELECT id FROM quiz_slot WHERE quiz_id = ? "
                    + "ORDER BY position, id", r -> r.getLong(1), quizId));
            if (!ids.remove(slotId)) {
                return false;
            }
            ids.add(Math.max(0, Math.min(ids.size(), position - 1)), slotId);
            for (int i = 0; i < ids.size(); i++) {
                Sql.update(c, "UPDATE quiz_slot SET position = ? WHERE id = ?", i + 1, ids.get(i));
            }
            return true;
        });
    }

    public void publish(long quizId, boolean published) {
        sql.update("UPDATE quiz SET published = ? WHERE id = ?", published, quizId);
    }

    public List<Quiz> all() {
        return withSlots(sql.list("SELECT * FROM quiz ORDER BY id", QuizStore::quiz));
    }

    public Optional<Quiz> find(long id) {
        return withSlots(sql.list("SELECT * FROM quiz WHERE id = ?", QuizStore::quiz, id)).stream().findFirst();
    }

    public Optional<Quiz> bySeedKey(String key) {
        return withSlots(sql.list("SELECT * FROM quiz WHERE seed_key = ?", QuizStore::quiz, key)).stream().findFirst();
    }

    /** Reads the slots after the quizzes, so that no query runs while another holds a connection. */
    private List<Quiz> withSlots(List<Quiz> quizzes) {
        return quizzes.stream().map(q -> new Quiz(q.id(), q.title(), q.intro(), q.seedKey(), q.shuffleQuestions(),
                q.shuffleAnswers(), q.paged(), q.timeLimitMinutes(), q.opensAt(), q.closesAt(), q.attemptsAllowed(),
                q.gradingMethod(), q.feedbackTiming(), q.published(), sql.list("SELECT s.id, s.position, s.question_id, "
                + "s.tag, s.draw_count, s.mark, v.qtype FROM quiz_slot s LEFT JOIN quiz_question_version v "
                + "ON v.question_id = s.question_id AND v.version = (SELECT MAX(x.version) FROM quiz_question_version x "
                + "WHERE x.question_id = s.question_id) WHERE s.quiz_id = ? ORDER BY s.position",
                r -> new Quiz.Slot(r.getLong(1), r.getInt(2), r.getObject(3) == null ? null : r.getLong(3),
                        r.getString(4), r.getInt(5), r.getDouble(6), Body.Description.TYPE.equals(r.getString(7))),
                q.id()))).toList();
    }

    private static Quiz quiz(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<Quiz.Slot> slots = List.of();
        return new Quiz(id, rs.getString("title"), rs.getString("intro"), rs.getString("seed_key"),
                rs.getBoolean("shuffle_questions"), rs.getBoolean("shuffle_answers"), rs.getBoolean("paged"),
                Sql.intOrNull(rs, "time_limit_minutes"), Sql.instant(rs, "opens_at"), Sql.instant(rs, "closes_at"),
                rs.getInt("attempts_allowed"), GradingMethod.valueOf(rs.getString("grading_method")),
                FeedbackTiming.valueOf(rs.getString("feedback_timing")), rs.getBoolean("published"), slots);
    }
}
