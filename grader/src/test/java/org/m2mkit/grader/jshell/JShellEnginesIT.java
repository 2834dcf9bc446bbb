package org.m2mkit.grader.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.grader.GenerousLimits;

/** Real engines in real sandbox child JVMs: ordinary cells, and every hostile case that applies to a snippet. */
class JShellEnginesIT {
    @TempDir
    static Path work;
    static JShellEngines engines;

    @BeforeAll
    static void start() throws InterruptedException {
        engines = new JShellEngines(GenerousLimits.jshell(), work, org.m2mkit.grader.sandbox.SandboxPolicy.BWRAP);
        assertThat(engines.awaitReady(Duration.ofSeconds(60))).isTrue();
    }

    @AfterAll
    static void stop() {
        engines.close();
    }

    private static Results.Snippet only(Results.Cell cell) {
        assertThat(cell.snippets()).hasSize(1);
        return cell.snippets().get(0);
    }

    @Test
    void aLaterCellSeesWhatAnEarlierCellDefined() {
        try (JShellSession s = engines.open()) {
            Results.Cell first = s.evaluate("int meters = 50;\nint perMeter = 3;");
            assertThat(first.snippets()).extracting(Results.Snippet::status).containsExactly("ok", "ok");
            assertThat(first.snippets()).extracting(Results.Snippet::name).containsExactly("meters", "perMeter");
            assertThat(first.snippets().get(1).start()).isEqualTo("int meters = 50;\n".length());
            Results.Snippet second = only(s.evaluate("meters * perMeter"));
            assertThat(second.status()).isEqualTo("ok");
            assertThat(second.value()).isEqualTo("150");
        }
    }

    @Test
    void cellsBuildLabTypesAndPrint() {
        try (JShellSession s = engines.open()) {
            Results.Cell cell = s.evaluate("""
                    import org.m2mkit.labs.api.*;
                    import org.m2mkit.labs.wire.SenmlRecord;
                    var r = new MeterReading("meter-01", "north", 1_000, 2.5);
                    System.out.println("kW " + r.kw());
                    SenmlRecord.value("power", "kW", r.kw()).v()
                    """);
            assertThat(cell.snippets()).extracting(Results.Snippet::status).containsOnly("ok");
            assertThat(cell.snippets().get(3).output()).isEqualTo("kW 2.5\n");
            assertThat(cell.snippets().get(4).value()).isEqualTo("2.5");
        }
    }

    @Test
    void aCompileErrorIsReportedAtItsPositionInTheCell() {
        try (JShellSession s = engines.open()) {
            String cell = "int a = 1;\nString b = a + ;\n";
            Results.Cell result = s.evaluate(cell);
            Results.Snippet bad = result.snippets().get(1);
            assertThat(bad.status()).isEqualTo("error");
            assertThat(bad.diagnostics()).isNotEmpty();
            Results.Diagnostic d = bad.diagnostics().get(0);
            assertThat(d.error()).isTrue();
            assertThat(d.start()).isBetween(cell.indexOf("String"), cell.indexOf(';', cell.indexOf("String")));
        }
    }

    @Test
    void theServersOwnClassesAreNotOnTheCellsClassPath() {
        try (JShellSession s = engines.open()) {
            Results.Snippet r = only(s.evaluate("org.m2mkit.grader.jshell.JShellEngines e = null;"));
            assertThat(r.status()).isEqualTo("error");
        }
    }

    @Test
    void anExceptionIsAnAnswerNotACrash() {
        try (JShellSession s = engines.open()) {
            Results.Snippet r = only(s.evaluate("Integer.parseInt(\"x\")"));
            assertThat(r.status()).isEqualTo("exception");
            assertThat(r.exception()).contains("NumberFormatException");
            assertThat(only(s.evaluate("1 + 1")).value()).isEqualTo("2");
        }
    }

    @Test
    void anEndlessLoopIsStoppedAndTheSessionGoesOn() {
        try (JShellSession s = engines.open()) {
            s.evaluate("int kept = 7;");
            Results.Cell looped = s.evaluate("while (true) {}");
            boolean stops = JShellEngines.stopsRunawaySnippets();
            assertThat(only(looped).status()).isEqualTo(stops ? "stopped" : "ended");
            assertThat(looped.notice()).contains("time limit of 10 s");
            Results.Cell after = s.evaluate("kept + 1");
            if (!stops) {
                // this JVM cannot stop threads: the engine was replaced, and replay brings the variable back
                assertThat(only(after).status()).isEqualTo("error");
                assertThat(after.restarted()).isTrue();
                Results.Replay replay = s.replay();
                assertThat(replay.cells()).isEqualTo(1);
                assertThat(only(s.evaluate("kept + 1")).value()).isEqualTo("8");
            } else {
                assertThat(only(after).value()).isEqualTo("8");
            }
        }
    }

    @Test
    void systemExitEndsOnlyThatEngine() {
        try (JShellSession s = engines.open(); JShellSession other = engines.open()) {
            other.evaluate("int mine = 3;");
            s.evaluate("int kept = 7;");
            Results.Cell exited = s.evaluate("System.exit(0);");
            assertThat(only(exited).status()).isEqualTo("ended");
            assertThat(exited.notice()).contains("System.exit").contains("replay");
            Results.Cell next = s.evaluate("kept");
            assertThat(next.restarted()).isTrue();
            assertThat(s.replay().failed()).isZero();
            assertThat(only(s.evaluate("kept")).value()).isEqualTo("7");
            assertThat(only(other.evaluate("mine")).value()).isEqualTo("3");
        }
    }

    @Test
    void aHeapBlowUpIsContained() {
        try (JShellSession s = engines.open()) {
            Results.Cell cell = s.evaluate("""
                    var hog = new java.util.ArrayList<long[]>();
                    while (true) hog.add(new long[1_000_000]);
                    """);
            Results.Snippet r = cell.snippets().get(cell.snippets().size() - 1);
            assertThat(r.status()).isIn("exception", "ended");
            assertThat(r.status().equals("exception") ? r.exception() : cell.notice())
                    .containsAnyOf("OutOfMemoryError", "memory");
            assertThat(only(s.evaluate("6 * 7")).value()).isEqualTo("42");
        }
    }

    @Test
    void tooManyThreadsEndTheEngine() {
        try (JShellSession s = engines.open()) {
            Results.Cell cell = s.evaluate("""
                    for (int i = 0; i < 500; i++) {
                        try {
                            new Thread(() -> { try { Thread.sleep(60_000); } catch (InterruptedException e) { } }).start();
                        } catch (OutOfMemoryError e) {
                            break;
                        }
                    }
                    Thread.sleep(60_000);
                    """);
            // the cell waits far longer than the watchdog takes to see the threads, so only it can end the cell
            assertThat(cell.notice()).contains("too many threads");
            assertThat(only(s.evaluate("1")).value()).isEqualTo("1");
        }
    }

    @Test
    void anOutputFloodIsCutWithANotice() {
        try (JShellSession s = engines.open()) {
            Results.Snippet r = only(s.evaluate("for (int i = 0; i < 1_000_000; i++) System.out.println(\"spam \" + i);"));
            assertThat(r.outputCut()).isTrue();
            assertThat(r.output().length()).isLessThanOrEqualTo(engines.settings().outputBytes());
            assertThat(r.output()).startsWith("spam 0\n");
        }
    }

    @Test
    void filesOutsideScratchAndTheNetworkAreOutOfReach() {
        try (JShellSession s = engines.open()) {
            Results.Cell files = s.evaluate("""
                    java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("java.home"), "x"), "x")
                    """);
            assertThat(only(files).status()).isEqualTo("exception");
            if (engines.mode() == org.m2mkit.grader.sandbox.SandboxMode.BWRAP) {
                Results.Cell net = s.evaluate("new java.net.Socket(\"127.0.0.1\", 80)");
                assertThat(only(net).status()).isEqualTo("exception");
                Results.Cell secrets = s.evaluate("java.nio.file.Files.exists(java.nio.file.Path.of(\""
                        + work.toAbsolutePath() + "\"))");
                assertThat(only(secrets).value()).isEqualTo("false");
            }
        }
    }

    @Test
    void completionsAndDocumentationComeFromTheEngine() {
        try (JShellSession s = engines.open()) {
            s.evaluate("String greeting = \"hi\";");
            Results.Completions c = s.complete("greeting.toUpp", 14);
            assertThat(c.anchor()).isEqualTo(9);
            assertThat(c.suggestions()).contains("toUpperCase(");
            List<Results.Doc> docs = s.document("Math.max(", 9);
            assertThat(docs).extracting(Results.Doc::signature).anyMatch(sig -> sig.contains("max(int"));
        }
    }
}
