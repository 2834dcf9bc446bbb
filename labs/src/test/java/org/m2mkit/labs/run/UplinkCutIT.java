package org.m2mkit.labs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m2mkit.labs.run.CycleAssertions.assertCausalCycle;
import static org.m2mkit.labs.run.CycleAssertions.awaitCycle;
import static org.m2mkit.labs.run.CycleAssertions.eventually;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class UplinkCutIT {

    @Test
    void gatewayKeepsAlertsAndReportsWhileTheUplinkIsCutAndDeliversThemInOrderAfter() throws Exception {
        LabRunConfig config = LabRunConfig.builder().mode(Mode.FAST).meters(20).reportPeriodMs(100).build();
        try (LabRun run = LabRun.start(config)) {
            assertThat(eventually(() -> run.cloudReports().size() >= 3)).isTrue();
            run.cutUplink();
            long reportsAtCut = run.gatewayReports();
            CompletableFuture<Cycle> cycle = run.injectSpike("meter-07");
            assertThat(eventually(() -> run.gatewayReports() >= reportsAtCut + 5)).isTrue();
            assertThat(eventually(() -> CycleAssertions.reached(run, 1, Milestone.ALERT))).isTrue();
            assertThat(run.gatewayQueued()).as("held while the uplink is cut").isGreaterThanOrEqualTo(5);
            assertThat(cycle).isNotDone();
            assertThat(run.cloudAlerts()).isZero();

            run.restoreUplink();
            assertCausalCycle(awaitCycle(cycle));
            CycleAssertions.assertReportsOnceInOrder(run);
            assertThat(run.cloudAlerts()).isEqualTo(run.gatewayAlerts()).isEqualTo(1);
            assertThat(run.timeline().events()).anyMatch(e -> e.detail().startsWith("uplink down"))
                    .anyMatch(e -> e.detail().startsWith("uplink up: sending"));
        }
    }
}
