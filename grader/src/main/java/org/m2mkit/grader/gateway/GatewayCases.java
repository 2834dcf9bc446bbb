package org.m2mkit.grader.gateway;

import static org.m2mkit.grader.gateway.GatewayRule.ALERTS;
import static org.m2mkit.grader.gateway.GatewayRule.DEMAND_RESPONSE;
import static org.m2mkit.grader.gateway.GatewayRule.REPORT;
import static org.m2mkit.grader.gateway.GatewayRule.VALIDATION;
import static org.m2mkit.grader.gateway.Step.ReportField.ALERTS_COUNT;
import static org.m2mkit.grader.gateway.Step.ReportField.COUNTS;
import static org.m2mkit.grader.gateway.Step.ReportField.PEAK;
import static org.m2mkit.grader.gateway.Step.ReportField.PERIOD;
import static org.m2mkit.grader.gateway.Step.ReportField.REJECTED;
import static org.m2mkit.grader.gateway.Step.ReportField.TOTAL;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.m2mkit.labs.api.GatewayConfig;
import org.m2mkit.labs.api.HvacUnit;
import org.m2mkit.labs.api.MeterReading;

/**
 * The gateway lab's test cases, visible and hidden, one rule each (specs/gateway-lab.md). A case checks only
 * the answers its rule decides, so a solution that breaks one rule loses that rule's points and no others.
 * The scale test (rule 5) is separate: see {@link GatewaySuite}.
 */
public final class GatewayCases {
    public static final String AREA = "area-7";
    /** Meters of the standard configuration; "m10" sorts before "m9". */
    public static final GatewayConfig STANDARD = config(List.of(
            new HvacUnit("hvac-a", 3.0), new HvacUnit("hvac-b", 5.0),
            new HvacUnit("hvac-c", 3.0), new HvacUnit("hvac-d", 1.5)));

    private GatewayCases() {
    }

    private static GatewayConfig config(List<HvacUnit> units) {
        Set<String> meters = new LinkedHashSet<>(List.of("m1", "m2", "m3", "m9", "m10"));
        return new GatewayConfig(AREA, java.util.Collections.unmodifiableSet(meters), units, 15.0, 60_000, 300_000);
    }

    private static GatewayCase.Builder visible(String number, String name, GatewayRule rule, double points) {
        return new GatewayCase.Builder(number, name, rule, points, true, STANDARD);
    }

    private static GatewayCase.Builder hidden(String number, String name, GatewayRule rule, double points) {
        return new GatewayCase.Builder(number, name, rule, points, false, STANDARD);
    }

    public static List<GatewayCase> all() {
        List<GatewayCase> c = new ArrayList<>();
        // rule 1: validation (20 points, 8 visible)
        c.add(visible("1.1", "a reading from a meter that is not configured is rejected", VALIDATION, 2)
                .read("m1", 1_000, 3.0).check("zz", 2_000, 20.0).check("M1", 2_500, 20.0).report(10_000, REJECTED).build());
        c.add(visible("1.2", "a reading from another area is rejected", VALIDATION, 2)
                .check(new MeterReading("m1", "area-8", 1_000, 20.0)).read("m2", 2_000, 4.0).report(10_000, REJECTED).build());
        c.add(visible("1.3", "negative, NaN and infinite kW are rejected; zero is accepted", VALIDATION, 2)
                .check("m1", 1_000, -1.0).check("m1", 2_000, Double.NaN).check("m2", 3_000, Double.POSITIVE_INFINITY)
                .read("m3", 4_000, 0.0).report(10_000, REJECTED).build());
        c.add(visible("1.4", "duplicate and out-of-order readings are rejected", VALIDATION, 2)
                .read("m1", 5_000, 2.0).check("m1", 5_000, 20.0).check("m1", 4_000, 20.0).read("m1", 6_000, 2.5)
                .report(10_000, REJECTED).build());
        c.add(hidden("1.5", "a null reading and null fields are rejected without throwing", VALIDATION, 3)
                .check(null).check(new MeterReading(null, AREA, 1_000, 20.0))
                .check(new MeterReading("m1", null, 1_000, 20.0)).read("m2", 1_000, 1.0)
                .report(10_000, REJECTED).build());
        c.add(hidden("1.6", "a meter's first reading is accepted whatever its timestamp", VALIDATION, 3)
                .read("m1", -5_000, 1.0).read("m1", -4_000, 2.0).read("m2", 0, 3.0).read("m3", Long.MAX_VALUE - 1, 1.0)
                .report(10_000, REJECTED).build());
        c.add(hidden("1.7", "a rejected reading leaves the meter's latest value unchanged", VALIDATION, 3)
                .read("m1", 1_000, 4.0).read("m1", 500, 9.0).read("m2", 1_000, 1.0).read("m2", 1_000, 7.0)
                .report(2_000, REJECTED, TOTAL).build());
        c.add(hidden("1.8", "a long mixed stream of valid and invalid readings", VALIDATION, 3)
                .read("m1", 1_000, 1.0).check("m4", 1_100, 30.0).read("m2", 1_200, 2.0)
                .check(new MeterReading("m3", "area-70", 1_300, 40.0)).read("m3", 1_400, 3.0)
                .check("m2", 1_200, 50.0).check("m1", 900, 50.0).check("m9", 1_500, -0.5).read("m9", 1_600, 0.5)
                .read("m10", 1_700, 1.5).check("m10", 1_650, 60.0).check("", 1_800, 60.0).read("m1", 2_000, 1.0)
                .report(3_000, REJECTED).build());

        // rule 2: spike alerts (20 points, 8 visible)
        c.add(visible("2.1", "a reading exactly at the threshold raises an alert", ALERTS, 2)
                .check("m1", 1_000, 15.0).build());
        c.add(visible("2.2", "readings below the threshold raise no alert", ALERTS, 2)
                .check("m1", 1_000, 14.99).check("m2", 1_000, 3.0).check("m1", 2_000, 0.0).build());
        c.add(visible("2.3", "a second spike within the cooldown raises no alert", ALERTS, 2)
                .check("m1", 1_000, 20.0).check("m1", 31_000, 21.0).build());
        c.add(visible("2.4", "a spike exactly one cooldown after the last alert alerts again", ALERTS, 2)
                .check("m1", 1_000, 20.0).check("m1", 61_000, 20.0).build());
        c.add(hidden("2.5", "each meter has its own cooldown", ALERTS, 3)
                .check("m1", 1_000, 20.0).check("m2", 2_000, 20.0).check("m1", 3_000, 20.0).check("m2", 62_000, 16.0)
                .check("m1", 59_000, 30.0).build());
        c.add(hidden("2.6", "cooldowns carry across reports", ALERTS, 3)
                .check("m1", 1_000, 20.0).report(2_000).check("m1", 30_000, 20.0).report(40_000)
                .check("m1", 61_000, 20.0).build());
        c.add(hidden("2.7", "a suppressed spike does not restart the cooldown", ALERTS, 3)
                .check("m1", 0, 20.0).check("m1", 50_000, 20.0).check("m1", 60_000, 20.0).check("m1", 100_000, 20.0)
                .check("m1", 120_000, 20.0).build());
        c.add(hidden("2.8", "spikes and normal readings from several meters", ALERTS, 3)
                .check("m1", 1_000, 3.0).check("m2", 1_000, 16.5).check("m3", 1_000, 14.0).check("m9", 1_000, 99.0)
                .check("m10", 2_000, 15.01).check("m3", 3_000, 15.5).check("m2", 4_000, 2.0).check("m2", 70_000, 17.0)
                .build());

        // rule 3: area report (30 points, 12 visible)
        c.add(visible("3.1", "the first report covers the time since construction", REPORT, 3)
                .read("m1", 1_000, 2.0).read("m2", 2_000, 3.0).report(5_000, PERIOD, COUNTS).build());
        c.add(visible("3.2", "meters not heard from recently, or never, are silent", REPORT, 3)
                .read("m1", 1_000, 2.0).read("m2", 200_000, 3.0).report(400_000, COUNTS).build());
        c.add(visible("3.3", "total and peak use the latest reading of each fresh meter", REPORT, 3)
                .read("m1", 1_000, 2.5).read("m2", 1_000, 7.25).read("m3", 2_000, 1.0).read("m1", 3_000, 4.0)
                .report(10_000, TOTAL, PEAK).build());
        c.add(visible("3.4", "the next report starts where the last ended, with fresh counters", REPORT, 3)
                .read("m1", 1_000, 20.0).read("zz", 1_500, 1.0).report(2_000, PERIOD, ALERTS_COUNT, REJECTED, COUNTS)
                .read("m2", 3_000, 1.0).report(4_000, PERIOD, ALERTS_COUNT, REJECTED, COUNTS).build());
        c.add(hidden("3.5", "a tie for the peak goes to the smallest meter id", REPORT, 3)
                .read("m9", 1_000, 5.0).read("m10", 1_000, 5.0).read("m1", 1_000, 2.0).report(2_000, PEAK).build());
        c.add(hidden("3.6", "with no fresh meter, the load is 0.0 with no peak meter", REPORT, 3)
                .report(1_000, TOTAL, PEAK, COUNTS).read("m1", 2_000, 3.0).report(400_000, TOTAL, PEAK, COUNTS).build());
        c.add(hidden("3.7", "a reading exactly silentAfterMs old is silent", REPORT, 3)
                .read("m1", 100_000, 2.0).read("m2", 100_001, 3.0).report(400_000, COUNTS, TOTAL, PEAK).build());
        c.add(hidden("3.8", "alerts are counted per period", REPORT, 3)
                .read("m1", 1_000, 20.0).read("m2", 1_000, 30.0).report(2_000, ALERTS_COUNT)
                .read("m3", 3_000, 16.0).report(4_000, ALERTS_COUNT).report(5_000, ALERTS_COUNT).build());
        c.add(hidden("3.9", "latest readings are kept from one report to the next", REPORT, 3)
                .read("m1", 1_000, 2.0).read("m2", 1_000, 3.0).report(2_000).read("m1", 3_000, 5.0)
                .report(4_000, TOTAL, COUNTS, PERIOD).build());
        c.add(hidden("3.10", "a meter reporting several times counts once", REPORT, 3)
                .read("m1", 1_000, 1.0).read("m1", 2_000, 2.0).read("m1", 3_000, 3.0).read("m2", 3_000, 1.0)
                .report(4_000, COUNTS, TOTAL).build());

        // rule 4: demand response (20 points, 10 visible)
        c.add(visible("4.1", "units are taken by shedding power until the reduction is reached", DEMAND_RESPONSE, 4)
                .demand("ev-1", AREA, 12.0, 2.0, 900_000).build());
        c.add(visible("4.2", "a duplicate event is ignored", DEMAND_RESPONSE, 3)
                .demand("ev-2", AREA, 5.0, 1.0, 600_000).demand("ev-2", AREA, 5.0, 1.0, 600_000).build());
        c.add(visible("4.3", "an event for another area is ignored", DEMAND_RESPONSE, 3)
                .demand("ev-3", "area-8", 5.0, 2.0, 600_000).build());
        c.add(hidden("4.4", "a reduction of 0 or less selects every unit", DEMAND_RESPONSE, 2)
                .demand("ev-4", AREA, 0.0, 2.0, 600_000).demand("ev-5", AREA, -5.0, 1.0, 600_000).build());
        c.add(hidden("4.5", "units with equal shedding power go by device id", DEMAND_RESPONSE, 2)
                .demand("ev-6", AREA, 14.0, 2.0, 600_000).build());
        c.add(hidden("4.6", "when the reduction is never reached, every unit is selected", DEMAND_RESPONSE, 2)
                .demand("ev-7", AREA, 1_000.0, 2.0, 600_000).build());
        c.add(hidden("4.7", "a command with a bad field is ignored and does not use up its event id", DEMAND_RESPONSE, 2)
                .demand("ev-8", AREA, 5.0, Double.NaN, 600_000).demand("ev-8", AREA, 5.0, 0.0, 600_000)
                .demand("ev-8", AREA, 5.0, 2.0, 0).demand(null, AREA, 5.0, 2.0, 600_000).demand(null)
                .demand("ev-8", AREA, 5.0, 2.0, 600_000).build());
        c.add(hidden("4.8", "the unit whose share exactly reaches the reduction is the last one", DEMAND_RESPONSE, 2)
                .demand("ev-9", AREA, 16.0, 2.0, 600_000).build());
        return List.copyOf(c);
    }
}
