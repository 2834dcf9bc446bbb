package org.m2mkit.labs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.api.GatewayConfig;
import picocli.CommandLine;

class LabCommandTest {

    @TempDir
    Path dir;

    /** Runs {@code lab ...} as the launcher does: a user's mistake is one line on stderr and status 2. */
    static Result lab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new LabCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        PrintWriter errors = new PrintWriter(err, true);
        cli.setParameterExceptionHandler((ex, argv) -> {
            errors.println("m2mkit: " + ex.getMessage());
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, c, p) -> {
            if (ex instanceof UserError) {
                errors.println("m2mkit: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int code, String out, String err) {
    }

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name.replace(".txt", ""));
        try (InputStream in = getClass().getResourceAsStream("/gateways/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private static void assertOneLine(Result r, String message) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("m2mkit: " + message + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownNetworkProfile() {
        assertOneLine(lab("run", "--network", "6g"),
                "unknown network profile '6g'; use one of local, ethernet, wifi, 2g, 3g, 4g, lte-m, nb-iot, 5g");
    }

    @Test
    void unknownProtocolAndTooManyLegacyMeters() {
        assertOneLine(lab("run", "--protocol", "coap"), "protocol 'coap' is not known; use mqtt, lwm2m or both");
        assertOneLine(lab("run", "--meters", "5", "--legacy-meters", "5"),
                "legacy meters 5 is not valid; use 0 to 4 (fewer than the meters)");
        assertOneLine(lab("run", "--protocol", "lwm2m", "--lwm2m-meters", "0"),
                "LwM2M meters 0 is not valid; use 1 to 50");
    }

    @Test
    void zeroMeters() {
        assertOneLine(lab("run", "--meters", "0"), "--meters 0 is not valid; use 1 to 2000");
    }

    @Test
    void unknownModeAndBadDuration() {
        assertOneLine(lab("run", "--mode", "slow"), "--mode 'slow' is not valid; use paced or fast");
        assertOneLine(lab("run", "--mode", "fast", "--spike-at", "2x"),
                "--spike-at '2x' is not a duration; use for example 500ms, 2s or 1m");
        assertOneLine(lab("run", "--mode", "fast", "--spike", "meter-99"),
                "--spike meter-99 is not a meter of the area; use meter-01 to meter-50");
    }

    @Test
    void unplugOptionsAreChecked() {
        assertOneLine(lab("run", "--mode", "fast", "--unplug", "meter-99"),
                "--unplug meter-99 is not a meter of the area; use meter-01 to meter-50");
        assertOneLine(lab("run", "--mode", "fast", "--unplug-for", "2s"), "--unplug-for needs --unplug, the meter to unplug");
        assertOneLine(lab("run", "--mode", "fast", "--unplug", "meter-03", "--unplug-at", "soon"),
                "--unplug-at 'soon' is not a duration; use for example 500ms, 2s or 1m");
        assertOneLine(lab("run", "--mode", "fast", "--spike", "meter-03", "--unplug", "meter-03", "--unplug-at", "1s"),
                "--unplug meter-03 is still unplugged when it should spike at 2s; unplug another meter, or plug it back "
                        + "in before the spike with --unplug-for");
    }

    /** A whole fast run from the command line in which a meter dies: its will is printed, the cycle completes. */
    @Test
    void aRunWithAnUnpluggedMeterPrintsItsWillAndStillCompletesTheCycle() {
        Result r = lab("run", "--mode", "fast", "--meters", "10", "--unplug", "meter-03", "--unplug-at", "0s",
                "--unplug-for", "1s", "--spike-at", "500ms");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("plug pulled").containsPattern("will +meter-03 +meter-03 is offline: the broker "
                + "published its last will").contains("plugged back in").contains("summary: cycle 1 complete");
    }

    @Test
    void unreachableBroker() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertOneLine(lab("run", "--mode", "fast", "--broker", "tcp://127.0.0.1:" + port),
                "MQTT broker tcp://127.0.0.1:" + port + " is not reachable; start it or use the embedded broker");
        assertOneLine(lab("run", "--broker", "localhost:1883"),
                "broker URL 'localhost:1883' is not valid; use tcp://host:port or ssl://host:port");
    }

    @Test
    void gatewayThatDoesNotCompile() throws IOException {
        Path source = resource("DoesNotCompile.java.txt");
        Result r = lab("run", "--mode", "fast", "--gateway", source.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("m2mkit: gateway source DoesNotCompile.java does not compile: 1 error(s) (line 9: ")
                .doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void missingGatewayFile() {
        assertOneLine(lab("run", "--gateway", dir.resolve("Nope.java").toString()),
                "gateway source " + dir.resolve("Nope.java") + " is not a readable .java file");
    }

    @Test
    void aStudentGatewayCompilesAgainstTheApiAndIsCreated() throws IOException {
        var factory = GatewaySource.load(resource("QuietGateway.java.txt"));
        var config = new GatewayConfig("area-1", java.util.Set.of("m1"), java.util.List.of(), 10, 1000, 3000);
        var gateway = factory.apply(config);
        assertThat(gateway.getClass().getName()).isEqualTo("student.QuietGateway");
        assertThat(gateway.report(5).periodEndMs()).isEqualTo(5);
    }

    @Test
    void profilesAreListed() {
        Result r = lab("profiles");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("lte-m", "LTE-M (Cat-M1)", "nb-iot", "1600.0 ms");
    }
}
