package org.m2mkit.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.m2mkit.grader.compile.CompileOutcome;
import org.m2mkit.grader.compile.SubmissionCompiler;
import org.m2mkit.grader.sandbox.ClassPathTree;
import org.m2mkit.labs.UserError;

/**
 * The registry lists every lab, and each lab provides every part a lab needs: adding a lab is adding its package
 * and one line in {@link Labs}.
 */
class LabsTest {
    @Test
    void theRegistryListsEveryLabOnce() {
        assertThat(Labs.all()).extracting(Lab::id).containsExactly("gateway", "protocol", "standards");
        for (Lab lab : Labs.all()) {
            assertThat(Labs.parse(lab.id().toUpperCase(java.util.Locale.ROOT))).isSameAs(lab);
        }
        assertThatThrownBy(() -> Labs.parse("modbus")).isInstanceOf(UserError.class)
                .hasMessageContaining("unknown lab 'modbus'").hasMessageContaining("standards");
    }

    @Test
    void aLabIsWrittenAsItsIdInJson() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (Lab lab : Labs.all()) {
            assertThat(json.writeValueAsString(lab)).isEqualTo("\"" + lab.id() + "\"");
        }
    }

    @Test
    void everyLabProvidesEveryPart() {
        Set<String> titles = new HashSet<>();
        for (Lab lab : Labs.all()) {
            String pkg = lab.getClass().getPackageName();
            assertThat(titles.add(lab.title())).as("titles differ").isTrue();
            assertThat(lab.shortTitle()).isNotBlank();
            assertThat(lab.contract().isInterface()).as(lab.id() + " contract").isTrue();
            assertThat(lab.maxScore()).isPositive();
            // the runner lives apart from the suite, in the lab's own child package, so no case reaches the sandbox
            assertThat(lab.runner().getPackageName()).isEqualTo(pkg + ".child");
            assertThat(ClassPathTree.read(lab.getClass(), pkg.replace('.', '/') + "/child/")).isNotEmpty();
            for (String folder : lab.contractFolders()) {
                assertThat(folder).startsWith(pkg.replace('.', '/') + "/").endsWith("/");
                assertThat(ClassPathTree.read(lab.getClass(), folder)).as(folder).isNotEmpty();
            }
            assertThat(lab.studentClass()).matches("[A-Z]\\w+");
            assertThat(lab.visibleTests()).isNotEmpty();
            assertThat(lab.scoring()).isNotBlank();
            assertThat(Lab.class.getClassLoader().getResource("content/handouts/" + lab.handout() + ".md"))
                    .as(lab.id() + " handout").isNotNull();
        }
    }

    @Test
    void everyLabsStarterClassCompilesAgainstTheLabsContractAlone() {
        try (SubmissionCompiler compiler = new SubmissionCompiler()) {
            for (Lab lab : Labs.all()) {
                CompileOutcome out = compiler.compile(lab, java.util.Map.of(lab.studentClass() + ".java", lab.skeleton()));
                assertThat(out.gradable()).as(lab.id() + ": " + out.problems()).isTrue();
                assertThat(out.mainClass()).isEqualTo("student." + lab.studentClass());
            }
        }
    }

    @Test
    void theSandboxHoldsEveryRunnerButNoSuite() {
        Set<String> names = Labs.sandboxClasses().keySet();
        for (Lab lab : Labs.all()) {
            assertThat(names).contains(lab.runner().getName().replace('.', '/') + ".class");
            assertThat(names).doesNotContain(lab.getClass().getName().replace('.', '/') + ".class");
        }
        assertThat(names).noneMatch(n -> n.contains("Suite") || n.contains("Cases") || n.contains("Reference"));
        assertThat(Labs.runnerNames()).hasSize(Labs.all().size());
        assertThat(List.copyOf(Labs.contractClasses().keySet())).anyMatch(n -> n.startsWith("org/m2mkit/labs/api/"));
    }
}
