package org.m2mkit.web.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.m2mkit.grader.GradeResult;
import org.m2mkit.grader.Lab;
import org.m2mkit.grader.Labs;
import org.m2mkit.web.db.Sql;

/**
 * The grading queue in a PostgreSQL database that several kits and grader workers share: the queued rows of
 * {@code lab_submission} are the jobs. A worker claims the next one with {@code FOR UPDATE SKIP LOCKED}, so two
 * never claim the same; it holds a lease that it renews while it grades; it writes the result only while it still
 * holds the claim (its worker id and the attempt number it claimed with), so a job is graded once. A lease that
 * runs out, because its worker died, puts the job back in the queue; after {@link #MAX_ATTEMPTS} the job is given
 * up with a clear message. Lease times are the database's clock in UTC, so the workers' clocks do not matter.
 */
public final class SharedQueue {

    /** How many times grading one submission is begun before it is given up. */
    public static final int MAX_ATTEMPTS = 3;

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String NOW = "(now() AT TIME ZONE 'UTC')";
    private static final String RUNNING = "status IN ('COMPILING', 'TESTING')";
    private static final String HELD = " WHERE id = ? AND worker_id = ? AND attempts = ? AND " + RUNNING;

    /** A claimed submission: what to grade, and the claim that lets its worker write the result. */
    public record Job(long id, long accountId, Lab lab, Map<String, String> sources, String worker, int attempt) {
    }

    private final Sql sql;

    public SharedQueue(DataSource db) {
        this.sql = new Sql(db);
    }

    /**
     * Claims the next submission for {@code worker}, fairly: the oldest of those whose owner has the fewest
     * gradings running (each owner has at most one waiting). Empty when nothing waits.
     */
    public Optional<Job> claim(String worker, Duration lease) {
        return Optional.ofNullable(sql.one("UPDATE lab_submission SET status = 'COMPILING', worker_id = ?, "
                + "attempts = attempts + 1, lease_until = " + NOW + " + ? * INTERVAL '1 second' WHERE id = ("
                + "SELECT s.id FROM lab_submission s WHERE s.status = 'QUEUED' ORDER BY (SELECT COUNT(*) FROM "
                + "lab_submission r WHERE r.account_id = s.account_id AND r." + RUNNING + "), s.id "
                + "LIMIT 1 FOR UPDATE OF s SKIP LOCKED) RETURNING id, account_id, lab, sources, attempts",
                rs -> new Job(rs.getLong(1), rs.getLong(2), Labs.parse(rs.getString(3)), sources(rs.getString(4)),
                        worker, rs.getInt(5)), worker, lease.toSeconds()));
    }

    /** Extends the job's lease; false when its worker no longer holds it (it ran out and was re-queued). */
    public boolean renew(Job job, Duration lease) {
        return sql.update("UPDATE lab_submission SET lease_until = " + NOW + " + ? * INTERVAL '1 second'" + HELD,
                lease.toSeconds(), job.id(), job.worker(), job.attempt()) == 1;
    }

    /** Records how far grading has come (COMPILING, TESTING), while the worker holds the job. */
    public void progress(Job job, String status) {
        sql.update("UPDATE lab_submission SET status = ?" + HELD, status, job.id(), job.worker(), job.attempt());
    }

    /** Writes the result if the worker still holds the job; false when it does not (someone else grades it). */
    public boolean finish(Job job, GradeResult result) {
        return sql.update("UPDATE lab_submission SET status = 'DONE', gradable = ?, score = ?, max_score = ?, "
                + "result = ?, graded_at = ?, lease_until = NULL" + HELD, result.gradable(), result.score(),
                result.maxScore(), SubmissionStore.json(result), Instant.now(), job.id(), job.worker(),
                job.attempt()) == 1;
    }

    /** Marks the job as not graded, with a message for the student, if the worker still holds it. */
    public boolean fail(Job job, String message) {
        return sql.update("UPDATE lab_submission SET status = 'FAILED', gradable = NULL, result = ?, graded_at = ?, "
                + "lease_until = NULL" + HELD, SubmissionStore.failure(message), Instant.now(), job.id(),
                job.worker(), job.attempt()) == 1;
    }

    /** Gives a job back to the queue without counting the attempt (its worker is stopping). */
    public void release(Job job) {
        sql.update("UPDATE lab_submission SET status = 'QUEUED', worker_id = NULL, lease_until = NULL, "
                + "attempts = attempts - 1" + HELD, job.id(), job.worker(), job.attempt());
    }

    /**
     * Puts back in the queue every job whose lease ran out (its worker died or lost the database), and gives up
     * those begun {@link #MAX_ATTEMPTS} times. A running job without a lease was left by a kit that graded in
     * its own process; it is queued again too.
     *
     * @return how many jobs were re-queued or given up
     */
    public int requeueExpired() {
        String expired = " WHERE " + RUNNING + " AND (lease_until IS NULL OR lease_until < " + NOW + ")";
        return sql.tx(c -> {
            int given = Sql.update(c, "UPDATE lab_submission SET status = 'FAILED', gradable = NULL, result = ?, "
                    + "graded_at = ?, lease_until = NULL" + expired + " AND attempts >= ?", SubmissionStore.failure(
                    "This submission could not be graded: grading it was begun " + MAX_ATTEMPTS + " times and "
                    + "never finished. It cost no attempt; tell your instructor, and submit it again later."),
                    Instant.now(), MAX_ATTEMPTS);
            return given + Sql.update(c, "UPDATE lab_submission SET status = 'QUEUED', worker_id = NULL, "
                    + "lease_until = NULL" + expired);
        });
    }

    /** Where the person's waiting submission stands in the queue (1 = next), or 0 when none waits. */
    public int position(long accountId) {
        Integer place = sql.one("SELECT COUNT(*) FROM lab_submission q, lab_submission mine WHERE mine.account_id = ? "
                + "AND mine.status = 'QUEUED' AND q.status = 'QUEUED' AND q.id <= mine.id",
                rs -> rs.getInt(1), accountId);
        return place == null ? 0 : place;
    }

    /** How many submissions wait, and how many are being graded, on every node. */
    public record Depth(int queued, int running) {
    }

    public Depth depth() {
        return sql.one("SELECT COALESCE(SUM(CASE WHEN status = 'QUEUED' THEN 1 ELSE 0 END), 0), "
                + "COALESCE(SUM(CASE WHEN " + RUNNING + " THEN 1 ELSE 0 END), 0) FROM lab_submission "
                + "WHERE status NOT IN ('DONE', 'FAILED')", rs -> new Depth(rs.getInt(1), rs.getInt(2)));
    }

    private static Map<String, String> sources(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a queued submission's sources are not readable JSON", e);
        }
    }
}
