package org.m2mkit.grader.codecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.content.questions.Body;
import org.m2mkit.content.questions.BundledBanks;
import org.m2mkit.content.questions.CodeCheck;
import org.m2mkit.content.questions.GiftParser;
import org.m2mkit.content.questions.Grade;
import org.m2mkit.content.questions.Question;
import org.m2mkit.grader.GenerousLimits;
import org.m2mkit.grader.GraderConfig;
import org.m2mkit.grader.Processes;
import org.m2mkit.grader.jshell.JShellEngines;

/**
 * Every code question the chapter ships has a reference answer in {@code codecheck/reference/<name>.java|.jsh}
 * that earns full marks in the sandbox, and its starter code compiles and earns less.
 */
class ChapterCodeQuestionsIT {
    @TempDir
    Path work;

    @Test
    void everyShippedCodeQuestionIsAnsweredInFullByItsReferenceAndNotByItsStarter() throws IOException {
        List<Question> code = new ArrayList<>();
        for (BundledBanks.BankFile file : BundledBanks.list()) {
            new GiftParser().parse(file.text(), file.name()).stream()
                    .filter(q -> q.body() instanceof Body.Code).forEach(code::add);
        }
        assertThat(code).extracting(q -> ((Body.Code) q.body()).check().kind())
                .contains(CodeCheck.Kind.JSHELL, CodeCheck.Kind.JUNIT);
        // limits no reference answer comes near, even on a busy machine
        try (JShellEngines engines = new JShellEngines(GenerousLimits.jshell().withPool(0, 4), work.resolve("j"), org.m2mkit.grader.sandbox.SandboxPolicy.BWRAP);
             SandboxCodeChecker checker = new SandboxCodeChecker(() -> engines, GraderConfig.defaults()
                     .withWorkDir(work.resolve("g")).withPoolSize(0).withLimits(GenerousLimits.junit()))) {
            for (Question q : code) {
                CodeCheck check = ((Body.Code) q.body()).check();
                String extension = check.kind() == CodeCheck.Kind.JUNIT ? ".java" : ".jsh";
                Grade reference = checker.check(check, reference(q.name() + extension));
                assertThat(reference.fraction()).as(q.name() + ": " + reference.feedback()).isEqualTo(1.0);
                Grade starter = checker.check(check, check.starter());
                assertThat(starter.fraction()).as(q.name() + " starter: " + starter.feedback()).isNotNull()
                        .isLessThan(1.0);
            }
        }
        assertThat(Processes.strays()).isEmpty();
    }

    private static String reference(String name) throws IOException {
        try (InputStream in = ChapterCodeQuestionsIT.class.getResourceAsStream("/codecheck/reference/" + name)) {
            assertThat(in).as("reference answer codecheck/reference/" + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
