package org.m2mkit.grader.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.grader.GradeResult;

import org.m2mkit.grader.TestResult;
import org.m2mkit.grader.gateway.GatewayLab;
import org.m2mkit.grader.protocol.ProtocolLab;

class ResultsJsonTest {
    private final GradeResult result = new GradeResult(GatewayLab.LAB, true, 97, 100, 0.9, "summary",
            List.of(new TestResult("rule 1: a", "1.1", "rule 1 (validation)", 2, 2, "passed", true, ""),
                    new TestResult("rule 4: b", "4.1", "rule 4 (demand response)", 0, 3, "stopped: it ran longer", false, "hello")),
            "bwrap");

    @Test
    void gradescopeShapeHasEveryRequiredField() throws Exception {
        JsonNode gs = new ObjectMapper().readTree(ResultsJson.text(ResultsJson.gradescope(result)));
        assertThat(gs.fieldNames()).toIterable().contains("score", "max_score", "execution_time", "output", "visibility",
                "stdout_visibility", "tests", "gradable");
        JsonNode t = gs.path("tests").path(1);
        assertThat(t.fieldNames()).toIterable().contains("name", "number", "score", "max_score", "status", "output", "visibility");
        assertThat(t.path("status").asText()).isEqualTo("failed");
        assertThat(t.path("output").asText()).contains("stopped: it ran longer").contains("printed:\nhello");
        assertThat(gs.path("score").asDouble()).isEqualTo(97);
    }

    @Test
    void prairieLearnShapeAndConversion(@TempDir Path dir) throws Exception {
        JsonNode pl = ResultsJson.prairieLearn(result);
        assertThat(pl.path("score").asDouble()).isEqualTo(0.97);
        assertThat(pl.path("gradable").asBoolean()).isTrue();
        assertThat(pl.path("tests").path(1).path("max_points").asDouble()).isEqualTo(3);

        JsonNode converted = ResultsJson.gradescopeToPrairieLearn(ResultsJson.gradescope(result));
        assertThat(converted.path("score").asDouble()).isEqualTo(0.97);
        assertThat(converted.path("tests").size()).isEqualTo(2);

        Path file = dir.resolve("out/results.json");
        ResultsJson.write(ResultsJson.gradescope(result), file);
        assertThat(new ObjectMapper().readTree(file.toFile()).path("max_score").asDouble()).isEqualTo(100);
    }

    @Test
    void notGradableKeepsItsReason() {
        GradeResult bad = new GradeResult(ProtocolLab.LAB, false, 0, 100, 0.2, "A.java:3: error: ';' expected", List.of(), "bwrap");
        assertThat(ResultsJson.prairieLearn(bad).path("gradable").asBoolean()).isFalse();
        assertThat(ResultsJson.gradescope(bad).path("output").asText()).contains("A.java:3");
    }
}
