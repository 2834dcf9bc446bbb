package org.m2mkit.grader.standards;

import java.util.List;
import java.util.Locale;
import org.m2mkit.grader.standards.api.Lwm2mValue;
import org.m2mkit.grader.standards.api.RegisterBlock;
import org.m2mkit.grader.standards.api.SenmlRecord;

/** Writes the standards lab's visible cases as a JUnit 5 class for the starter kit, with the expected values. */
public final class VisibleBridgeTestsSource {
    private VisibleBridgeTestsSource() {
    }

    public static String junit(String packageName, String className, String studentClass) {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(packageName).append(";\n\n");
        s.append("import static org.junit.jupiter.api.Assertions.assertEquals;\n");
        s.append("import static org.junit.jupiter.api.Assertions.assertFalse;\n");
        s.append("import static org.junit.jupiter.api.Assertions.assertNull;\n");
        s.append("import static org.junit.jupiter.api.Assertions.assertThrows;\n\n");
        s.append("import java.util.List;\n");
        s.append("import org.junit.jupiter.api.DisplayName;\nimport org.junit.jupiter.api.Test;\n");
        s.append("import org.m2mkit.grader.standards.api.*;\n\n");
        s.append("/**\n * The standards lab's visible tests, one rule each (R1 to R10 of the lab's spec). The grader runs the same\n"
                + " * cases and hidden ones on other blocks; each rule is worth 10 points.\n */\n");
        s.append("class ").append(className).append(" {\n");
        s.append("    private final MeterBridge bridge = new ").append(studentClass).append("();\n");
        ReferenceBridge reference = new ReferenceBridge();
        for (BridgeCase c : StandardsCases.all()) {
            if (!c.visible()) {
                continue;
            }
            s.append("\n    @Test\n    @DisplayName(").append(str(c.rule().label() + ": " + c.name())).append(")\n");
            s.append("    void case").append(c.number().replace('.', '_')).append("() {\n");
            s.append("        RegisterBlock block = ").append(block(c.block())).append(";\n");
            switch (c.rule()) {
                case REJECT -> {
                    s.append("        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> bridge.toSenml(block));\n");
                    s.append("        assertFalse(a.getMessage() == null || a.getMessage().isBlank(), \"say what is wrong\");\n");
                    s.append("        IllegalArgumentException b = assertThrows(IllegalArgumentException.class, () -> bridge.toLwm2m(block));\n");
                    s.append("        assertFalse(b.getMessage() == null || b.getMessage().isBlank(), \"say what is wrong\");\n");
                }
                case WORD_ORDER_ABCD, WORD_ORDER_CDAB -> value(s, reference, c, 0);
                case ENERGY -> value(s, reference, c, 1);
                case VOLTAGE -> value(s, reference, c, 2);
                case STATUS -> {
                    List<SenmlRecord> want = reference.toSenml(c.block());
                    s.append("        List<SenmlRecord> records = bridge.toSenml(block);\n");
                    s.append("        assertEquals(").append(want.get(3).vb()).append(", records.get(3).vb(), \"supply\");\n");
                    s.append("        assertEquals(").append(want.get(4).vb()).append(", records.get(4).vb(), \"tamper\");\n");
                }
                case NAMES_UNITS -> {
                    s.append("        List<SenmlRecord> records = bridge.toSenml(block);\n");
                    s.append("        assertEquals(5, records.size(), \"five records\");\n");
                    for (int i = 0; i < 5; i++) {
                        String u = StandardsSuite.UNITS.get(i);
                        s.append("        assertEquals(").append(str(StandardsSuite.NAMES.get(i))).append(", records.get(").append(i).append(").n());\n");
                        s.append("        assertEquals(").append(u == null ? "null" : str(u)).append(", records.get(").append(i).append(").u());\n");
                    }
                }
                case BASE_NAME -> {
                    s.append("        List<SenmlRecord> records = bridge.toSenml(block);\n");
                    s.append("        assertEquals(").append(str(reference.toSenml(c.block()).get(0).bn())).append(", records.get(0).bn());\n");
                    s.append("        for (int i = 1; i < records.size(); i++) {\n            assertNull(records.get(i).bn(), \"only the first record has bn\");\n        }\n");
                }
                case BASE_TIME -> {
                    s.append("        List<SenmlRecord> records = bridge.toSenml(block);\n");
                    s.append("        assertEquals(").append(dbl(reference.toSenml(c.block()).get(0).bt())).append(", records.get(0).bt(), 1e-6);\n");
                    s.append("        for (int i = 1; i < records.size(); i++) {\n            assertNull(records.get(i).bt(), \"only the first record has bt\");\n        }\n");
                }
                case LWM2M -> {
                    List<Lwm2mValue> want = reference.toLwm2m(c.block());
                    s.append("        List<Lwm2mValue> values = bridge.toLwm2m(block);\n");
                    s.append("        assertEquals(").append(want.size()).append(", values.size(), \"four resources\");\n");
                    for (int i = 0; i < want.size(); i++) {
                        s.append("        assertEquals(").append(str(want.get(i).path())).append(", values.get(").append(i).append(").path());\n");
                        if (want.get(i).number() != null) {
                            s.append("        assertEquals(").append(dbl(want.get(i).number())).append(", values.get(").append(i)
                                    .append(").number(), 1e-9);\n");
                        } else {
                            s.append("        assertEquals(").append(str(want.get(i).text())).append(", values.get(").append(i).append(").text());\n");
                        }
                    }
                }
                default -> throw new IllegalStateException("no visible test for " + c.rule());
            }
            s.append("    }\n");
        }
        s.append("}\n");
        return s.toString();
    }

    private static void value(StringBuilder s, ReferenceBridge reference, BridgeCase c, int index) {
        double want = reference.toSenml(c.block()).get(index).v();
        s.append("        assertEquals(").append(dbl(want)).append(", bridge.toSenml(block).get(").append(index)
                .append(").v(), 1e-9, ").append(str(StandardsSuite.NAMES.get(index))).append(");\n");
    }

    private static String block(RegisterBlock b) {
        StringBuilder s = new StringBuilder("new RegisterBlock(" + str(b.area()) + ", " + str(b.device()) + ", WordOrder."
                + b.wordOrder() + ", " + b.timeMs() + "L, ");
        if (b.registers() == null) {
            return s.append("null)").toString();
        }
        s.append("new int[] {");
        for (int i = 0; i < b.registers().length; i++) {
            int r = b.registers()[i];
            s.append(i == 0 ? "" : ", ").append(r >= 0 && r <= 0xFFFF ? String.format(Locale.ROOT, "0x%04X", r) : Integer.toString(r));
        }
        return s.append("})").toString();
    }

    private static String dbl(double d) {
        return Double.toString(d);
    }

    private static String str(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
