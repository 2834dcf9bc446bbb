package org.m2mkit.grader.protocol;

import java.util.List;
import java.util.Map;
import org.m2mkit.grader.Lab;
import org.m2mkit.grader.TestResult;
import org.m2mkit.grader.child.LabRunner;
import org.m2mkit.grader.protocol.child.ProtocolRunner;
import org.m2mkit.grader.sandbox.SandboxSession;
import org.m2mkit.labs.api.ProtocolAdvisor;

/** The protocol-selection lab (specs/protocol-lab.md): a protocol and a link for each deployment scenario. */
public final class ProtocolLab implements Lab {
    public static final ProtocolLab LAB = new ProtocolLab();

    private ProtocolLab() {
    }

    @Override
    public String id() {
        return "protocol";
    }

    @Override
    public String title() {
        return "Protocol-selection lab";
    }

    @Override
    public String shortTitle() {
        return "Protocol lab";
    }

    @Override
    public Class<?> contract() {
        return ProtocolAdvisor.class;
    }

    @Override
    public Class<?> constructorArgument() {
        return null;
    }

    @Override
    public List<TestResult> grade(SandboxSession session, boolean visibleOnly) {
        return ProtocolSuite.run(session, visibleOnly);
    }

    @Override
    public Class<? extends LabRunner> runner() {
        return ProtocolRunner.class;
    }

    @Override
    public String studentClass() {
        return "MyAdvisor";
    }

    @Override
    public Map<String, String> visibleTests() {
        return Map.of("VisibleScenariosTest", VisibleScenariosSource.junit("student", "VisibleScenariosTest", studentClass()));
    }

    @Override
    public String scoring() {
        return "Each scenario is worth 0.6 for the protocol and 0.4 for the link, with partial credit for defensible "
                + "second choices. About a third of the scenarios are in `VisibleScenariosTest` with their answers; the "
                + "rest are hidden, and their feedback names the chapter section to revisit.";
    }

    @Override
    public String handout() {
        return "protocol-selection-lab";
    }

    @Override
    public String skeleton() {
        return """
                package student;

                import org.m2mkit.labs.api.ProtocolAdvisor;
                import org.m2mkit.labs.api.Recommendation;
                import org.m2mkit.labs.api.Scenario;

                /** Your protocol advisor: pick a protocol and a link for each deployment, with a one-line reason. */
                public class %1$s implements ProtocolAdvisor {
                    @Override
                    public Recommendation recommend(Scenario scenario) {
                        throw new UnsupportedOperationException("recommend is not written yet");
                    }
                }
                """.formatted(studentClass());
    }
}
