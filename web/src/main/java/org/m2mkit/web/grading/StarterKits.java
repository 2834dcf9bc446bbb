package org.m2mkit.web.grading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.m2mkit.grader.Grader;
import org.m2mkit.grader.Lab;
import org.m2mkit.grader.sandbox.ClassPathTree;

/**
 * The starter kit of each lab as a zip: the labs API's sources (the same files the grader compiles against) and a
 * class to fill in that already compiles; also the editor's first text.
 */
public final class StarterKits {

    private StarterKits() {
    }

    /** The class a student starts from: it compiles and scores little. */
    public static String skeleton(Lab lab) {
        return lab == Lab.GATEWAY ? """
                package student;

                import java.util.List;
                import org.m2mkit.labs.api.Alert;
                import org.m2mkit.labs.api.AreaReport;
                import org.m2mkit.labs.api.DemandResponse;
                import org.m2mkit.labs.api.Gateway;
                import org.m2mkit.labs.api.GatewayConfig;
                import org.m2mkit.labs.api.HvacCommand;
                import org.m2mkit.labs.api.MeterReading;

                /** My gateway: validation, spike alerts, area reports and demand response (see the gateway lab handout). */
                public class MyGateway implements Gateway {

                    private final GatewayConfig config;

                    public MyGateway(GatewayConfig config) {
                        this.config = config;
                    }

                    @Override
                    public List<Alert> onReading(MeterReading reading) {
                        return List.of();
                    }

                    @Override
                    public AreaReport report(long nowMs) {
                        return new AreaReport(config.areaId(), 0, nowMs, 0, config.meterIds().size(), 0.0, 0.0, null, 0, 0);
                    }

                    @Override
                    public List<HvacCommand> onDemandResponse(DemandResponse command) {
                        return List.of();
                    }
                }
                """ : """
                package student;

                import org.m2mkit.labs.api.Link;
                import org.m2mkit.labs.api.Protocol;
                import org.m2mkit.labs.api.ProtocolAdvisor;
                import org.m2mkit.labs.api.Recommendation;
                import org.m2mkit.labs.api.Scenario;

                /** My protocol advisor: an application protocol and a link for each scenario (see the protocol lab handout). */
                public class MyAdvisor implements ProtocolAdvisor {

                    @Override
                    public Recommendation recommend(Scenario scenario) {
                        return new Recommendation(Protocol.MQTT, Link.LTE_4G, "a first guess for every scenario");
                    }
                }
                """;
    }

    static String fileName(Lab lab) {
        return lab == Lab.GATEWAY ? "MyGateway.java" : "MyAdvisor.java";
    }

    /** The zip a student downloads. */
    public static byte[] zip(Lab lab) {
        Map<String, byte[]> files = new TreeMap<>();
        String root = "m2mkit-" + lab.id() + "-lab/";
        ClassPathTree.read(Grader.class, "starter-kit/api/").forEach((name, bytes) ->
                files.put(root + "api/" + name.substring("starter-kit/api/".length()), bytes));
        if (files.isEmpty()) {
            throw new IllegalStateException("the grader's starter-kit sources are missing from the class path");
        }
        files.put(root + "src/student/" + fileName(lab), skeleton(lab).getBytes(StandardCharsets.UTF_8));
        files.put(root + "README.md", readme(lab).getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String readme(Lab lab) {
        String contract = lab.contract().getSimpleName();
        return "# " + lab.title() + ": starter kit\n\n"
                + "- `api/` holds the labs API (package `org.m2mkit.labs.api`): the records and the `" + contract
                + "` interface your class implements. It needs nothing but a JDK 17.\n"
                + "- `src/student/" + fileName(lab) + "` is where you start: it compiles and implements `" + contract
                + "` with the constructor the grader needs (`" + lab.constructorText(fileName(lab).replace(".java", ""))
                + "`).\n\n"
                + "Compile it on your machine:\n\n"
                + "```sh\njavac -d out $(find api src -name '*.java')\n```\n\n"
                + "Submit `" + fileName(lab) + "` (or a zip of your `.java` files) on the lab's page of the kit. "
                + "A submission that does not compile is shown its compiler messages and costs no attempt.\n";
    }
}
