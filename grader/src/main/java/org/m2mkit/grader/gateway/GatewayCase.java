package org.m2mkit.grader.gateway;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.m2mkit.labs.api.DemandResponse;
import org.m2mkit.labs.api.GatewayConfig;
import org.m2mkit.labs.api.MeterReading;

/**
 * One test of the gateway lab: a gateway built from {@code config}, a sequence of calls, and which answers are
 * checked. The expected answers are not stored: the grader computes them with the reference gateway.
 */
public record GatewayCase(String number, String name, GatewayRule rule, double points, boolean visible,
                          GatewayConfig config, List<Step> steps) {

    /** Builds a case step by step; readings without an area get the configuration's area. */
    static final class Builder {
        private final String number;
        private final String name;
        private final GatewayRule rule;
        private final double points;
        private final boolean visible;
        private final GatewayConfig config;
        private final List<Step> steps = new ArrayList<>();

        Builder(String number, String name, GatewayRule rule, double points, boolean visible, GatewayConfig config) {
            this.number = number;
            this.name = name;
            this.rule = rule;
            this.points = points;
            this.visible = visible;
            this.config = config;
        }

        /** A reading whose alerts are not checked. */
        Builder read(String meter, long ts, double kw) {
            steps.add(new Step.Reading(new MeterReading(meter, config.areaId(), ts, kw), false));
            return this;
        }

        /** A reading whose returned alerts are checked. */
        Builder check(String meter, long ts, double kw) {
            steps.add(new Step.Reading(new MeterReading(meter, config.areaId(), ts, kw), true));
            return this;
        }

        Builder check(MeterReading reading) {
            steps.add(new Step.Reading(reading, true));
            return this;
        }

        Builder report(long now, Step.ReportField... fields) {
            EnumSet<Step.ReportField> set = EnumSet.noneOf(Step.ReportField.class);
            set.addAll(List.of(fields));
            steps.add(new Step.Report(now, set));
            return this;
        }

        Builder demand(String eventId, String area, double reduceKw, double deltaC, long durationMs) {
            return demand(new DemandResponse(eventId, area, reduceKw, deltaC, durationMs));
        }

        Builder demand(DemandResponse command) {
            steps.add(new Step.Demand(command, true));
            return this;
        }

        GatewayCase build() {
            return new GatewayCase(number, name, rule, points, visible, config, List.copyOf(steps));
        }
    }
}
