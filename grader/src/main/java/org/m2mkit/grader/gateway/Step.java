package org.m2mkit.grader.gateway;

import java.util.Set;
import org.m2mkit.labs.api.DemandResponse;
import org.m2mkit.labs.api.MeterReading;

/** One call a test case makes on the gateway, and what of its answer the case checks. */
public sealed interface Step {
    /** Whether the case compares this step's answer. */
    boolean checked();

    /** The call as Java, for messages and generated tests. */
    String call();

    record Reading(MeterReading reading, boolean checked) implements Step {
        @Override
        public String call() {
            return "onReading(" + Java.reading(reading) + ")";
        }
    }

    record Report(long nowMs, Set<ReportField> fields) implements Step {
        @Override
        public boolean checked() {
            return !fields.isEmpty();
        }

        @Override
        public String call() {
            return "report(" + nowMs + "L)";
        }
    }

    record Demand(DemandResponse command, boolean checked) implements Step {
        @Override
        public String call() {
            return "onDemandResponse(" + Java.demand(command) + ")";
        }
    }

    /** Groups of report components a case may check. */
    enum ReportField {
        PERIOD("areaId, periodStartMs and periodEndMs"),
        COUNTS("metersReporting and metersSilent"),
        TOTAL("totalKw"),
        PEAK("peakKw and peakMeterId"),
        ALERTS_COUNT("alerts"),
        REJECTED("rejected");

        private final String components;

        ReportField(String components) {
            this.components = components;
        }

        public String components() {
            return components;
        }
    }
}
