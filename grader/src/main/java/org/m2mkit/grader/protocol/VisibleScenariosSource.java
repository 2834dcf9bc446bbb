package org.m2mkit.grader.protocol;

import java.util.stream.Collectors;
import org.m2mkit.labs.api.Scenario;

/** Writes the protocol lab's visible scenarios as a JUnit 5 class for the starter kit. */
public final class VisibleScenariosSource {
    private VisibleScenariosSource() {
    }

    public static String junit(String packageName, String className, String studentClass) {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(packageName).append(";\n\n");
        s.append("import static org.junit.jupiter.api.Assertions.assertNotNull;\n");
        s.append("import static org.junit.jupiter.api.Assertions.assertTrue;\n\n");
        s.append("import java.util.EnumSet;\nimport java.util.Set;\n");
        s.append("import org.junit.jupiter.api.DisplayName;\nimport org.junit.jupiter.api.Test;\n");
        s.append("import org.m2mkit.labs.api.*;\n\n");
        s.append("/**\n * The protocol lab's visible scenarios with their full-credit answers. Each scenario is worth 0.6 for the\n"
                + " * protocol and 0.4 for the link; the grader also gives partial credit for defensible second choices and\n"
                + " * grades hidden scenarios the same way.\n */\n");
        s.append("class ").append(className).append(" {\n");
        s.append("    private final ProtocolAdvisor advisor = new ").append(studentClass).append("();\n");
        for (BankScenario b : ScenarioBank.load()) {
            if (!b.visible()) {
                continue;
            }
            Scenario sc = b.scenario();
            s.append("\n    @Test\n    @DisplayName(").append(str(sc.id() + ": " + sc.summary())).append(")\n");
            s.append("    void scenario").append(sc.id()).append("() {\n");
            s.append("        Scenario s = new Scenario(").append(str(sc.id())).append(", ").append(str(sc.summary())).append(",\n")
                    .append("                NodeClass.").append(sc.nodeClass()).append(", PowerSource.").append(sc.power())
                    .append(", ").append(sc.ipCapable()).append(", ").append(sc.mobile()).append(", ").append(sc.maxLatencyMs())
                    .append(", ").append(sc.payloadBytes()).append(", ").append(sc.messagesPerDay()).append(", ").append(sc.rangeKm())
                    .append(",\n                ").append(sc.needs().isEmpty() ? "EnumSet.noneOf(Need.class)"
                            : "EnumSet.of(" + sc.needs().stream().map(n -> "Need." + n).collect(Collectors.joining(", ")) + ")")
                    .append(", ").append(sc.inServiceUntilYear()).append(");\n");
            s.append("        Recommendation r = advisor.recommend(s);\n        assertNotNull(r, \"recommend returned null\");\n");
            s.append("        assertTrue(Set.of(").append(b.protocol().best().stream().map(p -> "Protocol." + p).collect(Collectors.joining(", ")))
                    .append(").contains(r.protocol()),\n                ").append(str("protocol: " + b.protocol().reason())).append(");\n");
            s.append("        assertTrue(Set.of(").append(b.link().best().stream().map(l -> "Link." + l).collect(Collectors.joining(", ")))
                    .append(").contains(r.link()),\n                ").append(str("link: " + b.link().reason())).append(");\n");
            s.append("    }\n");
        }
        s.append("}\n");
        return s.toString();
    }

    private static String str(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
