package org.m2mkit.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.m2mkit.grader.sandbox.Limits;

class GraderConfigTest {
    @Test
    void defaultsAreValid() {
        assertThat(GraderConfig.defaults().validate().poolSize()).isEqualTo(2);
    }

    @Test
    void badValuesNameKeyValueAndRange() {
        assertThatThrownBy(() -> GraderConfig.defaults().withPoolSize(-1).validate())
                .hasMessage("grader.poolSize = -1 is out of range; use 0 to 32");
        assertThatThrownBy(() -> GraderConfig.defaults().withConcurrency(0).validate())
                .hasMessage("grader.concurrency = 0 is out of range; use 1 to 16");
        Limits d = Limits.defaults();
        Limits tiny = new Limits(d.caseTimeout(), d.scaleTimeout(), d.cpuSeconds(), 8, d.metaspaceMb(), d.maxThreads(),
                d.maxRssMb(), d.addressSpaceMb(), d.outputBytes(), d.fileBytes(), Duration.ofSeconds(60),
                d.scratchMb(), d.scratchFiles());
        assertThatThrownBy(() -> GraderConfig.defaults().withLimits(tiny).validate())
                .hasMessage("grader limit heapMb = 8 is too small; use 32 or more");
    }
}
