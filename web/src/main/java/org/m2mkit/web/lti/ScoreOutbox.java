package org.m2mkit.web.lti;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.m2mkit.web.db.Sql;
import org.m2mkit.web.quizzes.GradingMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grade passback (LTI Assignment and Grade Services). A final score becomes a row of {@code lti_score} before
 * anything is sent, so it survives a platform that is down and a kit that restarts. A background sender posts
 * due rows to the line item's {@code /scores} endpoint; a failure the platform may recover from is retried with
 * exponential back-off (Failsafe's retry policy), each attempt and the next try written to the row, until the
 * platform takes the score (SENT) or the retries run out or the platform refuses it outright (FAILED, with its
 * reason; the instructor can send it again).
 */
final class ScoreOutbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScoreOutbox.class);
    static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";

    /** A score as the instructor page lists it. */
    public record Row(long id, String username, String target, double scoreGiven, double scoreMaximum, String status,
               int attempts, Instant nextTry, String lastError, Instant sentAt) {}

    /** How retries are spaced: the first wait, the longest, and how many retries before a score is FAILED. */
    record Backoff(Duration first, Duration longest, int retries) {
        static Backoff defaults() {
            return new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(30), 40);
        }
    }

    private record Pending(long id, long platformId, String lineItem, String subject, double given, double maximum,
                           Instant scoredAt) {}

    private final Sql sql;
    private final Platforms platforms;
    private final PlatformClient client;
    private final Backoff backoff;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "m2mkit-lti-scores");
        t.setDaemon(true);
        return t;
    });
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    ScoreOutbox(DataSource db, Platforms platforms, PlatformClient client, Backoff backoff) {
        this.sql = new Sql(db);
        this.platforms = platforms;
        this.client = client;
        this.backoff = backoff;
    }

    /** The retry policy of one score: every retry it schedules is written to the score's row. */
    private RetryPolicy<Object> policy(long id) {
        return RetryPolicy.builder()
                .handleIf(e -> e instanceof PlatformClient.CallFailed f && f.retryable())
                .withBackoff(backoff.first(), backoff.longest())
                .withJitter(0.1)
                .withMaxRetries(backoff.retries())
                .onRetryScheduled(e -> sql.update("UPDATE lti_score SET attempts = ?, next_try_at = ?, last_error = ? "
                        + "WHERE id = ? AND status = 'PENDING'", e.getAttemptCount(), Instant.now().plus(e.getDelay()),
                        message(e.getLastException()), id))
                .build();
    }

    /** Starts the sender: it looks for due scores every few seconds (and at once when one is queued). */
    ScoreOutbox start() {
        scheduler.scheduleWithFixedDelay(this::sendDue, 1, 5, TimeUnit.SECONDS);
        return this;
    }

    /**
     * The person's grade for {@code target} may have changed: queues it for every platform line item their launches
     * of that page came with. Quizzes are graded by their grading method; labs by the best graded submission.
     */
    void changed(long accountId, String target) {
        double[] grade = grade(accountId, target);
        if (grade == null) {
            return;
        }
        Instant now = Instant.now();
        int queued = sql.tx(c -> {
            int n = 0;
            for (var link : Sql.list(c, "SELECT platform_id, lineitem_url, subject FROM lti_grade_link "
                    + "WHERE account_id = ? AND target = ?", rs -> new Object[] {rs.getLong(1), rs.getString(2),
                    rs.getString(3)}, accountId, target)) {
                Sql.update(c, "INSERT INTO lti_score (account_id, target, platform_id, lineitem_url, subject, "
                        + "score_given, score_maximum, scored_at, status, next_try_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                        + "'PENDING', ?)", accountId, target, link[0], link[1], link[2], grade[0], grade[1], now, now);
                n++;
            }
            return n;
        });
        if (queued > 0) {
            scheduler.execute(this::sendDue);
        }
    }

    /** {scoreGiven, scoreMaximum} of the person's current grade for the page, or null when there is none yet. */
    private double[] grade(long accountId, String target) {
        var lab = Targets.lab(target);
        if (lab.isPresent()) {
            return sql.one("SELECT score, max_score FROM lab_submission WHERE account_id = ? AND lab = ? AND gradable "
                    + "AND status = 'DONE' AND max_score > 0 ORDER BY score / max_score DESC, id DESC "
                    + "FETCH FIRST 1 ROWS ONLY", rs -> new double[] {rs.getDouble(1), rs.getDouble(2)}, accountId,
                    lab.get().id());
        }
        var quiz = Targets.quiz(target);
        if (quiz.isEmpty()) {
            return null;
        }
        String method = sql.one("SELECT grading_method FROM quiz WHERE id = ?", rs -> rs.getString(1), quiz.get());
        List<double[]> attempts = sql.list("SELECT score, max_score FROM quiz_attempt WHERE quiz_id = ? "
                + "AND account_id = ? AND NOT preview AND submitted_at IS NOT NULL AND NOT needs_grading "
                + "AND score IS NOT NULL AND max_score > 0 ORDER BY submitted_at, id",
                rs -> new double[] {rs.getDouble(1), rs.getDouble(2)}, quiz.get(), accountId);
        if (method == null || attempts.isEmpty()) {
            return null;
        }
        Double fraction = GradingMethod.valueOf(method).apply(attempts.stream().map(a -> a[0] / a[1]).toList());
        double maximum = attempts.get(attempts.size() - 1)[1];
        return new double[] {fraction * maximum, maximum};
    }

    /** Claims the scores that are due and not being sent by this node already, and sends each. */
    void sendDue() {
        try {
            Instant now = Instant.now();
            List<Long> due = sql.list("SELECT id FROM lti_score WHERE status = 'PENDING' AND next_try_at <= ? "
                    + "ORDER BY id FETCH FIRST 50 ROWS ONLY", rs -> rs.getLong(1), now);
            for (long id : due) {
                if (inFlight.add(id)) {
                    send(id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("the grade passback could not read its queue: {}", e.toString());
        }
    }

    private void send(long id) {
        Failsafe.with(policy(id)).with(scheduler).runAsync(() -> post(id))
                .whenComplete((ok, failure) -> {
                    try {
                        if (failure == null) {
                            sql.update("UPDATE lti_score SET status = 'SENT', sent_at = ?, attempts = attempts + 1, "
                                    + "last_error = NULL WHERE id = ?", Instant.now(), id);
                        } else {
                            Throwable cause = failure;
                            while ((cause instanceof CompletionException || cause instanceof FailsafeException)
                                    && cause.getCause() != null) {
                                cause = cause.getCause();
                            }
                            sql.update("UPDATE lti_score SET status = 'FAILED', attempts = attempts + 1, last_error = ? "
                                    + "WHERE id = ? AND status = 'PENDING'", message(cause), id);
                        }
                    } finally {
                        inFlight.remove(id);
                    }
                });
    }

    private void post(long id) throws PlatformClient.CallFailed {
        Pending p = sql.one("SELECT id, platform_id, lineitem_url, subject, score_given, score_maximum, scored_at "
                + "FROM lti_score WHERE id = ?", rs -> new Pending(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getDouble(5), rs.getDouble(6), Sql.instant(rs, "scored_at")), id);
        if (p == null) {
            return; // the account or platform was removed meanwhile, and its scores with it
        }
        Platform platform = platforms.find(p.platformId()).orElseThrow(() -> new PlatformClient.CallFailed(
                "the platform was removed from the kit", false));
        String token = client.token(platform, List.of(Claims.SCOPE_SCORE, Claims.SCOPE_LINEITEM,
                Claims.SCOPE_LINEITEM_READ));
        String body = json(Map.of("userId", p.subject(), "scoreGiven", p.given(), "scoreMaximum", p.maximum(),
                "activityProgress", "Completed", "gradingProgress", "FullyGraded",
                "timestamp", p.scoredAt().truncatedTo(ChronoUnit.MILLIS).toString()));
        try {
            client.send(HttpRequest.newBuilder(URI.create(scoresUrl(p.lineItem()))).timeout(PlatformClient.TIMEOUT)
                    .header("Content-Type", SCORE_TYPE).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), "the line item's scores");
        } catch (PlatformClient.CallFailed e) {
            if (e.getMessage().contains("answered 401")) {
                client.forget(platform); // the next try asks for a fresh token
            }
            throw e;
        }
    }

    /** The line item's score endpoint: its path with {@code /scores} added, before any query. */
    static String scoresUrl(String lineItem) {
        int q = lineItem.indexOf('?');
        String path = q < 0 ? lineItem : lineItem.substring(0, q);
        return (path.endsWith("/") ? path + "scores" : path + "/scores") + (q < 0 ? "" : lineItem.substring(q));
    }

    private static String message(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() > 2000 ? m.substring(0, 2000) : m;
    }

    private static String json(Map<String, Object> fields) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(new java.util.TreeMap<>(fields));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every score, newest first, for the instructor page. */
    List<Row> list(int limit) {
        return sql.list("SELECT s.id, a.username, s.target, s.score_given, s.score_maximum, s.status, s.attempts, "
                + "s.next_try_at, s.last_error, s.sent_at FROM lti_score s JOIN account a ON a.id = s.account_id "
                + "ORDER BY s.id DESC FETCH FIRST " + limit + " ROWS ONLY", rs -> new Row(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                rs.getString(6).toLowerCase(Locale.ROOT), rs.getInt(7), Sql.instant(rs, "next_try_at"),
                rs.getString(9), Sql.instant(rs, "sent_at")));
    }

    /** Sends a FAILED score again from the start of the back-off. */
    boolean retry(long id) {
        boolean again = sql.update("UPDATE lti_score SET status = 'PENDING', attempts = 0, next_try_at = ? "
                + "WHERE id = ? AND status = 'FAILED'", Instant.now(), id) == 1;
        if (again) {
            scheduler.execute(this::sendDue);
        }
        return again;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
