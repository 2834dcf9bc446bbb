package org.m2mkit.web.db;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A token bucket counted from the times of the events that took from it, as rows of the database keep them, so
 * that every kit on one database gives the same answer (Bucket4j's buckets live in one kit's memory). It starts
 * full with {@code capacity} tokens; each event takes one, and may leave it in debt as Bucket4j's
 * {@code consumeIgnoringRateLimits} does; one token comes back every {@code refill}, up to the capacity.
 */
public record CountedBucket(int capacity, Duration refill) {

    /** The tokens in the bucket at {@code now} after {@code events} (oldest first); below 1 means none to take. */
    public double tokens(List<Instant> events, Instant now) {
        double perNano = 1.0 / refill.toNanos();
        double tokens = capacity;
        Instant last = null;
        for (Instant t : events) {
            if (last != null) {
                tokens = Math.min(capacity, tokens + Math.max(0, Duration.between(last, t).toNanos()) * perNano);
            }
            tokens -= 1;
            last = t;
        }
        if (last != null) {
            tokens = Math.min(capacity, tokens + Math.max(0, Duration.between(last, now).toNanos()) * perNano);
        }
        return tokens;
    }

    /** How long until a bucket holding {@code tokens} has a whole one again; zero when it has. */
    public Duration untilOne(double tokens) {
        return tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - tokens) * refill.toNanos()));
    }
}
