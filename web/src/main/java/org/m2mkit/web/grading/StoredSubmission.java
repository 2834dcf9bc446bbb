package org.m2mkit.web.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.m2mkit.grader.Lab;

/**
 * A submission as the database keeps it.
 *
 * @param status  QUEUED, COMPILING, TESTING, DONE or FAILED (the kit stopped, or the grader failed)
 * @param gradable null until graded; false for a compile error or a missing class (no attempt used)
 * @param result  the grader's result (score, output, tests), null until graded
 */
public record StoredSubmission(long id, long accountId, String username, String displayName, Lab lab,
                               String origin, String fileName, Map<String, String> sources, String status,
                               Boolean gradable, Double score, Double maxScore, JsonNode result,
                               Instant submittedAt, Instant gradedAt) {

    public boolean finished() {
        return status.equals("DONE") || status.equals("FAILED");
    }

    /** Whether it used an attempt: graded, and gradable. */
    public boolean counted() {
        return Boolean.TRUE.equals(gradable);
    }

    /** The score as the pages show it: "87.5" or "–" when there is none. */
    public String scoreText() {
        return score == null || !counted() ? "–" : Scores.format(score);
    }
}
