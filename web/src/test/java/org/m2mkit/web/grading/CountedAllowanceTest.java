package org.m2mkit.web.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.m2mkit.grader.SubmissionRateLimiter;

/** The submission limit counted from the database, as the shared queue's kits apply it. */
class CountedAllowanceTest {

    static final SubmissionRateLimiter LIMITS = SubmissionRateLimiter.defaults(); // 5, then one every 2 minutes
    static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aPersonWithNoSubmissionsHasTheWholeBurst() {
        assertThat(CountedAllowance.at(LIMITS, List.of(), T0, false))
                .isEqualTo(new SubmissionRateLimiter.Decision(true, 5, Duration.ZERO));
        assertThat(CountedAllowance.at(LIMITS, List.of(), T0, true).remaining()).isEqualTo(4);
    }

    @Test
    void theBurstUsedUpWaitsForTheRefillAndOneComesBackAfterIt() {
        List<Instant> five = Collections.nCopies(5, T0);
        SubmissionRateLimiter.Decision refused = CountedAllowance.at(LIMITS, five, T0.plusSeconds(30), true);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(90));
        SubmissionRateLimiter.Decision later = CountedAllowance.at(LIMITS, five, T0.plusSeconds(120), true);
        assertThat(later.allowed()).isTrue();
        assertThat(later.remaining()).isZero();
    }

    @Test
    void submissionsSpreadOutNeverRunOutAndALongPauseFillsTheBucket() {
        List<Instant> everyTwoMinutes = List.of(T0, T0.plusSeconds(120), T0.plusSeconds(240), T0.plusSeconds(360),
                T0.plusSeconds(480), T0.plusSeconds(600), T0.plusSeconds(720));
        assertThat(CountedAllowance.at(LIMITS, everyTwoMinutes, T0.plusSeconds(721), false).remaining()).isEqualTo(4);
        assertThat(CountedAllowance.at(LIMITS, everyTwoMinutes, T0.plusSeconds(7200), false).remaining()).isEqualTo(5);
    }
}
