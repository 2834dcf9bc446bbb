package org.m2mkit.web.grading;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.m2mkit.grader.SubmissionRateLimiter;
import org.m2mkit.web.db.CountedBucket;

/**
 * The per-person submission limit when several kits share one database: the same token bucket as
 * {@link SubmissionRateLimiter} (a burst, then one more every so often), counted from the person's submissions
 * that the database holds rather than kept in one kit's memory, so every kit gives the same answer. Only
 * submissions that count use the allowance: one that did not compile, or that could not be graded, is left out,
 * which gives its attempt back whichever node graded it.
 */
final class CountedAllowance {

    /** How far back the submissions are read: long enough for any bucket the kit uses to fill up again. */
    static final Duration WINDOW = Duration.ofHours(24);

    private CountedAllowance() {
    }

    /**
     * What the bucket allows at {@code now}, after the submissions {@code counted} (oldest first), starting full.
     *
     * @param taking whether the answer is for a submission being made (its remaining count is after it)
     */
    static SubmissionRateLimiter.Decision at(SubmissionRateLimiter limits, List<Instant> counted, Instant now,
                                             boolean taking) {
        CountedBucket bucket = new CountedBucket(limits.burst(), limits.refillEvery());
        double tokens = bucket.tokens(counted, now);
        if (tokens >= 1) {
            return new SubmissionRateLimiter.Decision(true, (long) Math.floor(taking ? tokens - 1 : tokens),
                    Duration.ZERO);
        }
        return new SubmissionRateLimiter.Decision(false, 0, bucket.untilOne(tokens));
    }
}
