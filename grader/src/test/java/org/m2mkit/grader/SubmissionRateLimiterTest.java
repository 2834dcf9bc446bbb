package org.m2mkit.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SubmissionRateLimiterTest {
    @Test
    void allowsABurstThenAsksToWaitPerStudentAndLab() {
        SubmissionRateLimiter limiter = new SubmissionRateLimiter(2, Duration.ofHours(1));
        assertThat(limiter.tryAcquire("ann", Lab.GATEWAY).allowed()).isTrue();
        assertThat(limiter.tryAcquire("ann", Lab.GATEWAY).allowed()).isTrue();
        SubmissionRateLimiter.Decision third = limiter.tryAcquire("ann", Lab.GATEWAY);
        assertThat(third.allowed()).isFalse();
        assertThat(third.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(limiter.tryAcquire("bob", Lab.GATEWAY).allowed()).isTrue();
        assertThat(limiter.tryAcquire("ann", Lab.PROTOCOL).allowed()).isTrue();
    }

    @Test
    void aRefundedSubmissionCanBeMadeAgain() {
        SubmissionRateLimiter limiter = new SubmissionRateLimiter(1, Duration.ofHours(1));
        assertThat(limiter.tryAcquire("ann", Lab.GATEWAY).allowed()).isTrue();
        limiter.refund("ann", Lab.GATEWAY);
        assertThat(limiter.tryAcquire("ann", Lab.GATEWAY).allowed()).isTrue();
    }

    @Test
    void badSettingsNameTheKey() {
        assertThatThrownBy(() -> new SubmissionRateLimiter(0, Duration.ofMinutes(1))).hasMessageContaining("grader.rateLimit.burst = 0");
        assertThatThrownBy(() -> new SubmissionRateLimiter(1, Duration.ZERO)).hasMessageContaining("grader.rateLimit.refillEvery");
    }
}
