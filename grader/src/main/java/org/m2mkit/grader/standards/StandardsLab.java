package org.m2mkit.grader.standards;

import java.util.List;
import java.util.Map;
import org.m2mkit.grader.Lab;
import org.m2mkit.grader.TestResult;
import org.m2mkit.grader.child.LabRunner;
import org.m2mkit.grader.sandbox.SandboxSession;
import org.m2mkit.grader.standards.api.MeterBridge;
import org.m2mkit.grader.standards.child.StandardsRunner;

/**
 * The standards lab (docs/standards-lab.md): a legacy Modbus meter's input registers translated into SenML records
 * and LwM2M resource values, as the gateway does when it bridges the meter.
 */
public final class StandardsLab implements Lab {
    public static final StandardsLab LAB = new StandardsLab();

    private StandardsLab() {
    }

    @Override
    public String id() {
        return "standards";
    }

    @Override
    public String title() {
        return "Standards lab: bridging a Modbus meter";
    }

    @Override
    public String shortTitle() {
        return "Standards lab";
    }

    @Override
    public Class<?> contract() {
        return MeterBridge.class;
    }

    @Override
    public Class<?> constructorArgument() {
        return null;
    }

    @Override
    public List<TestResult> grade(SandboxSession session, boolean visibleOnly) {
        return StandardsSuite.run(session, visibleOnly);
    }

    @Override
    public Class<? extends LabRunner> runner() {
        return StandardsRunner.class;
    }

    @Override
    public List<String> contractFolders() {
        return List.of(MeterBridge.class.getPackageName().replace('.', '/') + "/");
    }

    @Override
    public String studentClass() {
        return "MyBridge";
    }

    @Override
    public Map<String, String> visibleTests() {
        return Map.of("VisibleBridgeTest", VisibleBridgeTestsSource.junit("student", "VisibleBridgeTest", studentClass()));
    }

    @Override
    public String scoring() {
        return "100 points: ten rules (R1 to R10 of the lab's spec) of 10 points each, shared among each rule's tests, "
                + "so a mistake in one rule costs that rule's points only. About 40 points come from the visible tests "
                + "in `VisibleBridgeTest`; hidden tests check the same rules on other blocks.";
    }

    @Override
    public String handout() {
        return "standards-lab";
    }

    @Override
    public String skeleton() {
        return """
                package student;

                import java.util.List;
                import org.m2mkit.grader.standards.api.Lwm2mValue;
                import org.m2mkit.grader.standards.api.MeterBridge;
                import org.m2mkit.grader.standards.api.RegisterBlock;
                import org.m2mkit.grader.standards.api.SenmlRecord;
                import org.m2mkit.grader.standards.api.WordOrder;

                /** Your bridge for the legacy Modbus meter: see the lab's spec for rules R1 to R10. */
                public class %1$s implements MeterBridge {
                    @Override
                    public List<SenmlRecord> toSenml(RegisterBlock block) {
                        // R1 (refuse bad blocks), R2-R5 (the quantities), R6 (status), R7-R9 (the SenML records)
                        throw new UnsupportedOperationException("toSenml is not written yet");
                    }

                    @Override
                    public List<Lwm2mValue> toLwm2m(RegisterBlock block) {
                        // R1 and R10 (objects 3305 and 3316)
                        throw new UnsupportedOperationException("toLwm2m is not written yet");
                    }
                }
                """.formatted(studentClass());
    }
}
