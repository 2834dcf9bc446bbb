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
import org.m2mkit.grader.gateway.GatewayLab;
import org.m2mkit.grader.protocol.ProtocolLab;

/**
 * Fixture submissions graded in real sandbox JVMs: every mutant of the reference gateway loses points in its
 * own rule and nowhere else; invalid submissions are not gradable; a constant protocol advisor fails.
 */
class FixtureSubmissionsIT {
    private static final Pattern EXPECT_RULE = Pattern.compile("// expect-rule: (\\d)");

    @TempDir
    static Path work;
    static Grader grader;

    @BeforeAll
    static void start() {
        grader = Grader.start(GraderConfig.defaults().withWorkDir(work).withPoolSize(2).withLimits(GenerousLimits.junit()));
    }

    @AfterAll
    static void stop() {
        grader.close();
    }

    static Stream<Path> mutants() throws IOException {
        return Files.list(Fixtures.fixtures().resolve("gateway/mutants")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void mutantLosesOnlyItsRulesPoints(Path file) throws IOException {
        String source = Files.readString(file);
        Matcher m = EXPECT_RULE.matcher(source);
        assertThat(m.find()).as("fixture names its rule").isTrue();
        String rule = "rule " + m.group(1) + " ";

        GradeResult r = grader.grade(GatewayLab.LAB, Submission.fromPath(file));

        assertThat(r.gradable()).isTrue();
        List<TestResult> failed = r.tests().stream().filter(t -> !t.passed()).toList();
        assertThat(failed).as("failed tests").isNotEmpty()
                .allSatisfy(t -> assertThat(t.rule()).as(t.name() + ": " + t.message()).startsWith(rule));
        double lost = failed.stream().mapToDouble(t -> t.maxScore() - t.score()).sum();
        assertThat(r.score()).isEqualTo(100 - lost);
    }

    @Test
    void compileErrorIsNotGradableAndNamesFileAndLine() {
        GradeResult r = grader.grade(GatewayLab.LAB, Submission.fromPath(Fixtures.fixtures().resolve("gateway/invalid/CompileError.java")));
        assertThat(r.gradable()).isFalse();
        assertThat(r.score()).isZero();
        assertThat(r.tests()).isEmpty();
        assertThat(r.output()).contains("CompileError.java:11: error: ';' expected").contains("costs no attempt");
    }

    @Test
    void missingAndDoubledClassesAreNotGradable() {
        GradeResult none = grader.grade(GatewayLab.LAB, Submission.fromPath(Fixtures.fixtures().resolve("gateway/invalid/NoGateway.java")));
        assertThat(none.gradable()).isFalse();
        assertThat(none.output()).contains("no public class implements org.m2mkit.labs.api.Gateway");

        GradeResult two = grader.grade(GatewayLab.LAB, Submission.fromPath(Fixtures.fixtures().resolve("gateway/invalid/two")));
        assertThat(two.gradable()).isFalse();
        assertThat(two.output()).contains("2 public classes implementing Gateway (student.FirstGateway, student.SecondGateway)");

        GradeResult ctor = grader.grade(GatewayLab.LAB, Submission.fromPath(Fixtures.fixtures().resolve("gateway/invalid/NoConstructor.java")));
        assertThat(ctor.gradable()).isFalse();
        assertThat(ctor.output()).contains("has no constructor public NoConstructor(GatewayConfig config)");
    }

    @Test
    void constantAdvisorScoresBelow35Percent() {
        GradeResult r = grader.grade(ProtocolLab.LAB, Submission.fromPath(Fixtures.fixtures().resolve("protocol/ConstantAdvisor.java")));
        assertThat(r.gradable()).isTrue();
        assertThat(r.score() / r.maxScore()).isLessThan(0.35).isGreaterThan(0.0);
    }

    @Test
    void nullsAndExceptionsScoreZeroForTheirScenarioOnly() {
        GradeResult r = grader.grade(ProtocolLab.LAB, Submission.fromPath(Fixtures.fixtures().resolve("protocol/FlakyAdvisor.java")));
        assertThat(r.gradable()).isTrue();
        assertThat(r.tests()).anySatisfy(t -> assertThat(t.message()).startsWith("recommend returned null; 0 points"));
        assertThat(r.tests()).anySatisfy(t -> assertThat(t.message()).startsWith("recommend threw java.lang.IllegalStateException: no idea about moving devices"));
        assertThat(r.tests()).anySatisfy(t -> assertThat(t.score()).isPositive());
    }
}
