package org.m2mkit.grader.gateway;

import java.util.List;
import java.util.Map;
import org.m2mkit.grader.Lab;
import org.m2mkit.grader.TestResult;
import org.m2mkit.grader.child.LabRunner;
import org.m2mkit.grader.gateway.child.GatewayRunner;
import org.m2mkit.grader.sandbox.SandboxSession;
import org.m2mkit.labs.api.Gateway;
import org.m2mkit.labs.api.GatewayConfig;

/** The gateway lab (specs/gateway-lab.md): a student's M2M gateway, graded against the reference gateway. */
public final class GatewayLab implements Lab {
    public static final GatewayLab LAB = new GatewayLab();

    private GatewayLab() {
    }

    @Override
    public String id() {
        return "gateway";
    }

    @Override
    public String title() {
        return "Gateway lab";
    }

    @Override
    public Class<?> contract() {
        return Gateway.class;
    }

    @Override
    public Class<?> constructorArgument() {
        return GatewayConfig.class;
    }

    @Override
    public List<TestResult> grade(SandboxSession session, boolean visibleOnly) {
        return GatewaySuite.run(session, visibleOnly);
    }

    @Override
    public Class<? extends LabRunner> runner() {
        return GatewayRunner.class;
    }

    @Override
    public String studentClass() {
        return "MyGateway";
    }

    @Override
    public Map<String, String> visibleTests() {
        return Map.of("VisibleGatewayTest", VisibleTestsSource.junit("student", "VisibleGatewayTest", studentClass()));
    }

    @Override
    public String scoring() {
        return "100 points: validation 20, alerts 20, report 30, demand response 20, scale 10. About 40 points come from "
                + "the visible tests in `VisibleGatewayTest`; hidden tests check the same rules on other cases, and the "
                + "scale test feeds 200,000 readings from 10,000 meters.";
    }

    @Override
    public String handout() {
        return "gateway-lab";
    }

    @Override
    public List<Link> links() {
        return List.of(new Link("/labs/live", "Run your gateway in the live lab"));
    }

    @Override
    public String skeleton() {
        return """
                package student;

                import java.util.List;
                import org.m2mkit.labs.api.Alert;
                import org.m2mkit.labs.api.AreaReport;
                import org.m2mkit.labs.api.DemandResponse;
                import org.m2mkit.labs.api.Gateway;
                import org.m2mkit.labs.api.GatewayConfig;
                import org.m2mkit.labs.api.HvacCommand;
                import org.m2mkit.labs.api.MeterReading;

                /** Your M2M gateway: see the lab handout for the five rules it must follow. */
                public class %1$s implements Gateway {
                    private final GatewayConfig config;

                    public %1$s(GatewayConfig config) {
                        this.config = config;
                    }

                    @Override
                    public List<Alert> onReading(MeterReading reading) {
                        // rules 1 (validation) and 2 (spike alerts)
                        throw new UnsupportedOperationException("onReading is not written yet");
                    }

                    @Override
                    public AreaReport report(long nowMs) {
                        // rule 3 (area report)
                        throw new UnsupportedOperationException("report is not written yet");
                    }

                    @Override
                    public List<HvacCommand> onDemandResponse(DemandResponse command) {
                        // rule 4 (demand response)
                        throw new UnsupportedOperationException("onDemandResponse is not written yet");
                    }
                }
                """.formatted(studentClass());
    }
}
