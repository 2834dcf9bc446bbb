package org.m2mkit.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.grader.gateway.GatewayLab;
import org.m2mkit.grader.sandbox.SandboxSession;

/**
 * A submission that hangs costs a few case time limits, not one per case: after three cases ran past their
 * limit, the others are reported as not run, naming the time-outs. (How long that takes in seconds is measured
 * in docs/performance.md, not asserted here.)
 */
class HangingSubmissionIT {

    @Test
    void aConstructorThatNeverReturnsFailsEveryTestAfterThreeTimeOuts(@TempDir Path work) {
        try (Grader grader = Grader.start(GraderConfig.defaults().withWorkDir(work).withPoolSize(1))) {
            GradeResult r = grader.grade(GatewayLab.LAB,
                    Submission.fromPath(Fixtures.fixtures().resolve("gateway/hanging/ConstructorSleepsForever.java")));
            assertThat(r.gradable()).isTrue();
            assertThat(r.score()).isZero();
            List<TestResult> tests = r.tests();
            assertThat(tests).hasSize(35).noneMatch(TestResult::passed);
            long timedOut = tests.stream().filter(t -> t.message().contains("ran longer than the time limit")).count();
            long notRun = tests.stream().filter(t -> t.message().startsWith("not run: the code ran past the time "
                    + "limit on " + SandboxSession.TIMEOUTS_BEFORE_GIVING_UP + " earlier tests")).count();
            assertThat(timedOut).isEqualTo(SandboxSession.TIMEOUTS_BEFORE_GIVING_UP);
            assertThat(notRun).isEqualTo(tests.size() - SandboxSession.TIMEOUTS_BEFORE_GIVING_UP);
        }
    }
}
