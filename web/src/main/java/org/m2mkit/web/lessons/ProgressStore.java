package org.m2mkit.web.lessons;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.m2mkit.web.db.Sql;

/** Which sections a student opened and their best answer to each knowledge check. */
public final class ProgressStore {

    /** One student's progress: opened sections and, per section, the checks answered right. */
    public record Progress(Set<String> visited, Map<String, Integer> checksRight) {
        public int right(String lessonId) {
            return checksRight.getOrDefault(lessonId, 0);
        }
    }

    private final Sql sql;

    public ProgressStore(DataSource db) {
        this.sql = new Sql(db);
    }

    public void visited(long accountId, String lessonId) {
        sql.update("MERGE INTO lesson_visit t USING (VALUES (?, ?)) s(a, l) "
                + "ON t.account_id = s.a AND t.lesson_id = s.l "
                + "WHEN MATCHED THEN UPDATE SET last_at = CURRENT_TIMESTAMP "
                + "WHEN NOT MATCHED THEN INSERT (account_id, lesson_id) VALUES (s.a, s.l)", accountId, lessonId);
    }

    /**
     * Records an answer; the best fraction so far is kept, and the answer itself ({@code values}, as JSON) as the
     * last one given.
     */
    public void answered(long accountId, String lessonId, int index, double fraction, String values) {
        sql.update("MERGE INTO check_answer t USING (VALUES (?, ?, ?, ?, ?)) "
                + "s(a, l, i, f, v) ON t.account_id = s.a AND t.lesson_id = s.l AND t.check_index = s.i "
                + "WHEN MATCHED THEN UPDATE SET best = GREATEST(t.best, s.f), attempts = t.attempts + 1, "
                + "answered_at = CURRENT_TIMESTAMP, last_values = s.v "
                + "WHEN NOT MATCHED THEN INSERT (account_id, lesson_id, check_index, best, attempts, last_values) "
                + "VALUES (s.a, s.l, s.i, s.f, 1, s.v)", accountId, lessonId, index, fraction,
                values != null && values.length() <= 8000 ? values : null);
    }

    /** The last answer (its values as JSON) a student gave to each check of a section, by check number. */
    public Map<Integer, String> lastAnswers(long accountId, String lessonId) {
        Map<Integer, String> answers = new HashMap<>();
        sql.list("SELECT check_index, last_values FROM check_answer WHERE account_id = ? AND lesson_id = ? "
                + "AND last_values IS NOT NULL", rs -> answers.put(rs.getInt(1), rs.getString(2)), accountId, lessonId);
        return answers;
    }

    public Progress of(long accountId) {
        return sql.tx(c -> {
            Set<String> visited = new HashSet<>(Sql.list(c, "SELECT lesson_id FROM lesson_visit WHERE account_id = ?",
                    rs -> rs.getString(1), accountId));
            Map<String, Integer> right = new HashMap<>();
            for (Map.Entry<String, Integer> e : Sql.list(c, "SELECT lesson_id, COUNT(*) FROM check_answer "
                    + "WHERE account_id = ? AND best >= 0.999 GROUP BY lesson_id",
                    rs -> Map.entry(rs.getString(1), rs.getInt(2)), accountId)) {
                right.put(e.getKey(), e.getValue());
            }
            return new Progress(visited, right);
        });
    }
}
