package org.m2mkit.labs.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.m2mkit.labs.api.Alert;
import org.m2mkit.labs.api.AreaReport;
import org.m2mkit.labs.api.DemandResponse;
import org.m2mkit.labs.api.Gateway;
import org.m2mkit.labs.api.GatewayConfig;
import org.m2mkit.labs.api.HvacCommand;
import org.m2mkit.labs.api.HvacUnit;
import org.m2mkit.labs.api.MeterReading;

/**
 * The model solution of the gateway lab: every rule of the assignment contract (specs/gateway-lab.md), with
 * constant work per reading and one pass over the meters per report. The live lab runs it by default and the
 * grader scores it as the reference.
 */
public final class ReferenceGateway implements Gateway {

    /** What the gateway remembers of one configured meter. */
    private static final class Meter {
        final String id;
        boolean heard;
        long latestTs;
        double latestKw;
        boolean alerted;
        long lastAlertTs;
        long reportedInPeriod = -1;

        Meter(String id) {
            this.id = id;
        }
    }

    private final GatewayConfig config;
    private final Map<String, Meter> meters = new HashMap<>();
    private final List<HvacUnit> unitsBySheddingPower;
    private final Set<String> actedEvents = new HashSet<>();

    private long period;
    private long periodStartMs;
    private int reporting;
    private int alerts;
    private int rejected;

    public ReferenceGateway(GatewayConfig config) {
        this.config = config;
        for (String id : config.meterIds()) {
            meters.put(id, new Meter(id));
        }
        List<HvacUnit> units = new ArrayList<>(config.hvacUnits());
        units.sort(Comparator.comparingDouble(HvacUnit::shedKwPerDegreeC).reversed()
                .thenComparing(HvacUnit::deviceId));
        this.unitsBySheddingPower = List.copyOf(units);
    }

    @Override
    public List<Alert> onReading(MeterReading reading) {
        Meter meter = reading == null || reading.meterId() == null ? null : meters.get(reading.meterId());
        if (meter == null || !config.areaId().equals(reading.areaId())
                || !Double.isFinite(reading.kw()) || reading.kw() < 0
                || (meter.heard && reading.timestampMs() <= meter.latestTs)) {
            rejected++;
            return List.of();
        }
        meter.heard = true;
        meter.latestTs = reading.timestampMs();
        meter.latestKw = reading.kw();
        if (meter.reportedInPeriod != period) {
            meter.reportedInPeriod = period;
            reporting++;
        }
        if (reading.kw() >= config.spikeThresholdKw() && cooledDown(meter, reading.timestampMs())) {
            meter.alerted = true;
            meter.lastAlertTs = reading.timestampMs();
            alerts++;
            return List.of(new Alert(meter.id, reading.timestampMs(), reading.kw()));
        }
        return List.of();
    }

    private boolean cooledDown(Meter meter, long timestampMs) {
        if (!meter.alerted) {
            return true;
        }
        long since = timestampMs - meter.lastAlertTs; // positive, unless it overflowed past Long.MAX_VALUE
        return since < 0 || since >= config.alertCooldownMs();
    }

    @Override
    public AreaReport report(long nowMs) {
        long freshAfter = saturatedSubtract(nowMs, config.silentAfterMs());
        int silent = 0;
        double total = 0;
        Meter peak = null;
        for (Meter meter : meters.values()) {
            if (!meter.heard || meter.latestTs <= freshAfter) {
                silent++;
                continue;
            }
            total += meter.latestKw;
            if (peak == null || meter.latestKw > peak.latestKw
                    || (meter.latestKw == peak.latestKw && meter.id.compareTo(peak.id) < 0)) {
                peak = meter;
            }
        }
        AreaReport report = new AreaReport(config.areaId(), periodStartMs, nowMs, reporting, silent, total,
                peak == null ? 0.0 : peak.latestKw, peak == null ? null : peak.id, alerts, rejected);
        period++;
        periodStartMs = nowMs;
        reporting = 0;
        alerts = 0;
        rejected = 0;
        return report;
    }

    private static long saturatedSubtract(long a, long b) {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0 ? Long.MIN_VALUE : r;
    }

    @Override
    public List<HvacCommand> onDemandResponse(DemandResponse command) {
        if (command == null || command.eventId() == null || !config.areaId().equals(command.areaId())
                || !Double.isFinite(command.setpointDeltaC()) || command.setpointDeltaC() <= 0
                || command.durationMs() <= 0 || !actedEvents.add(command.eventId())) {
            return List.of();
        }
        List<HvacCommand> commands = new ArrayList<>();
        double shed = 0;
        for (HvacUnit unit : unitsBySheddingPower) {
            if (command.reduceKw() > 0 && shed >= command.reduceKw()) {
                break;
            }
            commands.add(new HvacCommand(unit.deviceId(), command.eventId(), command.setpointDeltaC(),
                    command.durationMs()));
            shed += unit.shedKwPerDegreeC() * command.setpointDeltaC();
        }
        return commands;
    }
}
