package org.m2mkit.bench.jshell;

import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.m2mkit.content.ContentLoader;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.accounts.AccountRepository;
import org.m2mkit.web.accounts.Auth;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.accounts.SessionStore;
import org.m2mkit.web.app.Pages;
import org.m2mkit.web.app.Features;
import org.m2mkit.web.app.WebApp;
import org.m2mkit.grader.Grader;
import org.m2mkit.grader.GraderConfig;
import org.m2mkit.grader.SubmissionRateLimiter;
import org.m2mkit.grader.codecheck.SandboxCodeChecker;
import org.m2mkit.labs.broker.EmbeddedBroker;
import org.m2mkit.web.grading.Grading;
import org.m2mkit.web.labs.KitBroker;
import org.m2mkit.web.labs.LiveLab;
import org.m2mkit.web.db.Database;
import org.m2mkit.web.health.Health;
import org.m2mkit.web.jshell.NotebookSettings;
import org.m2mkit.web.jshell.SessionRegistry;
import org.m2mkit.web.lessons.ProgressStore;
import org.m2mkit.web.quizzes.Quizzes;

/**
 * Measures the lesson notebooks through their HTTP API, in one run: warm evaluation latency of one session,
 * the same snippet in the JDK's {@code jshell} tool (its default JDI engine), and 50 students evaluating at once
 * (latency, and memory per session: server heap and the engines' resident memory).
 *
 * <p>Run: {@code ./mvnw -q -B -Pbench -DskipTests -pl bench -am package && java -cp
 * "bench/target/m2mkit-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" org.m2mkit.bench.jshell.JShellBench [students]}
 */
public final class JShellBench {
    /** Redefines the same variable, as a student re-running a cell does (each new expression would add a class). */
    private static final String SNIPPET = "int answer = 6 * 7;";
    /** Evaluations before the measured ones (both sides); {@code -Dm2mkit.bench.warmup=N} for a longer warm-up. */
    private static final int WARMUP = Integer.getInteger("m2mkit.bench.warmup", 50);
    private static final int MEASURED = 200;
    private static final int LOAD_EVALS = 20;
    private static final Pattern VALUE = Pattern.compile("\"value\":\"42\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String base;

    public static void main(String[] args) throws Exception {
        int students = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        new JShellBench().run(students);
    }

    private void run(int students) throws Exception {
        Path data = Files.createTempDirectory("jshell-bench");
        NotebookSettings defaults = NotebookSettings.defaults();
        // the per-student rate limit is policy, not cost: the benchmark lifts it so one student can run 350 cells
        NotebookSettings settings = defaults.withRates(100_000, 100_000, 100_000)
                .withEngines(defaults.engines().withPool(2, students + 10));
        try (Database db = Database.open("jdbc:h2:" + data.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE");
             SessionRegistry notebooks = new SessionRegistry(settings, data.resolve("jshell"));
             KitBroker broker = KitBroker.embedded(EmbeddedBroker.start("127.0.0.1", 0), "127.0.0.1");
             Grader grader = Grader.start(GraderConfig.defaults().withPoolSize(0));
             LiveLab live = LiveLab.withDefaults(broker, grader, id -> java.util.Optional.empty());
             SandboxCodeChecker codeChecks = new SandboxCodeChecker(notebooks::engines, SandboxCodeChecker.defaults())) {
            // the lab pages are registered too, as in the kit, but idle: the benchmark measures the notebooks
            Grading grading = new Grading(db.dataSource(), grader, SubmissionRateLimiter.defaults()).recover();
            AccountRepository accounts = new AccountRepository(db.dataSource());
            SessionStore sessions = new SessionStore(db.dataSource(), Duration.ofDays(1));
            var chapter = ContentLoader.load();
            Auth auth = new Auth(sessions, true);
            Quizzes quizzes = Quizzes.start(db.dataSource(), chapter, codeChecks);
            Pages pages = new Pages(Map.of("kitVersion", "bench", "mermaidVersion", "", "codemirrorVersion", ""));
            Javalin app = WebApp.create(pages, Features.all(new Features.Shared(chapter, pages, new Health(), accounts,
                    auth, new org.m2mkit.web.accounts.SignInLimiter(), new ProgressStore(db.dataSource()), quizzes, grading, live, db.dataSource(), notebooks,
                    org.m2mkit.web.lti.Lti.create(db.dataSource(), accounts, auth, grading, quizzes))), route -> { });
            app.start("127.0.0.1", 0);
            base = "http://127.0.0.1:" + app.port();
            try {
                System.out.printf(Locale.ROOT, "machine: %d cores, %s, Java %s, sandbox %s, load average %s%n",
                        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                        System.getProperty("java.version"), notebooks.engines().mode(), loadAverage());
                List<Student> all = new ArrayList<>();
                for (int i = 0; i < students; i++) {
                    Account a = accounts.create("bench" + i, "Bench " + i, Role.STUDENT,
                            "bench-password-" + i, false);
                    all.add(new Student(sessions.open(a.id()), SessionStore.newToken()));
                }
                notebooks.engines().awaitReady(Duration.ofSeconds(120));
                compare(all.get(0), notebooks);
                load(all, notebooks);
                System.out.println("load average at the end: " + loadAverage());
            } finally {
                app.stop();
            }
        }
    }

    private record Student(String session, String csrf) {}

    private HttpResponse<String> post(Student s, String path, String json) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Cookie", Auth.SESSION_COOKIE + "=" + s.session() + "; " + Auth.CSRF_COOKIE + "=" + s.csrf())
                .header(Auth.CSRF_HEADER, s.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private String open(Student s, String lesson) throws Exception {
        String body = post(s, "/api/jshell/sessions", "{\"lesson\":\"" + lesson + "\"}").body();
        Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no session id in " + body);
        }
        return m.group(1);
    }

    /** One evaluation of the snippet; its latency in nanoseconds. */
    private long eval(Student s, String id) throws Exception {
        long t0 = System.nanoTime();
        String body = post(s, "/api/jshell/sessions/" + id + "/eval", "{\"code\":\"" + SNIPPET + "\"}").body();
        long took = System.nanoTime() - t0;
        if (!VALUE.matcher(body).find()) {
            throw new IllegalStateException("unexpected answer: " + body);
        }
        return took;
    }

    /**
     * The kit over HTTP and the jshell tool, measured in turns (kit, tool, kit, ...) so that both see the same
     * load on the machine.
     */
    private void compare(Student s, SessionRegistry notebooks) throws Exception {
        String id = open(s, "warm");
        eval(s, id);
        // taking an engine starts another for the pool: let it finish before anything is measured
        notebooks.engines().awaitReady(Duration.ofSeconds(120));
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        Process p = new ProcessBuilder(jshell.toString(), "--feedback", "normal").redirectErrorStream(true).start();
        try (Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
             BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            long[] kit = new long[MEASURED];
            long[] tool = new long[MEASURED];
            long[] before = null;
            Map<String, Long> threadsBefore = Map.of();
            Map<String, Long> toolBefore = Map.of();
            long loopStart = 0;
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                if (i == WARMUP) {
                    threadsBefore = threadTicks(ProcessHandle.current().pid());
                    toolBefore = threadTicks(p.pid());
                    before = split(p);
                    loopStart = System.nanoTime();
                }
                long k = eval(s, id);
                long t0 = System.nanoTime();
                in.write(SNIPPET + "\n");
                in.flush();
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.contains("==> 42")) {
                        break;
                    }
                }
                long t = System.nanoTime() - t0;
                if (i >= WARMUP) {
                    kit[i - WARMUP] = k;
                    tool[i - WARMUP] = t;
                }
            }
            long[] after = split(p);
            Map<String, Long> threadsAfter = threadTicks(ProcessHandle.current().pid());
            Map<String, Long> toolAfter = threadTicks(p.pid());
            long loopMs = (System.nanoTime() - loopStart) / 1_000_000;
            // what the three would have spent idle over the same time (timers, the pool's warm engines, GC)
            Thread.sleep(loopMs);
            long[] idle = split(p);
            Map<String, Long> threadsIdle = threadTicks(ProcessHandle.current().pid());
            in.write("/exit\n");
            in.flush();
            report("kit, one warm session over HTTP (`" + SNIPPET + "`)", kit);
            report("jshell tool (JDK " + Runtime.version().feature() + ", default JDI engine), same snippet", tool);
            System.out.printf(Locale.ROOT, "ratio of medians: jshell tool / kit = %.2f%n",
                    (double) percentile(tool, 50) / percentile(kit, 50));
            // CPU time spent per evaluation hardly depends on what else the machine runs
            double[] busy = new double[3];
            double[] quiet = new double[3];
            for (int k = 0; k < 3; k++) {
                busy[k] = (after[k] - before[k]) * 10.0 / MEASURED;
                quiet[k] = (idle[k] - after[k]) * 10.0 / MEASURED;
            }
            System.out.printf(Locale.ROOT, "after %d warm-up evaluations, CPU per evaluation over %d evaluations in %d ms: kit %.1f ms (server JVM "
                    + "with the benchmark's HTTP client %.1f, engine JVMs %.1f), jshell tool %.1f ms (tool and its JDI "
                    + "agent JVM); ratio kit / tool %.2f%n", WARMUP, MEASURED, loopMs, busy[0] + busy[1], busy[0], busy[1],
                    busy[2], (busy[0] + busy[1]) / busy[2]);
            System.out.printf(Locale.ROOT, "the same time idle, per evaluation: server JVM %.1f ms, engine JVMs "
                    + "%.1f ms, jshell tool %.1f ms; without it: kit %.1f ms, jshell tool %.1f ms; ratio kit / tool "
                    + "%.2f%n", quiet[0], quiet[1], quiet[2], busy[0] + busy[1] - quiet[0] - quiet[1],
                    busy[2] - quiet[2], (busy[0] + busy[1] - quiet[0] - quiet[1]) / (busy[2] - quiet[2]));
            // the benchmark's own side in this JVM: its HTTP client and the main thread (which also feeds the tool)
            double client = (clientTicks(threadsAfter) - clientTicks(threadsBefore)) * 10.0 / MEASURED;
            double clientIdle = (clientTicks(threadsIdle) - clientTicks(threadsAfter)) * 10.0 / MEASURED;
            double kitOnly = busy[0] + busy[1] - quiet[0] - quiet[1] - (client - clientIdle);
            System.out.printf(Locale.ROOT, "the benchmark's HTTP client and main thread %.1f ms; without them and "
                    + "idle-corrected: kit %.1f ms, jshell tool %.1f ms; ratio kit / tool %.2f%n", client, kitOnly,
                    busy[2] - quiet[2], kitOnly / (busy[2] - quiet[2]));
            printThreads("server JVM threads, CPU per evaluation:", threadsBefore, threadsAfter);
            printThreads("jshell tool JVM threads, CPU per evaluation:", toolBefore, toolAfter);
            printThreads("the same threads idle, per evaluation's worth of time:", threadsAfter, threadsIdle);
        } finally {
            p.destroy();
        }
    }

    private void load(List<Student> students, SessionRegistry notebooks) throws Exception {
        int n = students.size();
        System.gc();
        long heapBefore = usedHeap();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            long t0 = System.nanoTime();
            List<Future<String>> opened = new ArrayList<>();
            for (Student s : students) {
                opened.add(pool.submit(() -> {
                    String id = open(s, "load");
                    eval(s, id);
                    return id;
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : opened) {
                ids.add(f.get());
            }
            System.out.printf(Locale.ROOT, "%d sessions opened and run once (engines started as needed) in %.1f s%n",
                    n, (System.nanoTime() - t0) / 1e9);
            System.gc();
            long heapAfter = usedHeap();
            long childRss = childRssKb();
            System.out.printf(Locale.ROOT, "memory per session: server heap %.1f MB, engine JVM resident %.1f MB "
                    + "(%d engine JVMs, %.0f MB resident in all)%n", (heapAfter - heapBefore) / 1e6 / n,
                    childRss / 1024.0 / Math.max(1, notebooks.engines().aliveCount()),
                    notebooks.engines().aliveCount(), childRss / 1024.0);

            for (boolean paced : new boolean[] {true, false}) {
                List<Future<long[]>> runs = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Student s = students.get(i);
                    String id = ids.get(i);
                    runs.add(pool.submit(() -> {
                        long[] t = new long[LOAD_EVALS];
                        for (int k = 0; k < LOAD_EVALS; k++) {
                            if (paced) {
                                Thread.sleep(ThreadLocalRandom.current().nextLong(1_000, 3_000));
                            }
                            t[k] = eval(s, id);
                        }
                        return t;
                    }));
                }
                long[] all = new long[n * LOAD_EVALS];
                int at = 0;
                for (Future<long[]> f : runs) {
                    long[] t = f.get();
                    System.arraycopy(t, 0, all, at, t.length);
                    at += t.length;
                }
                report(n + " students at once, " + (paced ? "each running a cell every 1-3 s (a class at work)"
                        : "each running cells back to back (saturation)"), all);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * CPU ticks so far of this JVM (the server and the benchmark's HTTP client), of the engine JVMs it started,
     * and of the jshell tool with its agent JVM.
     */
    private static long[] split(Process tool) {
        long toolTicks = cpuTicks(tool.toHandle());
        long own = ticks(ProcessHandle.current());
        long tree = cpuTicks(ProcessHandle.current());
        return new long[] {own, tree - own - toolTicks, toolTicks};
    }

    /** CPU ticks of this JVM's threads, summed by name with the numbers left out (pools are one line). */
    private static Map<String, Long> threadTicks(long pid) {
        Map<String, Long> byName = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("(?<=[^C])[0-9]+", "#");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byName.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return byName;
        }
        return byName;
    }

    private static long clientTicks(Map<String, Long> threads) {
        return threads.entrySet().stream().filter(e -> e.getKey().startsWith("HttpClient") || e.getKey().equals("java"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Where the server JVM's CPU of the measured evaluations went, by thread, per evaluation. */
    private static void printThreads(String title, Map<String, Long> before, Map<String, Long> after) {
        StringBuilder line = new StringBuilder(title);
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(12)
                .forEach(e -> line.append(String.format(Locale.ROOT, " %s %.1f ms;", e.getKey(),
                        e.getValue() * 10.0 / MEASURED)));
        System.out.println(line);
    }

    private static long ticks(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU time of a process and all it started, in clock ticks of 10 ms (from /proc). */
    private static long cpuTicks(ProcessHandle root) {
        return java.util.stream.Stream.concat(Stream.of(root), root.descendants()).mapToLong(JShellBench::ticks).sum();
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long usedHeap() {
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    /** Resident memory of the engine JVMs (the java processes this JVM started). */
    private static long childRssKb() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .mapToLong(p -> {
                    try {
                        for (String l : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
                            if (l.startsWith("VmRSS:")) {
                                return Long.parseLong(l.substring(6).replace("kB", "").strip());
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        return 0;
                    }
                    return 0;
                }).sum();
    }

    private static long percentile(long[] t, int p) {
        long[] s = t.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    private static void report(String what, long[] t) {
        System.out.printf(Locale.ROOT, "%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)%n", what,
                percentile(t, 50) / 1e6, percentile(t, 99) / 1e6, percentile(t, 100) / 1e6, t.length);
    }
}
