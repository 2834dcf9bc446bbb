package org.m2mkit.web.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.m2mkit.grader.GradeResult;
import org.m2mkit.grader.Lab;

/** The {@code lab_submission} table: every submission with its sources and, once graded, its result as JSON. */
final class SubmissionStore {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "s.id, s.account_id, a.username, a.display_name, s.lab, s.origin, "
            + "s.file_name, s.sources, s.status, s.gradable, s.score, s.max_score, s.result, s.submitted_at, s.graded_at";
    private static final String FROM = " FROM lab_submission s JOIN account a ON a.id = s.account_id";

    private final DataSource db;

    SubmissionStore(DataSource db) {
        this.db = db;
    }

    long insert(long accountId, Lab lab, String origin, String fileName, Map<String, String> sources) {
        String sql = "INSERT INTO lab_submission (account_id, lab, origin, file_name, sources, status, submitted_at) "
                + "VALUES (?, ?, ?, ?, ?, 'QUEUED', ?)";
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement(sql, new String[] {"id"})) {
            st.setLong(1, accountId);
            st.setString(2, lab.id());
            st.setString(3, origin);
            st.setString(4, fileName);
            st.setString(5, JSON.writeValueAsString(sources));
            st.setTimestamp(6, Timestamp.from(Instant.now()));
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot store a submission", e);
        }
    }

    void status(long id, String status) {
        update("UPDATE lab_submission SET status = ? WHERE id = ? AND status NOT IN ('DONE', 'FAILED')",
                st -> {
                    st.setString(1, status);
                    st.setLong(2, id);
                });
    }

    void result(long id, GradeResult result) {
        String json;
        try {
            json = JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a grade result always serialises", e);
        }
        update("UPDATE lab_submission SET status = 'DONE', gradable = ?, score = ?, max_score = ?, result = ?, "
                + "graded_at = ? WHERE id = ?", st -> {
                    st.setBoolean(1, result.gradable());
                    st.setDouble(2, result.score());
                    st.setDouble(3, result.maxScore());
                    st.setString(4, json);
                    st.setTimestamp(5, Timestamp.from(Instant.now()));
                    st.setLong(6, id);
                });
    }

    void failed(long id, String message) {
        String json = "{\"output\":" + quote(message) + ",\"tests\":[]}";
        update("UPDATE lab_submission SET status = 'FAILED', gradable = ?, result = ?, graded_at = ? WHERE id = ?",
                st -> {
                    st.setNull(1, Types.BOOLEAN);
                    st.setString(2, json);
                    st.setTimestamp(3, Timestamp.from(Instant.now()));
                    st.setLong(4, id);
                });
    }

    /** Submissions a stopped kit left unfinished: they will never be graded. */
    int failUnfinished() {
        String json = "{\"output\":" + quote("The kit stopped before this submission was graded; it cost no "
                + "attempt. Submit it again.") + ",\"tests\":[]}";
        int[] n = new int[1];
        update("UPDATE lab_submission SET status = 'FAILED', result = ? WHERE status NOT IN ('DONE', 'FAILED')",
                st -> st.setString(1, json), n);
        return n[0];
    }

    Optional<StoredSubmission> find(long id) {
        List<StoredSubmission> found = query("SELECT " + COLUMNS + FROM + " WHERE s.id = ?", st -> st.setLong(1, id));
        return found.stream().findFirst();
    }

    /** A person's submissions for a lab, newest first. */
    List<StoredSubmission> history(long accountId, Lab lab, int limit) {
        return query("SELECT " + COLUMNS + FROM + " WHERE s.account_id = ? AND s.lab = ? ORDER BY s.id DESC LIMIT ?",
                st -> {
                    st.setLong(1, accountId);
                    st.setString(2, lab.id());
                    st.setInt(3, limit);
                });
    }

    /** A person's newest gateway submission that compiled. */
    Optional<StoredSubmission> latestGradable(long accountId, Lab lab) {
        return query("SELECT " + COLUMNS + FROM + " WHERE s.account_id = ? AND s.lab = ? AND s.gradable = TRUE "
                + "ORDER BY s.id DESC LIMIT 1", st -> {
                    st.setLong(1, accountId);
                    st.setString(2, lab.id());
                }).stream().findFirst();
    }

    /** Best and latest counted score per person and lab. */
    record LabScores(long accountId, Lab lab, int attempts, double best, double latest, long latestId, long bestId) {
    }

    List<LabScores> scores() {
        String sql = "SELECT s.account_id, s.lab, s.id, s.score FROM lab_submission s WHERE s.gradable = TRUE "
                + "ORDER BY s.account_id, s.lab, s.id";
        List<LabScores> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            LabScores cur = null;
            while (rs.next()) {
                long account = rs.getLong(1);
                Lab lab = Lab.parse(rs.getString(2));
                long id = rs.getLong(3);
                double score = rs.getDouble(4);
                if (cur == null || cur.accountId() != account || cur.lab() != lab) {
                    if (cur != null) {
                        out.add(cur);
                    }
                    cur = new LabScores(account, lab, 1, score, score, id, id);
                } else {
                    boolean better = score > cur.best();
                    cur = new LabScores(account, lab, cur.attempts() + 1, better ? score : cur.best(), score, id,
                            better ? id : cur.bestId());
                }
            }
            if (cur != null) {
                out.add(cur);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read scores", e);
        }
        return out;
    }

    private interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        update(sql, binder, new int[1]);
    }

    private void update(String sql, Binder binder, int[] count) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            binder.bind(st);
            count[0] = st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update a submission", e);
        }
    }

    private List<StoredSubmission> query(String sql, Binder binder) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            binder.bind(st);
            List<StoredSubmission> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read submissions", e);
        }
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
                    rs.getString("display_name"), Lab.parse(rs.getString("lab")), rs.getString("origin"),
                    rs.getString("file_name"), sources, rs.getString("status"), g, s, m, node,
                    rs.getTimestamp("submitted_at").toInstant(), graded == null ? null : graded.toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored submission is not readable JSON", e);
        }
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
