package org.m2mkit.web.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.m2mkit.grader.GradeResult;
import org.m2mkit.grader.Lab;
import org.m2mkit.grader.Labs;
import org.m2mkit.web.db.Sql;

/** The {@code lab_submission} table: every submission with its sources and, once graded, its result as JSON. */
final class SubmissionStore {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "s.id, s.account_id, a.username, a.display_name, s.lab, s.origin, "
            + "s.file_name, s.sources, s.status, s.gradable, s.score, s.max_score, s.result, s.submitted_at, s.graded_at";
    private static final String FROM = " FROM lab_submission s JOIN account a ON a.id = s.account_id";

    private final Sql sql;

    SubmissionStore(DataSource db) {
        this.sql = new Sql(db);
    }

    private static final String INSERT = "INSERT INTO lab_submission (account_id, lab, origin, file_name, sources, "
            + "status, submitted_at) VALUES (?, ?, ?, ?, ?, 'QUEUED', ?)";
    /** A person's submissions for a lab since a time that use an attempt: not failed, and not refused ungradable. */
    private static final String COUNTED = "SELECT submitted_at FROM lab_submission WHERE account_id = ? AND lab = ? "
            + "AND submitted_at >= ? AND status <> 'FAILED' AND (gradable IS NULL OR gradable = TRUE) "
            + "ORDER BY submitted_at, id";

    long insert(long accountId, Lab lab, String origin, String fileName, Map<String, String> sources) {
        return sql.insert(INSERT, accountId, lab.id(), origin, fileName, quote(sources), Instant.now());
    }

    /** Decides whether a person may submit, from their waiting submission and those that used an attempt. */
    @FunctionalInterface
    interface Gate {
        void check(boolean waiting, List<Instant> counted);
    }

    /**
     * Stores a submission if {@code gate} lets it through (it throws otherwise), in one transaction with the
     * person's account row locked, so that two kits cannot both let a submission through that only one may.
     */
    long insertChecked(long accountId, Lab lab, String origin, String fileName, Map<String, String> sources,
                       Instant since, Gate gate) {
        return sql.tx(c -> {
            Sql.one(c, "SELECT id FROM account WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), accountId);
            boolean waiting = Sql.one(c, "SELECT id FROM lab_submission WHERE account_id = ? AND status = 'QUEUED'",
                    rs -> rs.getLong(1), accountId) != null;
            gate.check(waiting, Sql.list(c, COUNTED, rs -> Sql.instant(rs, "submitted_at"), accountId, lab.id(),
                    since));
            return Sql.insert(c, INSERT, accountId, lab.id(), origin, fileName, quote(sources), Instant.now());
        });
    }

    /** The times of a person's submissions for a lab since {@code since} that used an attempt, oldest first. */
    List<Instant> counted(long accountId, Lab lab, Instant since) {
        return sql.list(COUNTED, rs -> Sql.instant(rs, "submitted_at"), accountId, lab.id(), since);
    }

    void status(long id, String status) {
        sql.update("UPDATE lab_submission SET status = ? WHERE id = ? AND status NOT IN ('DONE', 'FAILED')",
                status, id);
    }

    void result(long id, GradeResult result) {
        sql.update("UPDATE lab_submission SET status = 'DONE', gradable = ?, score = ?, max_score = ?, result = ?, "
                + "graded_at = ? WHERE id = ?", result.gradable(), result.score(), result.maxScore(), quote(result),
                Instant.now(), id);
    }

    void failed(long id, String message) {
        sql.update("UPDATE lab_submission SET status = 'FAILED', gradable = NULL, result = ?, graded_at = ? "
                + "WHERE id = ?", failure(message), Instant.now(), id);
    }

    /** Whether the person has a submission waiting in the queue (not yet being graded). */
    boolean hasQueued(long accountId) {
        return sql.one("SELECT id FROM lab_submission WHERE account_id = ? AND status = 'QUEUED'",
                rs -> rs.getLong(1), accountId) != null;
    }

    /** The result of a submission that was not graded: the message for the student, and no tests. */
    static String failure(String message) {
        return "{\"output\":" + quote(message) + ",\"tests\":[]}";
    }

    /** A result as the {@code result} column keeps it. */
    static String json(GradeResult result) {
        return quote(result);
    }

    /** Submissions a stopped kit left unfinished: they will never be graded. */
    int failUnfinished() {
        String json = failure("The kit stopped before this submission was graded; it cost no attempt. Submit it "
                + "again.");
        return sql.update("UPDATE lab_submission SET status = 'FAILED', result = ? "
                + "WHERE status NOT IN ('DONE', 'FAILED')", json);
    }

    Optional<StoredSubmission> find(long id) {
        return Optional.ofNullable(sql.one("SELECT " + COLUMNS + FROM + " WHERE s.id = ?", SubmissionStore::row, id));
    }

    /** A person's submissions for a lab, newest first. */
    List<StoredSubmission> history(long accountId, Lab lab, int limit) {
        return sql.list("SELECT " + COLUMNS + FROM + " WHERE s.account_id = ? AND s.lab = ? ORDER BY s.id DESC LIMIT ?",
                SubmissionStore::row, accountId, lab.id(), limit);
    }

    /** A person's newest gateway submission that compiled. */
    Optional<StoredSubmission> latestGradable(long accountId, Lab lab) {
        return Optional.ofNullable(sql.one("SELECT " + COLUMNS + FROM + " WHERE s.account_id = ? AND s.lab = ? "
                + "AND s.gradable = TRUE ORDER BY s.id DESC LIMIT 1", SubmissionStore::row, accountId, lab.id()));
    }

    /** Best and latest counted score per person and lab. */
    record LabScores(long accountId, Lab lab, int attempts, double best, double latest, long latestId, long bestId) {
    }

    private record Scored(long accountId, Lab lab, long id, double score) {
    }

    List<LabScores> scores() {
        List<Scored> rows = sql.list("SELECT s.account_id, s.lab, s.id, s.score FROM lab_submission s "
                + "WHERE s.gradable = TRUE ORDER BY s.account_id, s.lab, s.id",
                rs -> new Scored(rs.getLong(1), Labs.parse(rs.getString(2)), rs.getLong(3), rs.getDouble(4)));
        List<LabScores> out = new ArrayList<>();
        LabScores cur = null;
        for (Scored r : rows) {
            if (cur == null || cur.accountId() != r.accountId() || cur.lab() != r.lab()) {
                if (cur != null) {
                    out.add(cur);
                }
                cur = new LabScores(r.accountId(), r.lab(), 1, r.score(), r.score(), r.id(), r.id());
            } else {
                boolean better = r.score() > cur.best();
                cur = new LabScores(r.accountId(), r.lab(), cur.attempts() + 1, better ? r.score() : cur.best(),
                        r.score(), r.id(), better ? r.id() : cur.bestId());
            }
        }
        if (cur != null) {
            out.add(cur);
        }
        return out;
    }

    private static StoredSubmission row(ResultSet rs) throws SQLException {
        try {
            Map<String, String> sources = JSON.readValue(rs.getString("sources"), new TypeReference<>() { });
            String result = rs.getString("result");
            JsonNode node = result == null ? null : JSON.readTree(result);
            boolean gradable = rs.getBoolean("gradable");
            Boolean g = rs.wasNull() ? null : gradable;
            double score = rs.getDouble("score");
            Double s = rs.wasNull() ? null : score;
            double max = rs.getDouble("max_score");
            Double m = rs.wasNull() ? null : max;
            Timestamp graded = rs.getTimestamp("graded_at");
            return new StoredSubmission(rs.getLong("id"), rs.getLong("account_id"), rs.getString("username"),
                    rs.getString("display_name"), Labs.parse(rs.getString("lab")), rs.getString("origin"),
                    rs.getString("file_name"), sources, rs.getString("status"), g, s, m, node,
                    rs.getTimestamp("submitted_at").toInstant(), graded == null ? null : graded.toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored submission is not readable JSON", e);
        }
    }

    /** The value as JSON: a string quoted, a map or a result as an object. */
    private static String quote(Object s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
