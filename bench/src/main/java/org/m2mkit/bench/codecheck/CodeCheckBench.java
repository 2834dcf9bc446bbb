package org.m2mkit.bench.codecheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.m2mkit.content.questions.Body;
import org.m2mkit.content.questions.BundledBanks;
import org.m2mkit.content.questions.CodeCheck;
import org.m2mkit.content.questions.GiftParser;
import org.m2mkit.content.questions.Grade;
import org.m2mkit.content.questions.Question;
import org.m2mkit.grader.codecheck.SandboxCodeChecker;
import org.m2mkit.grader.jshell.JShellEngines;
import org.m2mkit.grader.jshell.JShellSettings;

/**
 * How long a student waits for a code question's grade: the chapter's JUnit question (5 tests) and JShell
 * question, checked one after another with the kit's settings (one warm JUnit child, two warm JShell engines).
 * Usage: {@code java -cp ... org.m2mkit.bench.codecheck.CodeCheckBench [checks]}.
 */
public final class CodeCheckBench {

    static final String SPIKE_FILTER = """
            import java.util.HashMap;
            import java.util.Map;

            class SpikeFilter {
                private final double thresholdKw;
                private final long cooldownMs;
                private final Map<String, Long> last = new HashMap<>();

                SpikeFilter(double thresholdKw, long cooldownMs) {
                    this.thresholdKw = thresholdKw;
                    this.cooldownMs = cooldownMs;
                }

                boolean alert(String meterId, long timestampMs, double kw) {
                    Long before = last.get(meterId);
                    if (kw < thresholdKw || before != null && timestampMs - before < cooldownMs) {
                        return false;
                    }
                    last.put(meterId, timestampMs);
                    return true;
                }
            }
            """;

    static final String VOLUME = """
            long megabytesPerMonth(int devices, int messagesPerDay, int bytesPerMessage) {
                return (long) devices * messagesPerDay * bytesPerMessage * 30 / 1_000_000;
            }
            """;

    private CodeCheckBench() {
    }

    public static void main(String[] args) throws Exception {
        int checks = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        CodeCheck junit = check("gw-code-spike-filter");
        CodeCheck jshell = check("cell-code-data-volume");
        Path work = Files.createTempDirectory("codecheck-bench");
        try (JShellEngines engines = new JShellEngines(JShellSettings.defaults(), work.resolve("jshell"),
                org.m2mkit.grader.sandbox.SandboxPolicy.BWRAP);
             SandboxCodeChecker checker = new SandboxCodeChecker(() -> engines,
                     SandboxCodeChecker.defaults().withWorkDir(work.resolve("grader")))) {
            System.out.printf(Locale.ROOT, "JDK %s, %d cores, load average %s%n", Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip());
            long t = System.nanoTime();
            expectFull(checker.check(junit, SPIKE_FILTER));
            System.out.printf(Locale.ROOT, "first JUnit check (no warm child yet): %d ms, sandbox %s%n",
                    (System.nanoTime() - t) / 1_000_000, checker.junitMode());
            engines.awaitReady(Duration.ofSeconds(60));
            Thread.sleep(3_000); // the JUnit pool's warm child
            report("JUnit check, 5 tests", times(checker, junit, SPIKE_FILTER, checks, engines));
            report("JShell check", times(checker, jshell, VOLUME, checks, engines));
        }
    }

    private static List<Long> times(SandboxCodeChecker checker, CodeCheck check, String answer, int n,
                                    JShellEngines engines) throws InterruptedException {
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            expectFull(checker.check(check, answer));
            ms.add((System.nanoTime() - t) / 1_000_000);
            // as between students: the pools refill before the next check
            engines.awaitReady(Duration.ofSeconds(60));
            Thread.sleep(1_500);
        }
        return ms;
    }

    private static void expectFull(Grade g) {
        if (g.fraction() == null || g.fraction() < 1) {
            throw new IllegalStateException("the reference answer did not pass: " + g.feedback());
        }
    }

    private static void report(String what, List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: %d checks, median %d ms, p90 %d ms, max %d ms%n", what, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1),
                sorted.get(sorted.size() - 1));
    }

    private static CodeCheck check(String name) {
        for (BundledBanks.BankFile file : BundledBanks.list()) {
            for (Question q : new GiftParser().parse(file.text(), file.name())) {
                if (q.name().equals(name) && q.body() instanceof Body.Code code) {
                    return code.check();
                }
            }
        }
        throw new IllegalStateException("no code question " + name + " in the chapter's banks");
    }
}
