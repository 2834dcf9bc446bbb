package org.m2mkit.grader.gateway.child;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.m2mkit.labs.api.Alert;
import org.m2mkit.labs.api.AreaReport;
import org.m2mkit.labs.api.DemandResponse;
import org.m2mkit.labs.api.Gateway;
import org.m2mkit.labs.api.GatewayConfig;
import org.m2mkit.labs.api.HvacCommand;
import org.m2mkit.labs.api.MeterReading;

/**
 * The scale test's yardstick: a gateway that does a small, constant amount of work per reading (one map update)
 * and one pass over the meters per report. The grader times it on the 100-meter stream in the same sandbox JVM,
 * just before the submission, so that the submission's own 100-meter run, the base of the scale ratio, cannot be
 * made to look slow on purpose (a constructor that sleeps when it sees 100 meters, say). It is not the reference
 * gateway and does not follow the lab's rules: only its running time is used.
 */
final class ScaleBaseline implements Gateway {
    private final GatewayConfig config;
    private final Map<String, Double> latest = new HashMap<>();

    ScaleBaseline(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public List<Alert> onReading(MeterReading reading) {
        if (config.areaId().equals(reading.areaId()) && config.meterIds().contains(reading.meterId())) {
            latest.put(reading.meterId(), reading.kw());
        }
        return List.of();
    }

    @Override
    public AreaReport report(long nowMs) {
        double total = 0;
        for (double kw : latest.values()) {
            total += kw;
        }
        return new AreaReport(config.areaId(), 0, nowMs, latest.size(), config.meterIds().size() - latest.size(),
                total, 0, null, 0, 0);
    }

    @Override
    public List<HvacCommand> onDemandResponse(DemandResponse command) {
        return List.of();
    }
}
