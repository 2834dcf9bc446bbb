package org.m2mkit.grader.codecheck;

import java.io.DataInputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.launcher.core.LauncherFactory;
import org.m2mkit.content.questions.Grade;
import org.m2mkit.grader.GraderConfig;
import org.m2mkit.grader.child.ChildMain;
import org.m2mkit.grader.child.Wire;
import org.m2mkit.grader.sandbox.ChildFailure;
import org.m2mkit.grader.sandbox.ChildLauncher;
import org.m2mkit.grader.sandbox.ChildPool;
import org.m2mkit.grader.sandbox.ClassPathTree;
import org.m2mkit.grader.sandbox.SandboxMode;
import org.m2mkit.grader.sandbox.SandboxSession;
import org.m2mkit.labs.api.Gateway;
import org.opentest4j.AssertionFailedError;

/**
 * A JUnit-kind code question: the answer and the question's JUnit 5 test class are compiled together in this
 * process, then each {@code @Test} method runs in a sandbox child JVM (the lab grader's child program, with the
 * JUnit Platform added to its class path) under the grader's limits. A test that takes its child down (endless
 * loop, exit, memory) fails with the reason, and the next test gets a fresh child. The grade is the share of
 * tests passed.
 */
final class JUnitCheck implements AutoCloseable {
    /** Longest failure message shown per test. */
    static final int MAX_MESSAGE = 300;
    /** Most compiler messages shown. */
    static final int MAX_PROBLEMS = 10;

    private static final SecureRandom NONCES = new SecureRandom();

    private final GraderConfig config;
    private final Semaphore slots;
    private QuestionCompiler compiler;
    private ChildPool pool;
    private boolean closed;

    JUnitCheck(GraderConfig config) {
        this.config = config.validate();
        this.slots = new Semaphore(config.concurrency(), true);
    }

    /** The child's class path: the labs API, the child program, and the JUnit Platform with the Jupiter engine. */
    static TreeMap<String, byte[]> childClassPath() {
        TreeMap<String, byte[]> files = ClassPathTree.read(Gateway.class, "org/m2mkit/labs/api/");
        files.putAll(ClassPathTree.read(ChildMain.class, "org/m2mkit/grader/child/"));
        files.putAll(ClassPathTree.read(Test.class, "org/junit/jupiter/api/"));
        files.putAll(ClassPathTree.read(JupiterTestEngine.class, "org/junit/jupiter/engine/"));
        files.putAll(ClassPathTree.read(TestEngine.class, "org/junit/platform/engine/"));
        files.putAll(ClassPathTree.read(LauncherFactory.class, "org/junit/platform/launcher/"));
        files.putAll(ClassPathTree.read(Testable.class, "org/junit/platform/commons/"));
        files.putAll(ClassPathTree.read(AssertionFailedError.class, "org/opentest4j/"));
        files.putAll(ClassPathTree.read(org.apiguardian.api.API.class, "org/apiguardian/"));
        return files;
    }

    /** The compiler and the pool of children, made on the first JUnit check (a kit without one starts no JVM). */
    private synchronized ChildPool pool() {
        if (closed) {
            throw new IllegalStateException("the code checker is shut down");
        }
        if (pool == null) {
            compiler = new QuestionCompiler();
            ChildLauncher launcher = new ChildLauncher(config.limits(), config.workDir().resolve("code-questions"),
                    config.sandbox(), childClassPath(), ChildMain.class.getName(),
                    List.of(Long.toString(config.limits().outputBytes()), ChildMain.JUNIT_ARG));
            pool = new ChildPool(launcher, config.poolSize());
        }
        return pool;
    }

    private synchronized QuestionCompiler compiler() {
        pool();
        return compiler;
    }

    /** How children are confined, once the first check has started them; null before. */
    synchronized SandboxMode mode() {
        return pool == null ? null : pool.launcher().mode();
    }

    Grade check(String tests, String answer) {
        QuestionCompiler.Compiled compiled;
        try {
            compiled = compiler().compile(answer, tests);
        } catch (IllegalStateException e) {
            return Grade.manual("The code checker is not available (" + e.getMessage() + "); your instructor grades "
                    + "this answer.");
        }
        if (!compiled.answerProblems().isEmpty()) {
            return Grade.of(0, problems("Your code does not compile", compiled.answerProblems()));
        }
        if (!compiled.testProblems().isEmpty()) {
            return Grade.of(0, problems("The question's tests do not compile against your code (check the names, "
                    + "parameters and return types the question asks for)", compiled.testProblems()));
        }
        if (compiled.tests().isEmpty()) {
            return Grade.manual("The question's test class has no @Test method; your instructor grades this answer.");
        }
        try {
            if (!slots.tryAcquire(config.limits().gradingBudget().toMillis(), TimeUnit.MILLISECONDS)) {
                return Grade.manual("The code checker was busy for too long; your instructor grades this answer.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Grade.manual("The check was interrupted; your instructor grades this answer.");
        }
        try {
            return run(compiled);
        } catch (IllegalStateException e) {
            return Grade.manual("The code checker could not run the tests (" + e.getMessage() + "); your instructor "
                    + "grades this answer.");
        } finally {
            slots.release();
        }
    }

    private Grade run(QuestionCompiler.Compiled compiled) {
        List<String> lines = new ArrayList<>();
        int passed = 0;
        String first = compiled.tests().get(0).className();
        try (SandboxSession session = new SandboxSession(pool(), compiled.classes(), first)) {
            for (QuestionCompiler.TestMethod test : compiled.tests()) {
                String outcome = runOne(session, test);
                if (outcome == null) {
                    passed++;
                    lines.add("passed: " + test.displayName());
                } else {
                    lines.add("failed: " + test.displayName() + ": " + cap(outcome));
                }
            }
        }
        int total = compiled.tests().size();
        lines.add(0, passed + " of " + total + " tests passed.");
        return Grade.of((double) passed / total, lines.toArray(String[]::new));
    }

    /** Runs one test; null when it passed, else why not. */
    private static String runOne(SandboxSession session, QuestionCompiler.TestMethod test) {
        long nonce = NONCES.nextLong();
        try {
            SandboxSession.Answer answer = session.call(Wire.JUNIT, out -> {
                Wire.writeString(out, test.className());
                Wire.writeString(out, test.method());
                Wire.writeString(out, test.parameterTypes());
                out.writeLong(nonce);
            }, session.limits().caseTimeout());
            DataInputStream in = answer.in();
            if (in.readLong() != nonce) {
                session.drop();
                return "the answer on the grader's channel was not written by the test runner (it was forged); "
                        + "the test does not count";
            }
            byte status = in.readByte();
            String message = Wire.readString(in);
            SandboxSession.Tail tail = answer.tail();
            if (tail.lingeringThreads() > 0) {
                session.drop(); // threads the code left running must not reach the next test
            }
            if (tail.overOutputLimit()) {
                return "it printed " + tail.printedBytes() + " bytes, more than the limit of "
                        + session.limits().outputBytes();
            }
            return status == Wire.OK ? null : message == null ? "it did not pass" : message;
        } catch (ChildFailure e) {
            return "stopped: " + e.getMessage();
        } catch (IOException e) {
            session.drop();
            return "the sandbox sent an answer the grader could not read";
        }
    }

    private static String[] problems(String head, List<String> problems) {
        List<String> lines = new ArrayList<>();
        lines.add(head + ":");
        problems.stream().limit(MAX_PROBLEMS).map(JUnitCheck::cap).forEach(lines::add);
        if (problems.size() > MAX_PROBLEMS) {
            lines.add("and " + (problems.size() - MAX_PROBLEMS) + " more");
        }
        return lines.toArray(String[]::new);
    }

    private static String cap(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= MAX_MESSAGE ? one : one.substring(0, MAX_MESSAGE - 1) + "…";
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) {
            pool.close();
            compiler.close();
        }
    }
}
