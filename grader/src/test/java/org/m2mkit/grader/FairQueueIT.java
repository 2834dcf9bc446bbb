package org.m2mkit.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.grader.gateway.GatewayLab;

/** The grader's queue is fair: one waiting submission per student, and each knows its place. */
class FairQueueIT {

    @Test
    void aStudentHasOneSubmissionWaitingAndSeesItsPlace(@TempDir Path work) throws Exception {
        Submission hangs = Submission.fromPath(Fixtures.fixtures().resolve("gateway/hanging/ConstructorSleepsForever.java"));
        Submission good = Submission.fromPath(Fixtures.fixtures().resolve("gateway/mutants/UnitsAscending.java"));
        try (Grader grader = Grader.start(GraderConfig.defaults().withWorkDir(work).withPoolSize(0).withConcurrency(1))) {
            CountDownLatch testing = new CountDownLatch(1);
            CompletableFuture<GradeResult> first = grader.submit("ann", GatewayLab.LAB, hangs, false, p -> {
                if (p == Progress.TESTING) {
                    testing.countDown();
                }
            });
            assertThat(testing.await(60, TimeUnit.SECONDS)).as("the first grading reaches its tests").isTrue();
            // the only grading slot is busy: the next ones wait, one per student
            CompletableFuture<GradeResult> bob = grader.submit("bob", GatewayLab.LAB, good, false, p -> { });
            assertThat(grader.queuePosition("bob")).isEqualTo(1);
            assertThatThrownBy(() -> grader.submit("bob", GatewayLab.LAB, good, false, p -> { }))
                    .isInstanceOf(GraderBusyException.class).hasMessageContaining("place 1 in the queue");
            CompletableFuture<GradeResult> cay = grader.submit("cay", GatewayLab.LAB, good, false, p -> { });
            assertThat(grader.queuePosition("cay")).isEqualTo(2);
            assertThat(grader.queuePosition("ann")).as("running, not waiting").isZero();
            assertThat(first.get(2, TimeUnit.MINUTES).score()).isZero();
            assertThat(bob.get(2, TimeUnit.MINUTES).gradable()).isTrue();
            assertThat(cay.get(2, TimeUnit.MINUTES).gradable()).isTrue();
            assertThat(grader.queuePosition("bob")).isZero();
            // with nothing waiting, bob may submit again
            assertThat(grader.submit("bob", GatewayLab.LAB, good, false, p -> { }).get(2, TimeUnit.MINUTES).gradable()).isTrue();
        }
    }
}
