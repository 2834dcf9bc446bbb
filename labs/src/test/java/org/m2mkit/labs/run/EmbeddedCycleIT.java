package org.m2mkit.labs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m2mkit.labs.run.CycleAssertions.assertCausalCycle;
import static org.m2mkit.labs.run.CycleAssertions.awaitCycle;
import static org.m2mkit.labs.run.CycleAssertions.eventually;

import org.junit.jupiter.api.Test;

class EmbeddedCycleIT {

    @Test
    void fastCycleOverTheEmbeddedBrokerRunsInCausalOrderAndConfirms() throws Exception {
        LabRunConfig config = LabRunConfig.builder().mode(Mode.FAST).build();
        try (LabRun run = LabRun.start(config)) {
            assertThat(eventually(() -> run.gatewayReadings() >= config.meters())).isTrue();
            Cycle cycle = awaitCycle(run.injectSpike("meter-07"));
            assertCausalCycle(cycle);
            assertThat(cycle.meterId()).isEqualTo("meter-07");
            assertThat(CycleAssertions.timelineSteps(run, cycle.number())).containsSubsequence(CycleAssertions.ORDER);
            assertThat(run.timeline().events()).anySatisfy(e -> {
                assertThat(e.topic()).isEqualTo("m2mkit/area-1/meter/meter-07/reading");
                assertThat(e.payload()).startsWith("[{\"bn\":\"urn:m2mkit:area-1:meter-07:\"");
            });
        }
    }
}
