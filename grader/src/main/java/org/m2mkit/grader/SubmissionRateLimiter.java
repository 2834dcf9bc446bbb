package org.m2mkit.grader;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Limits how often one student may submit, against "debugging by autograder": a burst of {@code burst}
 * submissions, then one every {@code refillEvery} (token buckets from Bucket4j, one per student and lab).
 * Submissions that were not gradable should be refunded with {@link #refund}, since they cost no attempt.
 */
public final class SubmissionRateLimiter {
    private final int burst;
    private final Duration refillEvery;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public SubmissionRateLimiter(int burst, Duration refillEvery) {
        if (burst < 1 || burst > 1_000) {
            throw new IllegalArgumentException("grader.rateLimit.burst = " + burst + " is out of range; use 1 to 1000");
        }
        if (refillEvery == null || refillEvery.isNegative() || refillEvery.isZero()) {
            throw new IllegalArgumentException("grader.rateLimit.refillEvery = " + refillEvery + " must be a positive duration");
        }
        this.burst = burst;
        this.refillEvery = refillEvery;
    }

    /** The kit's default: 5 submissions at once, then one every 2 minutes. */
    public static SubmissionRateLimiter defaults() {
        return new SubmissionRateLimiter(5, Duration.ofMinutes(2));
    }

    /** Submissions allowed at once. */
    public int burst() {
        return burst;
    }

    /** How long until one more submission is allowed, after the burst. */
    public Duration refillEvery() {
        return refillEvery;
    }

    /** The answer to one request to submit. */
    public record Decision(boolean allowed, long remaining, Duration retryAfter) {}

    /** Takes one submission from the student's allowance for this lab, if there is one. */
    public Decision tryAcquire(String studentId, Lab lab) {
        ConsumptionProbe probe = bucket(studentId, lab).tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), probe.getRemainingTokens(),
                probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** What {@link #tryAcquire} would answer now, without taking anything (to show the student). */
    public Decision peek(String studentId, Lab lab) {
        Bucket bucket = bucket(studentId, lab);
        io.github.bucket4j.EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return new Decision(probe.canBeConsumed(), bucket.getAvailableTokens(),
                probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Gives back a submission that did not count (not gradable). */
    public void refund(String studentId, Lab lab) {
        bucket(studentId, lab).addTokens(1);
    }

    private Bucket bucket(String studentId, Lab lab) {
        return buckets.computeIfAbsent(studentId + "\u0000" + lab.id(), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(1, refillEvery).build())
                .build());
    }
}
