package org.m2mkit.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.grader.protocol.ProtocolLab;

/** The service API the web app uses: progress, bounded queue, health, shutdown. */
class GraderServiceIT {
    @TempDir
    Path work;

    @Test
    void reportsProgressInOrderAndHealth() throws Exception {
        try (Grader grader = Grader.start(GraderConfig.defaults().withWorkDir(work).withPoolSize(1))) {
            List<Progress> seen = new CopyOnWriteArrayList<>();
            GradeResult r = grader.submit(ProtocolLab.LAB, Fixtures.referenceAdvisor(), true, seen::add).get(60, TimeUnit.SECONDS);
            assertThat(r.score()).isPositive();
            assertThat(seen).containsExactly(Progress.QUEUED, Progress.COMPILING, Progress.TESTING, Progress.DONE);

            GraderHealth h = grader.health();
            assertThat(h.ok()).isTrue();
            assertThat(h.sandbox()).isIn("bwrap", "plain");
            assertThat(h.poolSize()).isEqualTo(1);
        }
    }

    @Test
    void aFullQueueRefusesNewSubmissions() throws Exception {
        GraderConfig config = GraderConfig.defaults().withWorkDir(work).withPoolSize(0).withQueueCapacity(1);
        try (Grader grader = Grader.start(config)) {
            Submission s = Fixtures.referenceAdvisor();
            CompletableFuture<GradeResult> running = grader.submit(ProtocolLab.LAB, s, true, p -> { });
            CompletableFuture<GradeResult> waiting = grader.submit(ProtocolLab.LAB, s, true, p -> { });
            assertThatThrownBy(() -> {
                for (int i = 0; i < 3; i++) {
                    grader.submit(ProtocolLab.LAB, s, true, p -> { });
                }
            }).isInstanceOf(GraderBusyException.class).hasMessageContaining("queue is full");
            assertThat(running.get(60, TimeUnit.SECONDS).gradable()).isTrue();
            assertThat(waiting.get(60, TimeUnit.SECONDS).gradable()).isTrue();
        }
        assertThat(Processes.strays(commandLine -> commandLine.contains("ChildMain")))
                .as("grading children left after the grader closed").isEmpty();
    }
}
