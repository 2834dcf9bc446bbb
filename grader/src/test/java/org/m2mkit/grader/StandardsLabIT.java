package org.m2mkit.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.m2mkit.grader.standards.StandardsLab;

/**
 * The standards lab graded in real sandbox JVMs: the reference bridge scores 100, the starter class 0, and every
 * mutant of the reference loses points in its own rule and nowhere else.
 */
class StandardsLabIT {
    private static final Pattern EXPECT_RULE = Pattern.compile("// expect-rule: (R\\d+)");

    @TempDir
    static Path work;
    static Grader grader;

    @BeforeAll
    static void start() {
        grader = Grader.start(GraderConfig.defaults().withWorkDir(work).withPoolSize(1).withLimits(GenerousLimits.junit()));
    }

    @AfterAll
    static void stop() {
        grader.close();
    }

    @Test
    void referenceBridgeScoresFullMarks() {
        GradeResult r = grader.grade(StandardsLab.LAB, Fixtures.referenceBridge());
        assertThat(r.tests()).allSatisfy(t -> assertThat(t.passed()).as(t.name() + ": " + t.message()).isTrue());
        assertThat(r.gradable()).isTrue();
        assertThat(r.score()).isEqualTo(100.0);
        assertThat(r.maxScore()).isEqualTo(100.0);
        assertThat(r.tests()).extracting(TestResult::rule).map(rule -> rule.substring(0, rule.indexOf(' ')))
                .containsOnly("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10");
    }

    @Test
    void starterClassCompilesAndScoresNothing() {
        GradeResult r = grader.grade(StandardsLab.LAB, Submission.ofSource("MyBridge.java", StandardsLab.LAB.skeleton()));
        assertThat(r.gradable()).as(r.output()).isTrue();
        assertThat(r.score()).isZero();
        assertThat(r.tests()).allSatisfy(t -> assertThat(t.message()).contains("UnsupportedOperationException"));
    }

    @Test
    void visibleOnlyRunsTheStarterKitsCases() {
        GradeResult r = grader.grade(StandardsLab.LAB, Fixtures.referenceBridge(), true);
        assertThat(r.tests()).isNotEmpty().allSatisfy(t -> assertThat(t.visible()).isTrue());
        assertThat(r.output()).contains("(visible tests only)");
    }

    static Stream<Path> mutants() throws IOException {
        return Files.list(Fixtures.fixtures().resolve("standards/mutants")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void mutantLosesOnlyItsRulesPoints(Path file) throws IOException {
        Matcher m = EXPECT_RULE.matcher(Files.readString(file));
        assertThat(m.find()).as("fixture names its rule").isTrue();
        String rule = m.group(1) + " ";

        GradeResult r = grader.grade(StandardsLab.LAB, Submission.fromPath(file));

        assertThat(r.gradable()).as(r.output()).isTrue();
        List<TestResult> failed = r.tests().stream().filter(t -> !t.passed()).toList();
        assertThat(failed).as("failed tests").isNotEmpty()
                .allSatisfy(t -> assertThat(t.rule()).as(t.name() + ": " + t.message()).startsWith(rule));
        double lost = failed.stream().mapToDouble(t -> t.maxScore() - t.score()).sum();
        assertThat(r.score()).isEqualTo(100 - lost);
        assertThat(failed).allSatisfy(t -> assertThat(t.message()).isNotBlank().doesNotContain("Exception:"));
        // a hidden test names the rule, never the value it expected (the spec's names, units and paths aside)
        if (!List.of("R1 ", "R7 ", "R10 ").contains(rule)) {
            assertThat(failed.stream().filter(t -> !t.visible())).allSatisfy(t -> assertThat(t.message())
                    .doesNotContain("expected"));
        }
    }
}
