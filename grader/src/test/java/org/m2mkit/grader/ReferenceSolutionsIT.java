package org.m2mkit.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.grader.gateway.GatewayLab;
import org.m2mkit.grader.protocol.ProtocolLab;

/** The kit's reference solutions, graded in real sandbox JVMs, score full marks. */
class ReferenceSolutionsIT {
    @TempDir
    static Path work;
    static Grader grader;

    @BeforeAll
    static void start() {
        grader = Grader.start(GraderConfig.defaults().withWorkDir(work).withPoolSize(1).withLimits(GenerousLimits.junit()));
    }

    @AfterAll
    static void stop() {
        grader.close();
    }

    @Test
    void referenceGatewayScoresFullMarks() {
        GradeResult r = grader.grade(GatewayLab.LAB, Fixtures.referenceGateway());
        assertThat(r.tests()).allSatisfy(t -> assertThat(t.passed()).as(t.name() + ": " + t.message()).isTrue());
        assertThat(r.gradable()).isTrue();
        assertThat(r.score()).isEqualTo(100.0);
        assertThat(r.maxScore()).isEqualTo(100.0);
    }

    @Test
    void referenceAdvisorScoresFullMarks() {
        GradeResult r = grader.grade(ProtocolLab.LAB, Fixtures.referenceAdvisor());
        assertThat(r.tests()).allSatisfy(t -> assertThat(t.passed()).as(t.name() + ": " + t.message()).isTrue());
        assertThat(r.score()).isEqualTo(100.0);
    }
}
