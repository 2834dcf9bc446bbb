package org.m2mkit.grader.gateway;

import java.util.List;
import java.util.stream.Collectors;
import org.m2mkit.labs.api.Alert;
import org.m2mkit.labs.api.AreaReport;
import org.m2mkit.labs.api.GatewayConfig;
import org.m2mkit.labs.api.HvacCommand;
import org.m2mkit.labs.api.HvacUnit;

/**
 * Writes the gateway lab's visible test cases as a JUnit 5 class for the starter kit, with the expected values
 * the reference gateway gives, so that students run exactly the visible tests the grader runs.
 */
public final class VisibleTestsSource {
    private VisibleTestsSource() {
    }

    public static String junit(String packageName, String className, String studentClass) {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(packageName).append(";\n\n");
        s.append("import static org.junit.jupiter.api.Assertions.assertEquals;\n\n");
        s.append("import java.util.LinkedHashSet;\nimport java.util.List;\nimport java.util.Set;\n");
        s.append("import org.junit.jupiter.api.DisplayName;\nimport org.junit.jupiter.api.Test;\n");
        s.append("import org.m2mkit.labs.api.*;\n\n");
        s.append("/** The gateway lab's visible tests, as the grader runs them (the hidden tests check the same rules on other cases). */\n");
        s.append("class ").append(className).append(" {\n");
        s.append("    private static final double TOLERANCE = 1e-9;\n\n");
        s.append("    private static GatewayConfig config() {\n");
        GatewayConfig c = GatewayCases.STANDARD;
        s.append("        Set<String> meters = new LinkedHashSet<>(List.of(")
                .append(c.meterIds().stream().map(Java::str).collect(Collectors.joining(", "))).append("));\n");
        s.append("        List<HvacUnit> units = List.of(")
                .append(c.hvacUnits().stream().map(VisibleTestsSource::unit).collect(Collectors.joining(", "))).append(");\n");
        s.append("        return new GatewayConfig(").append(Java.str(c.areaId())).append(", java.util.Collections.unmodifiableSet(meters), units, ")
                .append(Java.dbl(c.spikeThresholdKw())).append(", ").append(c.alertCooldownMs()).append("L, ")
                .append(c.silentAfterMs()).append("L);\n    }\n");
        for (GatewayCase gc : GatewayCases.all()) {
            if (gc.visible()) {
                s.append('\n').append(method(gc, studentClass));
            }
        }
        s.append("}\n");
        return s.toString();
    }

    private static String unit(HvacUnit u) {
        return "new HvacUnit(" + Java.str(u.deviceId()) + ", " + Java.dbl(u.shedKwPerDegreeC()) + ")";
    }

    @SuppressWarnings("unchecked")
    private static String method(GatewayCase gc, String studentClass) {
        List<Object> expected = GatewaySuite.expected(gc);
        StringBuilder m = new StringBuilder();
        m.append("    @Test\n    @DisplayName(").append(Java.str(gc.number() + " " + gc.rule().label() + ": " + gc.name()
                + " (" + points(gc.points()) + ")")).append(")\n");
        m.append("    void test").append(gc.number().replace('.', '_')).append("() {\n");
        m.append("        Gateway gateway = new ").append(studentClass).append("(config());\n");
        for (int i = 0; i < gc.steps().size(); i++) {
            Step step = gc.steps().get(i);
            String call = "gateway." + step.call();
            if (!step.checked()) {
                m.append("        ").append(call).append(";\n");
            } else if (step instanceof Step.Reading) {
                m.append("        assertEquals(").append(Java.alerts((List<Alert>) expected.get(i))).append(", ").append(call).append(");\n");
            } else if (step instanceof Step.Demand) {
                m.append("        assertEquals(").append(Java.commands((List<HvacCommand>) expected.get(i))).append(", ").append(call).append(");\n");
            } else {
                Step.Report r = (Step.Report) step;
                AreaReport e = (AreaReport) expected.get(i);
                String v = "report" + (i + 1);
                m.append("        AreaReport ").append(v).append(" = ").append(call).append(";\n");
                for (Step.ReportField f : r.fields()) {
                    switch (f) {
                        case PERIOD -> {
                            m.append(eq(Java.str(e.areaId()), v + ".areaId()"));
                            m.append(eq(e.periodStartMs() + "L", v + ".periodStartMs()"));
                            m.append(eq(e.periodEndMs() + "L", v + ".periodEndMs()"));
                        }
                        case COUNTS -> {
                            m.append(eq(Integer.toString(e.metersReporting()), v + ".metersReporting()"));
                            m.append(eq(Integer.toString(e.metersSilent()), v + ".metersSilent()"));
                        }
                        case TOTAL -> m.append(eqD(Java.dbl(e.totalKw()), v + ".totalKw()"));
                        case PEAK -> {
                            m.append(eqD(Java.dbl(e.peakKw()), v + ".peakKw()"));
                            m.append(eq(Java.str(e.peakMeterId()), v + ".peakMeterId()"));
                        }
                        case ALERTS_COUNT -> m.append(eq(Integer.toString(e.alerts()), v + ".alerts()"));
                        case REJECTED -> m.append(eq(Integer.toString(e.rejected()), v + ".rejected()"));
                    }
                }
            }
        }
        m.append("    }\n");
        return m.toString();
    }

    private static String eq(String expected, String actual) {
        return "        assertEquals(" + expected + ", " + actual + ", \"" + actual + "\");\n";
    }

    private static String eqD(String expected, String actual) {
        return "        assertEquals(" + expected + ", " + actual + ", TOLERANCE, \"" + actual + "\");\n";
    }

    private static String points(double p) {
        return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + " points";
    }
}
