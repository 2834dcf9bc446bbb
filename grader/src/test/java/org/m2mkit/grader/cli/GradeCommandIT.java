package org.m2mkit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code m2mkit grade} end to end: real compile, real sandbox, summary, results file and exit status. */
class GradeCommandIT {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return GradeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void gradesPrintsASummaryAndWritesResults(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results.json");
        int status = run("--lab", "gateway", "--submission",
                "src/test/resources/fixtures/gateway/mutants/UnitsAscending.java", "--results", results.toString());
        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Gateway lab: ").contains("PASS 1.1")
                .contains("FAIL 4.1").contains("expected List.of(new HvacCommand(\"hvac-b\"");
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        assertThat(json.path("max_score").asDouble()).isEqualTo(100);
        assertThat(json.path("score").asDouble()).isLessThan(100).isGreaterThanOrEqualTo(80);
        assertThat(json.path("tests").size()).isEqualTo(35);
    }

    @Test
    void visibleOnlyRunsTheVisibleTests() {
        assertThat(run("--lab", "protocol", "--submission", "src/test/resources/fixtures/protocol/ConstantAdvisor.java",
                "--visible-only", "--json")).isZero();
        assertThat(out.toString()).contains("\"score\"").contains("scenario S01").doesNotContain("scenario S16");
    }

    @Test
    void aCompileErrorStillCompletesGrading() {
        assertThat(run("--lab", "gateway", "--submission", "src/test/resources/fixtures/gateway/invalid/CompileError.java")).isZero();
        assertThat(out.toString()).contains("Not graded (this costs no attempt)").contains("CompileError.java:11: error");
    }

    @Test
    void usageErrorsExitWith2AndOneLine(@TempDir Path dir) {
        assertThat(run("--lab", "radio", "--submission", "x.java")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("m2mkit grade: unknown lab 'radio'; use one of [gateway, protocol, standards]" + System.lineSeparator());
        assertThat(run("--lab", "gateway")).isEqualTo(2);
        assertThat(run("--lab", "gateway", "--submission", dir.resolve("missing.java").toString())).isEqualTo(2);
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void writesAStarterKit(@TempDir Path dir) {
        assertThat(run("--starter", "gateway", dir.resolve("kit").toString())).isZero();
        assertThat(dir.resolve("kit/pom.xml")).exists();
        assertThat(dir.resolve("kit/src/test/java/student/VisibleGatewayTest.java")).exists();
        assertThat(run("--starter", "gateway", dir.resolve("kit").toString())).isEqualTo(2);
        assertThat(run("--starter", "standards", dir.resolve("standards-kit").toString())).isZero();
        assertThat(dir.resolve("standards-kit/src/test/java/student/VisibleBridgeTest.java")).exists();
        assertThat(dir.resolve("standards-kit/src/main/java/org/m2mkit/grader/standards/api/MeterBridge.java")).exists();
        assertThat(err.toString()).contains("is not empty");
    }
}
