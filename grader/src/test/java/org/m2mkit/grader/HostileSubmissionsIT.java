package org.m2mkit.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.m2mkit.grader.gateway.GatewayLab;

/**
 * Hostile submissions (fixtures/hostile, one attack each, triggered by one demand-response test) graded in
 * real sandbox JVMs. Each must be stopped within its limits with a clear message on the test it breaks, the
 * other tests must still score, nothing may change on the host, and no process may be left behind.
 */
class HostileSubmissionsIT {
    private static final Path CANARY = Path.of("/tmp/m2mkit-hostile-canary.txt");
    private static final List<Path> MUST_NOT_EXIST = List.of(Path.of("/tmp/m2mkit-hostile-exec"),
            Path.of("/tmp/m2mkit-hostile-written.txt"), Path.of("/tmp/m2mkit-hostile-hook.txt"),
            Path.of("/root/m2mkit-hostile-written.txt"), Path.of("/usr/lib/m2mkit-hostile-written.txt"));

    @TempDir
    static Path work;
    static Grader grader;
    static ServerSocket listener;
    static final AtomicInteger connections = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        grader = Grader.start(GraderConfig.defaults().withWorkDir(work).withPoolSize(2));
        Files.writeString(CANARY, "host secret");
        listener = new ServerSocket(47931, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    connections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "canary-listener");
        accept.setDaemon(true);
        accept.start();
    }

    @AfterAll
    static void stop() throws IOException {
        grader.close();
        listener.close();
        Files.deleteIfExists(CANARY);
        assertThat(connections).as("connections from the sandbox").hasValue(0);
        assertThat(strayProcesses(0)).as("processes left after the grader closed").isEmpty();
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.toList()).as("scratch directories left behind").isEmpty();
        }
    }

    /** The gateway lab's hostile submissions, then the standards lab's (a fixture names its lab in a "lab:" line). */
    static Stream<Path> fixtures() throws IOException {
        return Stream.concat(Files.list(Fixtures.fixtures().resolve("hostile")).sorted(),
                Files.list(Fixtures.fixtures().resolve("standards/hostile")).sorted());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void hostileSubmissionIsContained(Path fixture) throws IOException {
        String header = header(fixture);
        if (header.contains("// needs: bwrap")) {
            assumeTrue(grader.health().sandbox().equals("bwrap"), "needs bubblewrap for file and network isolation");
        }
        String lab = field(header, "lab");
        GradeResult r = grader.grade(lab == null ? GatewayLab.LAB : Labs.parse(lab), Submission.fromPath(fixture));

        String expectMessage = field(header, "expect-message");
        if (header.contains("// expect-gradable: false")) {
            assertThat(r.gradable()).isFalse();
            assertThat(r.output()).containsPattern(expectMessage);
            return;
        }
        assertThat(r.gradable()).isTrue();
        String report = summary(r);
        assertThat(r.score()).as(report).isEqualTo(Double.parseDouble(field(header, "expect-score")));
        if (expectMessage != null && r.score() < 100) {
            assertThat(r.tests().stream().filter(t -> !t.passed()).map(TestResult::message))
                    .as(report).anySatisfy(m -> assertThat(m).containsPattern(expectMessage));
        }
        String printed = field(header, "expect-printed");
        if (printed != null) {
            assertThat(r.tests()).anySatisfy(t -> assertThat(t.printed()).contains(printed));
        }
    }

    @AfterEach
    void hostLeftAlone() {
        for (Path p : MUST_NOT_EXIST) {
            assertThat(p).as("file written outside the sandbox").doesNotExist();
        }
        assertThat(strayProcesses(grader.config().poolSize() + 1)).as("stray processes").isEmpty();
    }

    /**
     * Descendants of this JVM that are not sandbox children waiting in the pool (at most {@code children} of them).
     * A process the pool is launching right now shows for a moment as the JDK's {@code jspawnhelper}; only what is
     * still there half a second later counts.
     */
    static List<String> strayProcesses(int children) {
        List<String> first = sample(children);
        if (first.isEmpty()) {
            return first;
        }
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> second = sample(children);
        return second.stream().filter(first::contains).toList();
    }

    private static List<String> sample(int children) {
        List<ProcessHandle> all = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        long runners = all.stream().filter(p -> command(p).contains("org.m2mkit.grader.child.ChildMain")
                && command(p).contains("java")).filter(p -> !command(p).contains("bwrap")).count();
        List<String> strays = all.stream().map(p -> p.pid() + " " + command(p))
                .filter(c -> !c.contains("bwrap") && !c.contains("org.m2mkit.grader.child.ChildMain")
                        && !c.endsWith(" "))
                .toList();
        if (runners > children) {
            return Stream.concat(strays.stream(), Stream.of(runners + " sandbox JVMs")).toList();
        }
        return strays;
    }

    private static String command(ProcessHandle p) {
        return p.info().commandLine().orElse("");
    }

    private static String header(Path fixture) throws IOException {
        Path file = fixture;
        if (Files.isDirectory(fixture)) {
            try (Stream<Path> walk = Files.walk(fixture)) {
                file = walk.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                    try {
                        return Files.readString(f).contains("// expect-");
                    } catch (IOException e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
            }
        }
        return Files.readString(file);
    }

    private static String field(String header, String key) {
        Matcher m = Pattern.compile("// " + key + ": (.+)").matcher(header);
        return m.find() ? m.group(1).strip() : null;
    }

    private static String summary(GradeResult r) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "score %.2f;", r.score()));
        for (TestResult t : r.tests()) {
            if (!t.passed()) {
                s.append("\n  ").append(t.number()).append(": ").append(t.message());
            }
        }
        return s.toString();
    }
}
