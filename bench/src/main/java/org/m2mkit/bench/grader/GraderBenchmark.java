package org.m2mkit.bench.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.m2mkit.grader.GradeResult;
import org.m2mkit.grader.Grader;
import org.m2mkit.grader.GraderConfig;

import org.m2mkit.grader.Submission;
import org.m2mkit.grader.gateway.GatewayLab;
import org.m2mkit.grader.starter.StarterKit;

/**
 * Grading latency and throughput of the gateway lab, measured in one run:
 * <ol>
 *   <li>warm: the reference gateway graded through the service API with a warm pool of sandbox JVMs;</li>
 *   <li>cold sandbox: the same with no pool (every grading boots its sandbox JVM);</li>
 *   <li>cold Maven: {@code mvn -o test} of the starter kit with the reference solution (the visible tests only);</li>
 *   <li>throughput: 100 submissions queued at once, graded by the service with 1 and with 2 gradings at a time.</li>
 * </ol>
 * Usage: {@code GraderBenchmark <kit root> [warm runs] [cold runs] [queued]}; the kit root holds mvnw and labs/.
 */
public final class GraderBenchmark {
    private GraderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int warmRuns = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int coldRuns = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int queued = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        Submission reference = reference(root);
        Path work = Files.createTempDirectory("m2mkit-grader-bench");
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();

        List<Double> warm;
        String sandbox;
        try (Grader grader = Grader.start(GraderConfig.defaults().withWorkDir(work.resolve("warm")).withPoolSize(2))) {
            sandbox = grader.health().sandbox();
            grader.awaitWarm(Duration.ofSeconds(60));
            for (int i = 0; i < 5; i++) {
                check(grader.grade(GatewayLab.LAB, reference));
            }
            warm = new ArrayList<>();
            for (int i = 0; i < warmRuns; i++) {
                grader.awaitWarm(Duration.ofSeconds(30));
                long t = System.nanoTime();
                check(grader.grade(GatewayLab.LAB, reference));
                warm.add(seconds(t));
            }
        }

        List<Double> cold = new ArrayList<>();
        try (Grader grader = Grader.start(GraderConfig.defaults().withWorkDir(work.resolve("cold")).withPoolSize(0))) {
            check(grader.grade(GatewayLab.LAB, reference));
            for (int i = 0; i < coldRuns; i++) {
                long t = System.nanoTime();
                check(grader.grade(GatewayLab.LAB, reference));
                cold.add(seconds(t));
            }
        }

        List<Double> maven = new ArrayList<>();
        Path kit = work.resolve("kit");
        StarterKit.write(GatewayLab.LAB, kit);
        Files.writeString(kit.resolve("src/main/java/student/MyGateway.java"),
                reference.files().values().iterator().next().replace("ReferenceGateway", "MyGateway")
                        .replace("package solution;", "package student;"));
        mavenTest(root, kit);
        for (int i = 0; i < Math.max(3, coldRuns / 3); i++) {
            long t = System.nanoTime();
            mavenTest(root, kit);
            maven.add(seconds(t));
        }

        List<double[]> throughput = new ArrayList<>();
        for (int concurrency : new int[] {1, 2}) {
            GraderConfig config = GraderConfig.defaults().withWorkDir(work.resolve("queue" + concurrency))
                    .withPoolSize(2).withConcurrency(concurrency);
            try (Grader grader = Grader.start(config)) {
                grader.awaitWarm(Duration.ofSeconds(60));
                check(grader.grade(GatewayLab.LAB, reference));
                List<CompletableFuture<GradeResult>> all = new ArrayList<>();
                long t = System.nanoTime();
                for (int i = 0; i < queued; i++) {
                    all.add(grader.submit(GatewayLab.LAB, reference, false, p -> { }));
                }
                for (CompletableFuture<GradeResult> f : all) {
                    check(f.get(30, TimeUnit.MINUTES));
                }
                throughput.add(new double[] {concurrency, seconds(t)});
            }
        }

        System.out.printf(Locale.ROOT, "sandbox: %s, %d cores, Java %s%n", sandbox,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        print("warm grading (pool of 2)", warm);
        print("cold grading (no pool)", cold);
        print("cold mvn -o test of the starter kit (visible tests only)", maven);
        System.out.printf(Locale.ROOT, "median ratio cold mvn test / warm grading: %.1fx%n", median(maven) / median(warm));
        System.out.printf(Locale.ROOT, "median ratio cold grading / warm grading: %.1fx%n", median(cold) / median(warm));
        for (double[] run : throughput) {
            System.out.printf(Locale.ROOT, "throughput, concurrency %d: %d queued submissions in %.1f s = %.2f s each, %.0f per minute%n",
                    (int) run[0], queued, run[1], run[1] / queued, queued * 60 / run[1]);
        }
        System.out.printf(Locale.ROOT, "load average at the start: %s%n", loadBefore);
        System.out.printf(Locale.ROOT, "load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static Submission reference(Path root) throws IOException {
        Path source = root.resolve("labs/src/main/java/org/m2mkit/labs/gateway/ReferenceGateway.java");
        String text = Files.readString(source).replace("package org.m2mkit.labs.gateway;", "package solution;");
        return Submission.ofSource("ReferenceGateway.java", text);
    }

    private static void check(GradeResult r) {
        if (!r.gradable() || r.score() != 100.0) {
            throw new IllegalStateException("the reference gateway scored " + r.score() + ": " + r.output());
        }
    }

    private static void mavenTest(Path root, Path kit) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(root.resolve("mvnw").toString(), "-q", "-o", "-B", "-f", kit.resolve("pom.xml").toString(), "test")
                .redirectErrorStream(true).redirectOutput(kit.resolve("mvn.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("mvn test of the starter kit failed; see " + kit.resolve("mvn.log"));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> xs) {
        return percentile(xs, 50);
    }

    private static double percentile(List<Double> xs, double p) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int i = (int) Math.ceil(p / 100 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }

    private static void print(String what, List<Double> xs) {
        System.out.printf(Locale.ROOT, "%-58s n=%3d  p50 %.3f s  p99 %.3f s  min %.3f s  max %.3f s%n", what, xs.size(),
                percentile(xs, 50), percentile(xs, 99), Collections.min(xs), Collections.max(xs));
    }
}
