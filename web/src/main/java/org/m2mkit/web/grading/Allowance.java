package org.m2mkit.web.grading;

import java.time.Duration;

/**
 * What the rate limit allows a person now.
 *
 * @param allowed           whether a submission would be accepted now
 * @param remaining         submissions left in the current burst
 * @param retryAfterSeconds seconds until the next is allowed, when none is
 */
public record Allowance(boolean allowed, long remaining, long retryAfterSeconds) {

    static Allowance of(boolean allowed, long remaining, Duration retryAfter) {
        return new Allowance(allowed, remaining, allowed ? 0 : (retryAfter.toMillis() + 999) / 1000);
    }

    /** The wait in words: "1 min 40 s", "12 s". */
    public String waitText() {
        return words(Duration.ofSeconds(retryAfterSeconds));
    }

    static String words(Duration d) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        return s >= 60 ? s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s") : s + " s";
    }
}
