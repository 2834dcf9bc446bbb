package org.m2mkit.labs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m2mkit.labs.run.CycleAssertions.assertCausalCycle;
import static org.m2mkit.labs.run.CycleAssertions.eventually;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UplinkCutIT {

    @Test
    void gatewayKeepsAlertsAndReportsWhileTheUplinkIsCutAndDeliversThemInOrderAfter() throws Exception {
        LabRunConfig config = LabRunConfig.builder().mode(Mode.FAST).meters(20).reportPeriodMs(100).build();
        try (LabRun run = LabRun.start(config)) {
            assertThat(eventually(Duration.ofSeconds(10), () -> run.cloudReports().size() >= 3)).isTrue();
            run.cutUplink();
            long reportsAtCut = run.gatewayReports();
            CompletableFuture<Cycle> cycle = run.injectSpike("meter-07");
            assertThat(eventually(Duration.ofSeconds(10), () -> run.gatewayReports() >= reportsAtCut + 5)).isTrue();
            assertThat(eventually(Duration.ofSeconds(10), () -> CycleAssertions.reached(run, 1, Milestone.ALERT))).isTrue();
            assertThat(run.gatewayQueued()).as("held while the uplink is cut").isGreaterThanOrEqualTo(5);
            assertThat(cycle).isNotDone();
            assertThat(run.cloudAlerts()).isZero();

            run.restoreUplink();
            assertCausalCycle(cycle.get(20, TimeUnit.SECONDS));
            CycleAssertions.assertReportsOnceInOrder(run);
            assertThat(run.cloudAlerts()).isEqualTo(run.gatewayAlerts()).isEqualTo(1);
            assertThat(run.timeline().events()).anyMatch(e -> e.detail().startsWith("uplink down"))
                    .anyMatch(e -> e.detail().startsWith("uplink up: sending"));
        }
    }
}
