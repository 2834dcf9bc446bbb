package org.m2mkit.grader.codecheck;

import java.util.function.Supplier;
import org.m2mkit.content.questions.CodeCheck;
import org.m2mkit.content.questions.CodeChecker;
import org.m2mkit.content.questions.Grade;
import org.m2mkit.grader.GraderConfig;
import org.m2mkit.grader.jshell.JShellEngines;
import org.m2mkit.grader.sandbox.SandboxMode;

/**
 * Checks code questions' answers in the grader's sandbox, never in the caller's process. JShell checks run on the
 * server's JShell engines (the notebooks' pool, with their limits); JUnit checks compile the answer with the
 * question's tests here and run each test in a sandbox child JVM under {@code junit}'s limits. Thread-safe; close
 * it to end the JUnit children (the JShell engines belong to whoever supplied them).
 */
public final class SandboxCodeChecker implements CodeChecker, AutoCloseable {
    private final JShellCheck jshell;
    private final JUnitCheck junit;

    /**
     * @param engines the JShell engines, asked for on the first JShell check (so that they may start lazily)
     * @param junit   limits, sandbox policy, work directory, warm pool size and concurrency of the JUnit children
     */
    public SandboxCodeChecker(Supplier<JShellEngines> engines, GraderConfig junit) {
        this.jshell = new JShellCheck(engines);
        this.junit = new JUnitCheck(junit);
    }

    /** Settings for the JUnit children of a server: the grader's defaults, one warm child, two checks at once. */
    public static GraderConfig defaults() {
        return GraderConfig.defaults().withPoolSize(1).withConcurrency(2);
    }

    @Override
    public Grade check(CodeCheck check, String source) {
        return switch (check.kind()) {
            case JSHELL -> jshell.check(check.check(), source);
            case JUNIT -> junit.check(check.check(), source);
        };
    }

    /** How JUnit children are confined, once the first JUnit check has started them; null before. */
    public SandboxMode junitMode() {
        return junit.mode();
    }

    @Override
    public void close() {
        junit.close();
    }
}
