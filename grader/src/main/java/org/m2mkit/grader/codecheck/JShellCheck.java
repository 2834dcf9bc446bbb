package org.m2mkit.grader.codecheck;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.m2mkit.content.questions.Grade;
import org.m2mkit.grader.jshell.JShellBusyException;
import org.m2mkit.grader.jshell.JShellEngines;
import org.m2mkit.grader.jshell.JShellSession;
import org.m2mkit.grader.jshell.Results;

/**
 * A JShell-kind code question, checked on one of the notebooks' sandboxed JShell engines: the answer's snippets
 * run in order, then the question's check expression must evaluate to {@code true}. Each check has a fresh
 * engine of its own, ended afterwards, so nothing of one student's answer reaches another's.
 */
final class JShellCheck {
    private final Supplier<JShellEngines> engines;

    JShellCheck(Supplier<JShellEngines> engines) {
        this.engines = engines;
    }

    Grade check(String check, String answer) {
        JShellEngines all;
        try {
            all = engines.get();
        } catch (RuntimeException e) {
            return Grade.manual("The code checker is not available (" + e.getMessage() + "); your instructor "
                    + "grades this answer.");
        }
        try (JShellSession session = all.open()) {
            Results.Cell code = session.evaluate(answer);
            String problem = problem(code, answer, "Your code");
            if (problem != null) {
                return Grade.of(0, problem);
            }
            Results.Cell result = session.evaluate(check);
            problem = problem(result, check, "The check " + check);
            if (problem != null) {
                return Grade.of(0, problem + (problem.contains("does not compile") ? " (does your code declare what "
                        + "the question asks for, with the same name?)" : ""));
            }
            List<Results.Snippet> snippets = result.snippets();
            String value = snippets.isEmpty() ? null : snippets.get(snippets.size() - 1).value();
            return "true".equals(value) ? Grade.of(1, "The check " + check + " passed.")
                    : Grade.of(0, "The check " + check + " gave " + value + ", not true.");
        } catch (IllegalArgumentException e) {
            return Grade.of(0, "Your code is too long: " + e.getMessage() + ".");
        } catch (JShellBusyException e) {
            return Grade.manual("The code checker is busy (" + e.getMessage() + "); your instructor grades this "
                    + "answer.");
        }
    }

    /** Why a cell went wrong, in one sentence that starts with {@code who}; null when every snippet ran. */
    private static String problem(Results.Cell cell, String text, String who) {
        for (Results.Snippet s : cell.snippets()) {
            switch (s.status()) {
                case "error" -> {
                    List<Results.Diagnostic> errors = s.diagnostics().stream().filter(Results.Diagnostic::error)
                            .toList();
                    if (errors.stream().anyMatch(d -> d.message().toLowerCase(Locale.ROOT)
                            .contains("reached end of file"))) {
                        return who + " is incomplete near: " + firstLine(s.source());
                    }
                    return who + " does not compile: " + errors.stream()
                            .map(d -> line(text, d.start()) + d.message().lines().findFirst().orElse("").strip())
                            .collect(Collectors.joining("; "));
                }
                case "exception" -> {
                    String thrown = s.exception() == null ? "an exception" : s.exception();
                    boolean named = thrown.split("[:\\s]", 2)[0].contains(".");
                    return named ? who + " threw " + simple(thrown) + " when it ran."
                            : who + " could not run: " + thrown + ".";
                }
                case "stopped" -> {
                    return who + " did not finish: it " + s.exception().replaceFirst("^stopped: it ", "") + ".";
                }
                case "ended" -> {
                    return who + " ended the sandbox it ran in: "
                            + s.exception().replaceFirst("^the JShell engine ended: ", "") + ".";
                }
                default -> {
                    // "ok", and "recoverable": defined, and whatever it is missing shows when the check uses it
                }
            }
        }
        return null;
    }

    /** {@code "line 3: "} for an offset in a text of several lines; nothing for a one-line text. */
    private static String line(String text, int offset) {
        if (text.strip().indexOf('\n') < 0) {
            return "";
        }
        return "line " + (text.substring(0, Math.min(Math.max(offset, 0), text.length())).chars()
                .filter(c -> c == '\n').count() + 1) + ": ";
    }

    /** {@code java.lang.IllegalStateException: no} as {@code IllegalStateException: no}. */
    private static String simple(String exception) {
        int colon = exception.indexOf(':');
        String name = colon < 0 ? exception : exception.substring(0, colon);
        return name.substring(name.lastIndexOf('.') + 1) + (colon < 0 ? "" : exception.substring(colon));
    }

    private static String firstLine(String s) {
        return s.strip().lines().findFirst().orElse("").strip();
    }
}
