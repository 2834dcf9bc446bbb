package org.m2mkit.labs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m2mkit.labs.run.CycleAssertions.assertCausalCycle;
import static org.m2mkit.labs.run.CycleAssertions.awaitCycle;
import static org.m2mkit.labs.run.CycleAssertions.eventually;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BrokerRestartIT {

    @Test
    void brokerRestartMidRunLosesNoAlertReportOrCommand() throws Exception {
        LabRunConfig config = LabRunConfig.builder().mode(Mode.FAST).meters(20).reportPeriodMs(100).build();
        try (LabRun run = LabRun.start(config)) {
            assertThat(eventually(() -> run.cloudReports().size() >= 3)).isTrue();
            // hold the alert at the gateway so that it is surely in the middle of the restart
            run.cutUplink();
            CompletableFuture<Cycle> cycle = run.injectSpike("meter-07");
            assertThat(eventually(() -> CycleAssertions.reached(run, 1, Milestone.ALERT))).isTrue();

            run.restartBroker(Duration.ofMillis(1500));
            run.restoreUplink();

            assertCausalCycle(awaitCycle(cycle));
            CycleAssertions.assertReportsOnceInOrder(run);
            assertThat(run.cloudAlerts()).isEqualTo(run.gatewayAlerts()).isEqualTo(1);
            assertThat(run.hvacEventsApplied().values()).allMatch(n -> n <= 1).contains(1);
            assertThat(run.timeline().events()).anyMatch(e -> e.detail().startsWith("broker started again"));
        }
    }
}
