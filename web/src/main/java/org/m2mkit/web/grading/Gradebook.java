package org.m2mkit.web.grading;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.m2mkit.grader.Lab;
import org.m2mkit.grader.Labs;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.accounts.AccountRepository;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.db.Sql;

/**
 * Every student's best and latest score per lab (counted submissions only) and per quiz (submitted attempts, as a
 * percentage), as a table for the page and as CSV.
 */
public final class Gradebook {

    private static final CsvMapper CSV = new CsvMapper();

    /** One score cell: best and latest, with the submission (labs) behind each; null values mean none yet. */
    public record Cell(Double best, Double latest, int attempts, Long bestId, Long latestId, int toGrade) {
        static final Cell NONE = new Cell(null, null, 0, null, null, 0);

        Cell(Double best, Double latest, int attempts, Long bestId, Long latestId) {
            this(best, latest, attempts, bestId, latestId, 0);
        }

        public String bestText() {
            return best == null ? "–" : Scores.format(best);
        }

        public String latestText() {
            return latest == null ? "–" : Scores.format(latest);
        }
    }

    public record Column(String key, String title, boolean lab) {
    }

    public record Row(Account student, List<Cell> cells) {
    }

    private final Sql sql;
    private final AccountRepository accounts;
    private final Grading grading;

    Gradebook(DataSource db, AccountRepository accounts, Grading grading) {
        this.sql = new Sql(db);
        this.accounts = accounts;
        this.grading = grading;
    }

    public record Table(List<Column> columns, List<Row> rows) {
    }

    Table table() {
        List<Column> columns = new ArrayList<>();
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (Lab lab : Labs.all()) {
            columns.add(new Column("lab:" + lab.id(), lab.shortTitle(), true));
        }
        for (SubmissionStore.LabScores s : grading.scores()) {
            cells.put(s.accountId() + "/lab:" + s.lab().id(),
                    new Cell(s.best(), s.latest(), s.attempts(), s.bestId(), s.latestId()));
        }
        quizzes(columns, cells);
        List<Row> rows = new ArrayList<>();
        for (Account a : accounts.list()) {
            if (a.role() != Role.STUDENT) {
                continue;
            }
            List<Cell> row = new ArrayList<>();
            for (Column c : columns) {
                row.add(cells.getOrDefault(a.id() + "/" + c.key(), Cell.NONE));
            }
            rows.add(new Row(a, row));
        }
        return new Table(columns, rows);
    }

    private record QuizResult(long quiz, String title, long accountId, double score, double max, boolean toGrade) {
    }

    /** Quiz columns: every quiz with a submitted attempt, best and latest percentage per student. */
    private void quizzes(List<Column> columns, Map<String, Cell> cells) {
        String query = "SELECT q.id, q.title, t.account_id, t.score, t.max_score, t.needs_grading FROM quiz_attempt t "
                + "JOIN quiz q ON q.id = t.quiz_id WHERE t.preview = FALSE AND t.submitted_at IS NOT NULL "
                + "AND t.score IS NOT NULL ORDER BY q.id, t.account_id, t.submitted_at, t.id";
        long lastQuiz = -1;
        for (QuizResult r : sql.list(query, rs -> new QuizResult(rs.getLong(1), rs.getString(2), rs.getLong(3),
                rs.getDouble(4), rs.getDouble(5), rs.getBoolean(6)))) {
            if (r.quiz() != lastQuiz) {
                columns.add(new Column("quiz:" + r.quiz(), "Quiz: " + r.title(), false));
                lastQuiz = r.quiz();
            }
            String key = r.accountId() + "/quiz:" + r.quiz();
            if (r.toGrade()) {
                // an answer waits for the instructor's grade: no score yet, a flag instead
                cells.merge(key, new Cell(null, null, 0, null, null, 1), (old, now) -> new Cell(old.best(),
                        old.latest(), old.attempts(), null, null, old.toGrade() + 1));
                continue;
            }
            double percent = r.max() <= 0 ? 0 : Math.round(r.score() / r.max() * 10_000) / 100.0;
            cells.merge(key, new Cell(percent, percent, 1, null, null),
                    (old, now) -> new Cell(old.best() == null ? now.best() : Math.max(old.best(), now.best()),
                            now.latest(), old.attempts() + 1, null, null, old.toGrade()));
        }
    }

    /** One submitted quiz attempt as a person's grades list it. */
    public record QuizAttempt(long quizId, String quiz, long attemptId, java.time.Instant submittedAt, Double score,
                              double maxScore, boolean toGrade) {
        public String scoreText() {
            return toGrade || score == null ? "needs grading" : Scores.format(score) + " / " + Scores.format(maxScore);
        }

        public String percentText() {
            return toGrade || score == null || maxScore <= 0 ? "–" : Scores.format(Math.round(score / maxScore * 1000) / 10.0) + " %";
        }
    }

    /** Every submitted quiz attempt of {@code accountId}, newest first. */
    List<QuizAttempt> quizAttempts(long accountId) {
        return sql.list("SELECT q.id, q.title, t.id, t.submitted_at, t.score, t.max_score, t.needs_grading "
                + "FROM quiz_attempt t JOIN quiz q ON q.id = t.quiz_id WHERE t.account_id = ? AND t.preview = FALSE "
                + "AND t.submitted_at IS NOT NULL ORDER BY t.submitted_at DESC, t.id DESC", rs -> {
                    double raw = rs.getDouble(5);
                    Double score = rs.wasNull() ? null : raw;
                    return new QuizAttempt(rs.getLong(1), rs.getString(2), rs.getLong(3),
                            rs.getTimestamp(4).toInstant(), score, rs.getDouble(6), rs.getBoolean(7));
                }, accountId);
    }

    String csv() {
        Table t = table();
        List<String> header = new ArrayList<>(List.of("username", "name"));
        for (Column c : t.columns()) {
            String name = c.key().replace(':', '_');
            header.add(name + "_best");
            header.add(name + "_latest");
            header.add(name + "_attempts");
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (Row r : t.rows()) {
            List<String> row = new ArrayList<>(List.of(inert(r.student().username()), inert(r.student().displayName())));
            for (Cell cell : r.cells()) {
                row.add(cell.best() == null ? "" : Scores.format(cell.best()));
                row.add(cell.latest() == null ? "" : Scores.format(cell.latest()));
                row.add(Integer.toString(cell.attempts()));
            }
            rows.add(row);
        }
        try {
            return CSV.writer(CsvSchema.emptySchema().withLineSeparator("\r\n"))
                    .with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the gradebook always writes as CSV", e);
        }
    }

    /** A name a spreadsheet would run as a formula gets a leading apostrophe. */
    private static String inert(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
