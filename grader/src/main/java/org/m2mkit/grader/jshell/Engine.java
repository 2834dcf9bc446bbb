package org.m2mkit.grader.jshell;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import org.m2mkit.grader.jshell.Results.Diagnostic;
import org.m2mkit.grader.sandbox.Child;
import org.m2mkit.grader.sandbox.ChildLauncher;

/**
 * One JShell whose snippets run in one sandbox child. Not thread-safe: its session calls it from one thread at a
 * time. {@link #evaluate} stops a snippet that runs past the time limit, and kills the child if it does not stop.
 */
final class Engine implements AutoCloseable {
    private static final int MAX_SUGGESTIONS = 200;

    private final Child child;
    private final JShell shell;
    private final Printed printed;
    private final JShellSettings settings;
    private final ScheduledExecutorService timer;
    /** Whether the time limit stopped the current snippet. */
    private final AtomicBoolean timedOut = new AtomicBoolean();
    /** Set when JShell lost its execution engine (the child exited, crashed or was killed). */
    private volatile boolean shutDown;

    private Engine(Child child, JShell shell, Printed printed, JShellSettings settings,
                   ScheduledExecutorService timer) {
        this.child = child;
        this.shell = shell;
        this.printed = printed;
        this.settings = settings;
        this.timer = timer;
    }

    /** Starts a child, connects a JShell to it and warms both up with one evaluation. */
    static Engine start(ChildLauncher launcher, Child child, JShellSettings settings, ScheduledExecutorService timer) {
        Printed printed = new Printed(settings.outputBytes());
        PrintStream user = new PrintStream(printed, true, StandardCharsets.UTF_8);
        SandboxExecution execution = new SandboxExecution(child);
        JShell shell = JShell.builder()
                .out(user).err(user).in(new ByteArrayInputStream(new byte[0]))
                .executionEngine(execution, Map.of())
                .compilerOptions("--class-path", launcher.classPath().toString())
                .build();
        Engine engine = new Engine(child, shell, printed, settings, timer);
        execution.watch(engine::watchRun);
        shell.onShutdown(j -> engine.shutDown = true);
        shell.eval("import org.m2mkit.labs.api.*;");
        shell.eval("int $warm = 1 + 1;");
        shell.sourceCodeAnalysis().completionSuggestions("Str", 3, new int[1]);
        printed.take();
        return engine;
    }

    boolean alive() {
        return !shutDown && child.isAlive() && child.endReason() == null;
    }

    /** After JShell lost the child: waits for it to be gone, so that its exit status tells why. */
    private void awaitEnd() {
        long end = System.nanoTime() + 3_000_000_000L;
        while (child.isAlive() && System.nanoTime() < end) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (child.isAlive()) {
            child.kill("it stopped answering");
        }
    }

    /** Why the engine ended, for the student; null while it runs. */
    String endReason() {
        return child.endReason();
    }

    Child child() {
        return child;
    }

    /** Evaluates every snippet of {@code cell}; stops at the first snippet that took the engine down. */
    List<Results.Snippet> evaluate(String cell) {
        List<Results.Snippet> results = new ArrayList<>();
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String rest = cell;
        int offset = 0;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            String source;
            int consumed;
            if (info.completeness().isComplete()) {
                source = info.source();
                consumed = rest.length() - info.remaining().length();
            } else if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            } else {
                source = rest;
                consumed = rest.length();
            }
            // JShell keeps the text as written (it only appends a missing semicolon), so positions in the
            // snippet are positions in the cell from where it was taken
            Results.Snippet r = evaluateOne(source, offset, offset + leadingSpace(source),
                    offset + consumed - trailingSpace(rest.substring(0, consumed)));
            results.add(r);
            if (r.status().equals("ended")) {
                break;
            }
            offset += consumed;
            rest = rest.substring(consumed);
        }
        return results;
    }

    /** How many blank characters a snippet's source starts with. */
    private static int leadingSpace(String source) {
        int lead = 0;
        while (lead < source.length() && Character.isWhitespace(source.charAt(lead))) {
            lead++;
        }
        return lead;
    }

    private static int trailingSpace(String text) {
        return text.length() - text.stripTrailing().length();
    }

    /**
     * The time limit of one run of student code in the child: past it the snippet is asked to stop, and past
     * the grace period as well the child is killed. Compiling in the server is not counted.
     */
    private SandboxExecution.Watching watchRun() {
        long timeout = settings.evalTimeout().toMillis();
        ScheduledFuture<?> stopper = timer.schedule(() -> {
            timedOut.set(true);
            shell.stop();
        }, timeout, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> killer = timer.schedule(() -> child.kill("it ran longer than the time limit of "
                + seconds(settings.evalTimeout()) + " and did not stop when asked"),
                timeout + settings.stopGrace().toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            stopper.cancel(false);
            killer.cancel(false);
        };
    }

    private Results.Snippet evaluateOne(String source, int base, int start, int end) {
        timedOut.set(false);
        List<SnippetEvent> events;
        try {
            events = shell.eval(source);
        } catch (IllegalStateException e) {
            events = List.of();
        }
        if (shutDown || main(events) == null) {
            awaitEnd();
        }
        boolean cut = printed.cut();
        String output = printed.take();
        SnippetEvent main = main(events);
        if (!alive() || main == null) {
            String why = alive() ? "the engine did not answer" : endReason();
            return new Results.Snippet(start, end, source, "statement", "ended", null, null,
                    "the JShell engine ended: " + why, List.of(), output, cut);
        }
        Snippet snippet = main.snippet();
        List<Diagnostic> diagnostics = shell.diagnostics(snippet)
                .map(d -> new Diagnostic(d.getMessage(Locale.ENGLISH), base + (int) Math.max(0, d.getStartPosition()),
                        base + (int) Math.max(d.getStartPosition() + 1, d.getEndPosition()), d.isError()))
                .toList();
        String status;
        String exception = null;
        if (main.status() == Snippet.Status.REJECTED) {
            status = "error";
        } else if (timedOut.get() || main.exception() != null && isStop(main.exception())) {
            status = "stopped";
            exception = "stopped: it ran longer than the time limit of " + seconds(settings.evalTimeout());
        } else if (main.exception() != null) {
            status = "exception";
            exception = describe(main.exception());
        } else if (main.status() == Snippet.Status.RECOVERABLE_DEFINED
                || main.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            status = "recoverable";
            exception = "defined, but it can be used only once "
                    + String.join(", ", shell.unresolvedDependencies((DeclarationSnippet) snippet).toList())
                    + " is declared";
        } else {
            status = "ok";
        }
        String name = snippet instanceof DeclarationSnippet d ? d.name() : null;
        String value = main.value();
        return new Results.Snippet(start, end, source, kind(snippet), status, name, value, exception, diagnostics,
                output, cut);
    }

    /** The event of the snippet itself (the others are updates of snippets that depend on it). */
    private static SnippetEvent main(List<SnippetEvent> events) {
        return events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
    }

    private static boolean isStop(JShellException e) {
        return e instanceof EvalException ee && ee.getExceptionClassName() != null
                && ee.getExceptionClassName().endsWith("StoppedException");
    }

    private static String describe(JShellException e) {
        if (e instanceof UnresolvedReferenceException u) {
            return "it uses " + u.getSnippet().name() + ", which cannot run until "
                    + "what it needs is declared";
        }
        if (e instanceof EvalException ee) {
            String message = ee.getMessage();
            return ee.getExceptionClassName() + (message == null ? "" : ": " + message);
        }
        return e.getMessage();
    }

    private static String kind(Snippet s) {
        return switch (s.kind()) {
            case EXPRESSION -> "expression";
            case VAR -> "variable";
            case METHOD -> "method";
            case TYPE_DECL -> "type";
            case IMPORT -> "import";
            case STATEMENT -> "statement";
            case ERRONEOUS -> "error";
        };
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    Results.Completions complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<String> suggestions = shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor).stream()
                .sorted((a, b) -> Boolean.compare(b.matchesType(), a.matchesType()))
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .limit(MAX_SUGGESTIONS)
                .toList();
        return new Results.Completions(anchor[0], suggestions);
    }

    List<Results.Doc> document(String code, int cursor) {
        return shell.sourceCodeAnalysis().documentation(code, cursor, true).stream()
                .map(d -> new Results.Doc(d.signature(), d.javadoc()))
                .limit(20)
                .toList();
    }

    @Override
    public void close() {
        try {
            shell.close();
        } catch (RuntimeException e) {
            // the child may already be gone
        }
        child.close();
    }
}
