package org.m2mkit.grader.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.m2mkit.grader.protocol.ProtocolLab;


class SubmissionCompilerTest {
    private final SubmissionCompiler compiler = new SubmissionCompiler();

    private static final String ADVISOR = """
            package p;
            import org.m2mkit.labs.api.*;
            public class %s implements ProtocolAdvisor {
                public Recommendation recommend(Scenario s) {
                    return null;
                }
            }
            """;

    @Test
    void compilesAgainstTheApiAndFindsTheClass() {
        CompileOutcome out = compiler.compile(ProtocolLab.LAB, Map.of("A.java", ADVISOR.formatted("A")));
        assertThat(out.gradable()).isTrue();
        assertThat(out.mainClass()).isEqualTo("p.A");
        assertThat(out.classes()).containsKey("p.A");
    }

    @Test
    void compileErrorsNameFileAndLine() {
        CompileOutcome out = compiler.compile(ProtocolLab.LAB, Map.of("src/A.java", "package p;\n\nclass A {\n  int x = ;\n}\n"));
        assertThat(out.gradable()).isFalse();
        assertThat(out.problems()).anySatisfy(p -> assertThat(p).startsWith("src/A.java:4: error:"));
    }

    @Test
    void theKitsOwnClassesAreNotVisibleToSubmissions() {
        CompileOutcome out = compiler.compile(ProtocolLab.LAB, Map.of("A.java",
                "package p;\nclass A { Object o = new org.m2mkit.labs.gateway.ReferenceGateway(null); }\n" + ADVISOR.formatted("B").replace("package p;", "")));
        assertThat(out.gradable()).isFalse();
        assertThat(out.problems()).anySatisfy(p -> assertThat(p).contains("A.java:2: error: package org.m2mkit.labs.gateway does not exist"));
    }

    @Test
    void missingDoubledAndReservedClassesAreReportedExactly() {
        assertThat(compiler.compile(ProtocolLab.LAB, Map.of("A.java", "package p; public class A {}")).problems())
                .containsExactly("no public class implements org.m2mkit.labs.api.ProtocolAdvisor; the submission must have "
                        + "exactly one (with a constructor public YourClass())");
        assertThat(compiler.compile(ProtocolLab.LAB, Map.of("A.java", ADVISOR.formatted("A"), "B.java", ADVISOR.formatted("B"))).problems())
                .containsExactly("the submission has 2 public classes implementing ProtocolAdvisor (p.A, p.B); it must have exactly one");
        assertThat(compiler.compile(ProtocolLab.LAB, Map.of("A.java", ADVISOR.formatted("A").replace("package p;", "package org.m2mkit.x;"))).problems())
                .containsExactly("class org.m2mkit.x.A is in package org.m2mkit.x, which belongs to the kit; put your classes in a package of your own");
        assertThat(compiler.compile(ProtocolLab.LAB, Map.of("A.java", ADVISOR.formatted("A").replace("{\n    public Recommendation", "{\n    public A(int x) {\n    }\n    public Recommendation"))).problems())
                .containsExactly("class p.A implements ProtocolAdvisor but has no constructor public A(); the grader creates it with that constructor");
    }
}
