package org.m2mkit.web.jshell;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Per-student token buckets (Bucket4j): one for runs, a roomier one for completions and documentation, so a
 * script cannot keep the engines busy for everyone else. Buckets live in a bounded cache (Caffeine).
 */
final class StudentLimiter {
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterAccess(Duration.ofMinutes(30)).build();
    private final NotebookSettings settings;

    StudentLimiter(NotebookSettings settings) {
        this.settings = settings;
    }

    /** Takes one run from the student's bucket, or refuses with the wait. */
    void run(long accountId) {
        take("r:" + accountId, settings.runBurst(), settings.runsPerMinute(), "runs");
    }

    /** Takes one completion or documentation look-up, or refuses with the wait. */
    void lookup(long accountId) {
        take("l:" + accountId, Math.max(20, settings.lookupsPerMinute() / 6), settings.lookupsPerMinute(),
                "look-ups");
    }

    private void take(String key, int burst, int perMinute, String what) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder().addLimit(Bandwidth.builder().capacity(burst)
                .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long wait = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new ApiError(429, "rate-limited", "Too many " + what + " in a short time (at most " + perMinute
                    + " a minute); try again in " + wait + " s.", wait);
        }
    }
}
