package org.m2mkit.grader.codecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.content.questions.CodeCheck;
import org.m2mkit.content.questions.Grade;
import org.m2mkit.grader.GenerousLimits;
import org.m2mkit.grader.GraderConfig;
import org.m2mkit.grader.Processes;
import org.m2mkit.grader.jshell.JShellEngines;

/** Code questions checked in real sandbox child JVMs: JShell checks on the engines, JUnit tests in grader children. */
class SandboxCodeCheckerIT {
    @TempDir
    static Path work;
    static JShellEngines engines;
    static SandboxCodeChecker checker;

    static final CodeCheck CELSIUS = new CodeCheck(CodeCheck.Kind.JSHELL, "Math.abs(celsius(212) - 100) < 1e-9", "");

    /** Three tests of a demand-report helper; the answer under test is a class {@code Demand}. */
    static final CodeCheck DEMAND = new CodeCheck(CodeCheck.Kind.JUNIT, """
            import static org.junit.jupiter.api.Assertions.assertEquals;

            import org.junit.jupiter.api.DisplayName;
            import org.junit.jupiter.api.Test;

            class DemandTest {
                @Test
                @DisplayName("total of three meters")
                void total() {
                    assertEquals(6.5, Demand.total(new double[] {1.5, 2.0, 3.0}), 1e-9);
                }

                @Test
                void emptyAreaHasNoLoad() {
                    assertEquals(0.0, Demand.total(new double[0]), 1e-9);
                }

                @Test
                void peakIsTheLargestReading() {
                    assertEquals(3.0, Demand.peak(new double[] {1.5, 3.0, 2.0}), 1e-9, "peak of 1.5, 3.0, 2.0");
                }
            }
            """, "");

    static final String RIGHT = """
            class Demand {
                static double total(double[] kw) {
                    double sum = 0;
                    for (double k : kw) sum += k;
                    return sum;
                }

                static double peak(double[] kw) {
                    double max = 0;
                    for (double k : kw) max = Math.max(max, k);
                    return max;
                }
            }
            """;

    @BeforeAll
    static void start() throws InterruptedException {
        engines = new JShellEngines(GenerousLimits.jshell(), work.resolve("jshell"), org.m2mkit.grader.sandbox.SandboxPolicy.BWRAP);
        checker = new SandboxCodeChecker(() -> engines, GraderConfig.defaults().withWorkDir(work.resolve("grader"))
                .withPoolSize(1).withLimits(GenerousLimits.junit()));
        assertThat(engines.awaitReady(Duration.ofSeconds(60))).isTrue();
    }

    @AfterAll
    static void stop() {
        checker.close();
        engines.close();
        assertThat(Processes.strays()).as("processes left after the checker closed").isEmpty();
    }

    // ---- JShell checks

    @Test
    void aRightJShellAnswerPassesAndAWrongOneSaysWhatTheCheckGave() {
        assertThat(checker.check(CELSIUS, "double celsius(double f) {\n  return (f - 32) * 5.0 / 9;\n}"))
                .isEqualTo(Grade.of(1, "The check Math.abs(celsius(212) - 100) < 1e-9 passed."));
        Grade wrong = checker.check(CELSIUS, "double celsius(double f) { return (f - 32) * 5 / 9.5; }");
        assertThat(wrong.fraction()).isZero();
        assertThat(wrong.feedback()).singleElement().asString().contains("gave false, not true");
    }

    @Test
    void jshellCompileErrorsExceptionsAndIncompleteCodeScoreZeroWithAReason() {
        assertThat(checker.check(CELSIUS, "double x = 1;\ndouble celsius(double f) { return f - ; }").feedback())
                .singleElement().asString().contains("does not compile").contains("line 2: illegal start of expression");
        assertThat(checker.check(CELSIUS, "double celsius(double f) { throw new IllegalStateException(\"no\"); }")
                .feedback()).singleElement().asString()
                .contains("The check").contains("threw IllegalStateException: no");
        assertThat(checker.check(CELSIUS, "double celsius(double f) {\n  return f;").feedback())
                .singleElement().asString().startsWith("Your code is incomplete near: double celsius");
        assertThat(checker.check(CELSIUS, "double celsius(double f) { return convert(f); }").feedback())
                .singleElement().asString().contains("could not run: it uses celsius");
        assertThat(checker.check(CELSIUS, "double fahrenheit(double c) { return c; }").feedback())
                .singleElement().asString().contains("does not compile").contains("cannot find symbol");
    }

    @Test
    void anEndlessLoopIsStoppedAtTheEnginesTimeLimit() {
        Grade looped = checker.check(CELSIUS, "double celsius(double f) { while (true) { } }");
        assertThat(looped.fraction()).isZero();
        assertThat(looped.feedback()).singleElement().asString().contains("time limit of 10 s");
        Grade top = checker.check(CELSIUS, "while (true) { }");
        assertThat(top.feedback()).singleElement().asString().startsWith("Your code").contains("time limit of 10 s");
    }

    @Test
    void systemExitEndsOnlyThatChecksEngine() {
        Grade exited = checker.check(CELSIUS, "System.exit(0);");
        assertThat(exited.fraction()).isZero();
        assertThat(exited.feedback()).singleElement().asString().contains("ended the sandbox").contains("System.exit");
        assertThat(checker.check(CELSIUS, "double celsius(double f) { return (f - 32) / 1.8; }").fraction())
                .isEqualTo(1.0);
    }

    @Test
    void everyJShellCheckHasAFreshEngineThatEndsWithIt() {
        checker.check(CELSIUS, "double celsius(double f) { return 100; }\nint kept = 7;");
        Grade next = checker.check(new CodeCheck(CodeCheck.Kind.JSHELL, "kept == 7", ""), "int other = 1;");
        assertThat(next.feedback()).singleElement().asString().contains("cannot find symbol");
        assertThat(engines.aliveCount()).isLessThanOrEqualTo(engines.settings().poolSize() + 1);
    }

    // ---- JUnit checks

    @Test
    void allTestsPassingGivesFullMarksWithEveryTestListed() {
        Grade g = checker.check(DEMAND, RIGHT);
        assertThat(g.fraction()).isEqualTo(1.0);
        assertThat(g.feedback()).containsExactly("3 of 3 tests passed.", "passed: total of three meters",
                "passed: emptyAreaHasNoLoad", "passed: peakIsTheLargestReading");
    }

    @Test
    void someTestsPassingGivesThatShareWithTheAssertionMessage() {
        Grade g = checker.check(DEMAND, RIGHT.replace("max = Math.max(max, k)", "max = k"));
        assertThat(g.fraction()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(g.feedback()).first().isEqualTo("2 of 3 tests passed.");
        assertThat(g.feedback()).contains(
                "failed: peakIsTheLargestReading: peak of 1.5, 3.0, 2.0 ==> expected: <3.0> but was: <2.0>");
    }

    @Test
    void aCompileErrorScoresZeroWithItsLine() {
        Grade g = checker.check(DEMAND, "class Demand {\n    static double total(double[] kw) {\n        return kw.length\n    }\n}");
        assertThat(g.fraction()).isZero();
        assertThat(g.feedback()).first().isEqualTo("Your code does not compile:");
        assertThat(g.feedback()).contains("line 3: ';' expected");
    }

    @Test
    void testsThatDoNotCompileAgainstTheAnswerNameWhatIsMissing() {
        Grade g = checker.check(DEMAND, "class Demand {\n    static double total(double[] kw) { return 0; }\n}");
        assertThat(g.fraction()).isZero();
        assertThat(g.feedback()).first().asString().startsWith("The question's tests do not compile against your code");
        assertThat(g.feedback()).anyMatch(l -> l.contains("cannot find symbol") && l.contains("peak"));
    }

    @Test
    void anExceptionInTheAnswerFailsThatTestWithWhereItWasThrown() {
        Grade g = checker.check(DEMAND, RIGHT.replace("double max = 0;", "double max = kw[7];"));
        assertThat(g.fraction()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(g.feedback()).anyMatch(l -> l.startsWith("failed: peakIsTheLargestReading: "
                + "ArrayIndexOutOfBoundsException") && l.contains("answer.java:9"));
    }

    @Test
    void anEndlessLoopFailsItsTestAtTheTimeLimitAndTheOthersStillRun() {
        Grade g = checker.check(DEMAND, RIGHT.replace("double max = 0;", "double max = 0; while (kw.length > 0) { }"));
        assertThat(g.fraction()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(g.feedback()).contains(
                "failed: peakIsTheLargestReading: stopped: it ran longer than the time limit of 10 s");
    }

    @Test
    void systemExitFailsTheTestsThatReachIt() {
        Grade g = checker.check(DEMAND, RIGHT.replace("double sum = 0;", "double sum = 0; System.exit(3);"));
        assertThat(g.fraction()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(g.feedback()).filteredOn(l -> l.startsWith("failed:")).hasSize(2)
                .allMatch(l -> l.contains("System.exit") && l.contains("status 3"));
    }

    @Test
    void aMemoryBombFailsWithTheMemoryLimit() {
        Grade g = checker.check(DEMAND, RIGHT.replace("double sum = 0;",
                "double sum = 0; java.util.List<long[]> hog = new java.util.ArrayList<>(); "
                        + "while (kw.length >= 0) hog.add(new long[1_000_000]);"));
        assertThat(g.fraction()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(g.feedback()).filteredOn(l -> l.startsWith("failed:")).hasSize(2)
                .allMatch(l -> l.contains("OutOfMemoryError") || l.contains("memory"));
    }

    @Test
    void anAnswerCannotReplaceJUnitsAssertions() {
        Grade g = checker.check(DEMAND, """
                package org.junit.jupiter.api;

                public class Assertions {
                    public static void assertEquals(double a, double b, double d) { }
                    public static void assertEquals(double a, double b, double d, String m) { }
                }
                """);
        assertThat(g.fraction()).isZero();
        assertThat(g.feedback()).contains("line 1: package org.junit.jupiter.api belongs to JUnit; put your classes "
                + "in no package or in a package of your own");
    }

    @Test
    void aClassOfTheAnswerNamedLikeJUnitsDoesNotChangeTheTests() {
        Grade g = checker.check(DEMAND, RIGHT.replace("max = Math.max(max, k)", "max = k") + """
                class Assertions {
                    static void assertEquals(double a, double b, double d, String m) { }
                }
                """);
        assertThat(g.fraction()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void answersForgedOnTheGradersChannelDoNotCount() {
        Grade g = checker.check(DEMAND, """
                import java.io.ByteArrayOutputStream;
                import java.io.DataOutputStream;
                import java.io.FileDescriptor;
                import java.io.FileOutputStream;
                import java.io.IOException;

                class Demand {
                    static {
                        try {
                            DataOutputStream out = new DataOutputStream(new FileOutputStream(FileDescriptor.out));
                            for (int seq = 2; seq < 10; seq++) {
                                ByteArrayOutputStream body = new ByteArrayOutputStream();
                                DataOutputStream b = new DataOutputStream(body);
                                b.writeLong(seq);      // a guess at the nonce
                                b.writeByte(0);        // passed
                                b.writeInt(-1);        // no message
                                b.writeLong(0);        // nothing printed
                                b.writeInt(-1);
                                b.writeBoolean(false);
                                b.writeInt(0);         // no threads left
                                out.writeInt(0x4D324D4B);
                                out.writeByte(10);
                                out.writeInt(seq);
                                out.writeInt(body.size());
                                body.writeTo(out);
                            }
                            out.flush();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }

                    static double total(double[] kw) { return -1; }

                    static double peak(double[] kw) { return -1; }
                }
                """);
        assertThat(g.fraction()).isZero();
        assertThat(g.feedback()).filteredOn(l -> l.startsWith("failed:")).hasSize(3)
                .allMatch(l -> l.contains("forged"));
    }

    @Test
    void aTestClassWithoutTestsWaitsForTheInstructor() {
        Grade g = checker.check(new CodeCheck(CodeCheck.Kind.JUNIT, "class NoTests { void helper() { } }", ""), RIGHT);
        assertThat(g.needsManualGrading()).isTrue();
        assertThat(g.feedback()).singleElement().asString().contains("no @Test method");
    }
}
