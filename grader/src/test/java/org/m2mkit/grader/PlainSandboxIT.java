package org.m2mkit.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.grader.gateway.GatewayLab;
import org.m2mkit.grader.sandbox.SandboxPolicy;

/** The weaker mode without bubblewrap still grades, with its limits, and says which mode it is in. */
class PlainSandboxIT {
    @TempDir
    Path work;

    @Test
    void gradesWithResourceLimitsOnly() {
        try (Grader grader = Grader.start(GraderConfig.defaults().withWorkDir(work).withPoolSize(1)
                .withSandbox(SandboxPolicy.PLAIN))) {
            assertThat(grader.health().sandbox()).isEqualTo("plain");
            assertThat(grader.health().sandboxDetail()).contains("NO network or file-system isolation");

            GradeResult reference = grader.grade(GatewayLab.LAB, Fixtures.referenceGateway());
            assertThat(reference.score()).isEqualTo(100.0);
            assertThat(reference.output()).contains("resource limits only");

            GradeResult loop = grader.grade(GatewayLab.LAB, Submission.fromPath(Fixtures.fixtures().resolve("hostile/InfiniteLoop.java")));
            assertThat(loop.score()).isEqualTo(96.0);
            assertThat(loop.tests()).anySatisfy(t -> assertThat(t.message()).contains("ran longer than the time limit"));
        }
    }
}
