package org.m2mkit.web.quizzes;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.m2mkit.content.questions.CodeCheck;
import org.m2mkit.content.questions.CodeChecker;
import org.m2mkit.content.questions.Grade;

/**
 * Checks code answers with the JDK's JShell API. JShell runs the code in a child JVM of its own (small heap), never
 * in the kit's process; a run that takes longer than the time limit is stopped. The student's snippets are
 * evaluated in order, then the question's check expression must evaluate to {@code true}.
 *
 * <p>JUnit checks need the grader's test runner; until it is connected they wait for an instructor's grade.
 */
public final class JShellChecker implements CodeChecker {

    private final Duration limit;

    public JShellChecker(Duration limit) {
        this.limit = limit;
    }

    @Override
    public Grade check(CodeCheck check, String source) {
        if (check.kind() == CodeCheck.Kind.JUNIT) {
            return Grade.manual("This answer is checked with JUnit tests by the grader; your instructor grades it.");
        }
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "m2mkit-code-check");
            t.setDaemon(true);
            return t;
        });
        try (JShell shell = JShell.builder().remoteVMOptions("-Xmx128m", "-XX:TieredStopAtLevel=1").build()) {
            Future<Grade> result = runner.submit(() -> run(shell, check.check(), source));
            try {
                return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                shell.stop();
                result.cancel(true);
                return Grade.of(0, "Your code did not finish within " + limit.toSeconds() + " seconds.");
            } catch (ExecutionException e) {
                return Grade.of(0, "Your code could not be run: " + e.getCause().getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Grade.manual("The check was interrupted; your instructor grades this answer.");
        } catch (IllegalStateException e) {
            return Grade.manual("The code checker could not start (" + e.getMessage() + "); your instructor grades this answer.");
        } finally {
            runner.shutdownNow();
        }
    }

    private static Grade run(JShell shell, String check, String source) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = source;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                return Grade.of(0, "Your code is incomplete near: " + firstLine(remaining));
            }
            String problem = problem(shell, shell.eval(info.source()));
            if (problem != null) {
                return Grade.of(0, problem);
            }
            remaining = info.remaining();
        }
        List<SnippetEvent> events = shell.eval(check);
        String problem = problem(shell, events);
        if (problem != null) {
            return Grade.of(0, "The check " + check + " could not run with your code: " + problem);
        }
        String value = events.isEmpty() ? null : events.get(events.size() - 1).value();
        return "true".equals(value) ? Grade.of(1, "The check " + check + " passed.")
                : Grade.of(0, "The check " + check + " gave " + value + ", not true.");
    }

    private static String problem(JShell shell, List<SnippetEvent> events) {
        for (SnippetEvent e : events) {
            if (e.exception() != null) {
                String name = e.exception() instanceof jdk.jshell.EvalException ee ? ee.getExceptionClassName()
                        : e.exception().getClass().getName();
                return "running it threw " + name.substring(name.lastIndexOf('.') + 1)
                        + (e.exception().getMessage() == null ? "" : ": " + e.exception().getMessage());
            }
            if (e.status() == Snippet.Status.REJECTED) {
                String diags = shell.diagnostics(e.snippet())
                        .map(d -> d.getMessage(java.util.Locale.ENGLISH)).collect(Collectors.joining("; "));
                return "it does not compile: " + diags;
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        return s.strip().lines().findFirst().orElse("");
    }
}
