package org.m2mkit.labs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m2mkit.labs.run.CycleAssertions.assertCausalCycle;
import static org.m2mkit.labs.run.CycleAssertions.awaitCycle;
import static org.m2mkit.labs.run.CycleAssertions.eventually;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.m2mkit.labs.api.Alert;
import org.m2mkit.labs.api.AreaReport;
import org.m2mkit.labs.api.DemandResponse;
import org.m2mkit.labs.api.Gateway;
import org.m2mkit.labs.api.HvacCommand;
import org.m2mkit.labs.api.MeterReading;
import org.m2mkit.labs.gateway.ReferenceGateway;

class FaultyGatewayIT {

    /** A student's gateway with a bug: it throws on every reading of meter-13. */
    static final class ThrowsOnMeter13 implements Gateway {
        private final Gateway inner;

        ThrowsOnMeter13(org.m2mkit.labs.api.GatewayConfig config) {
            inner = new ReferenceGateway(config);
        }

        @Override
        public List<Alert> onReading(MeterReading reading) {
            if (reading != null && "meter-13".equals(reading.meterId())) {
                throw new IllegalStateException("meter-13 is not handled");
            }
            return inner.onReading(reading);
        }

        @Override
        public AreaReport report(long nowMs) {
            return inner.report(nowMs);
        }

        @Override
        public List<HvacCommand> onDemandResponse(DemandResponse command) {
            return inner.onDemandResponse(command);
        }
    }

    @Test
    void aThrowingGatewayIsReportedAndTheRunGoesOn() throws Exception {
        LabRunConfig config = LabRunConfig.builder().mode(Mode.FAST).meters(20)
                .gateway("ThrowsOnMeter13", ThrowsOnMeter13::new).build();
        try (LabRun run = LabRun.start(config)) {
            assertThat(eventually(() -> run.timeline().events().stream().anyMatch(e ->
                    e.kind() == TimelineEvent.Kind.ERROR
                            && e.detail().equals("ThrowsOnMeter13 threw java.lang.IllegalStateException: "
                            + "meter-13 is not handled in onReading(meter-13)")))).isTrue();
            assertCausalCycle(awaitCycle(run.injectSpike("meter-07")));
        }
    }

    @Test
    void aGatewayWhoseConstructorThrowsStopsTheStartWithOneLine() {
        LabRunConfig config = LabRunConfig.builder().mode(Mode.FAST).meters(2)
                .gateway("Broken", c -> { throw new IllegalArgumentException("no HVAC list"); }).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LabRun.start(config))
                .isInstanceOf(org.m2mkit.labs.UserError.class)
                .hasMessage("the gateway (Broken) could not be created: java.lang.IllegalArgumentException: no HVAC list");
    }
}
