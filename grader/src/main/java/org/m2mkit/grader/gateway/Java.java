package org.m2mkit.grader.gateway;

import java.util.List;
import java.util.stream.Collectors;
import org.m2mkit.labs.api.Alert;
import org.m2mkit.labs.api.AreaReport;
import org.m2mkit.labs.api.DemandResponse;
import org.m2mkit.labs.api.HvacCommand;
import org.m2mkit.labs.api.MeterReading;

/** Writes API values as Java expressions, for feedback and for the starter kit's generated tests. */
final class Java {
    private Java() {
    }

    static String str(String s) {
        return s == null ? "null" : '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String dbl(double d) {
        if (Double.isNaN(d)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        return Double.toString(d);
    }

    static String reading(MeterReading r) {
        return r == null ? "null" : "new MeterReading(" + str(r.meterId()) + ", " + str(r.areaId()) + ", "
                + r.timestampMs() + "L, " + dbl(r.kw()) + ")";
    }

    static String demand(DemandResponse d) {
        return d == null ? "null" : "new DemandResponse(" + str(d.eventId()) + ", " + str(d.areaId()) + ", "
                + dbl(d.reduceKw()) + ", " + dbl(d.setpointDeltaC()) + ", " + d.durationMs() + "L)";
    }

    static String alert(Alert a) {
        return a == null ? "null" : "new Alert(" + str(a.meterId()) + ", " + a.timestampMs() + "L, " + dbl(a.kw()) + ")";
    }

    static String command(HvacCommand c) {
        return c == null ? "null" : "new HvacCommand(" + str(c.deviceId()) + ", " + str(c.eventId()) + ", "
                + dbl(c.setpointDeltaC()) + ", " + c.durationMs() + "L)";
    }

    static String alerts(List<Alert> list) {
        return list == null ? "null" : "List.of(" + list.stream().map(Java::alert).collect(Collectors.joining(", ")) + ")";
    }

    static String commands(List<HvacCommand> list) {
        return list == null ? "null" : "List.of(" + list.stream().map(Java::command).collect(Collectors.joining(", ")) + ")";
    }

    static String report(AreaReport r) {
        return r == null ? "null" : "new AreaReport(" + str(r.areaId()) + ", " + r.periodStartMs() + "L, "
                + r.periodEndMs() + "L, " + r.metersReporting() + ", " + r.metersSilent() + ", " + dbl(r.totalKw())
                + ", " + dbl(r.peakKw()) + ", " + str(r.peakMeterId()) + ", " + r.alerts() + ", " + r.rejected() + ")";
    }
}
