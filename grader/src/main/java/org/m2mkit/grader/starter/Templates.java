package org.m2mkit.grader.starter;

/** The skeleton classes students start from. */
final class Templates {
    private Templates() {
    }

    static String gatewaySkeleton(String cls) {
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
                """.formatted(cls);
    }

    static String advisorSkeleton(String cls) {
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
                """.formatted(cls);
    }
}
