package org.m2mkit.web.quizzes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.m2mkit.content.questions.CodeCheck;
import org.m2mkit.content.questions.Grade;

/** Code answers run in JShell's own child JVM. */
class JShellCheckerTest {

    final JShellChecker checker = new JShellChecker(Duration.ofSeconds(20));
    final CodeCheck celsius = new CodeCheck(CodeCheck.Kind.JSHELL, "Math.abs(celsius(212) - 100) < 1e-9", "");

    @Test
    void aRightAnswerPassesAndAWrongOneSaysWhy() {
        assertThat(checker.check(celsius, "double celsius(double f) {\n  return (f - 32) * 5.0 / 9;\n}"))
                .isEqualTo(Grade.of(1, "The check Math.abs(celsius(212) - 100) < 1e-9 passed."));
        Grade wrong = checker.check(celsius, "double celsius(double f) { return (f - 32) * 5 / 9.5; }");
        assertThat(wrong.fraction()).isZero();
        assertThat(wrong.feedback()).singleElement().asString().contains("gave false");
    }

    @Test
    void compileErrorsExceptionsAndEndlessLoopsScoreZeroWithAReason() {
        assertThat(checker.check(celsius, "double celsius(double f) { return f - ; }").feedback())
                .singleElement().asString().contains("does not compile");
        assertThat(checker.check(celsius, "double celsius(double f) { throw new IllegalStateException(\"no\"); }").feedback())
                .singleElement().asString().contains("IllegalStateException");
        JShellChecker quick = new JShellChecker(Duration.ofSeconds(3));
        assertThat(quick.check(celsius, "double celsius(double f) { while (true) { } }").feedback())
                .singleElement().asString().contains("did not finish within 3 seconds");
    }
}
