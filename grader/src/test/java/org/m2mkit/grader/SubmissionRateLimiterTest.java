package org.m2mkit.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.m2mkit.grader.gateway.GatewayLab;
import org.m2mkit.grader.protocol.ProtocolLab;

class SubmissionRateLimiterTest {
    @Test
    void allowsABurstThenAsksToWaitPerStudentAndLab() {
        SubmissionRateLimiter limiter = new SubmissionRateLimiter(2, Duration.ofHours(1));
        assertThat(limiter.tryAcquire("ann", GatewayLab.LAB).allowed()).isTrue();
        assertThat(limiter.tryAcquire("ann", GatewayLab.LAB).allowed()).isTrue();
        SubmissionRateLimiter.Decision third = limiter.tryAcquire("ann", GatewayLab.LAB);
        assertThat(third.allowed()).isFalse();
        assertThat(third.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(limiter.tryAcquire("bob", GatewayLab.LAB).allowed()).isTrue();
        assertThat(limiter.tryAcquire("ann", ProtocolLab.LAB).allowed()).isTrue();
    }

    @Test
    void aRefundedSubmissionCanBeMadeAgain() {
        SubmissionRateLimiter limiter = new SubmissionRateLimiter(1, Duration.ofHours(1));
        assertThat(limiter.tryAcquire("ann", GatewayLab.LAB).allowed()).isTrue();
        limiter.refund("ann", GatewayLab.LAB);
        assertThat(limiter.tryAcquire("ann", GatewayLab.LAB).allowed()).isTrue();
    }

    @Test
    void badSettingsNameTheKey() {
        assertThatThrownBy(() -> new SubmissionRateLimiter(0, Duration.ofMinutes(1))).hasMessageContaining("grader.rateLimit.burst = 0");
        assertThatThrownBy(() -> new SubmissionRateLimiter(1, Duration.ZERO)).hasMessageContaining("grader.rateLimit.refillEvery");
    }
}
