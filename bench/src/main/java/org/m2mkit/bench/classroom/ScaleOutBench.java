package org.m2mkit.bench.classroom;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Several kits and grader workers on one PostgreSQL database: {@code --submissions} students (imported with one
 * roster import) each submit the reference gateway once, spread over the kits in turn, as fast as the kits accept
 * them. The database then says when each was graded and by which worker: the turnaround (submitted to graded, both
 * written on this machine's clock), the throughput of each worker, and whether every submission has exactly one
 * result, graded in one go. Finally every submission is read back over HTTP from a kit other than the one it was
 * submitted to. {@code bench/scaleout.sh} starts PostgreSQL, Mosquitto, the kits and the workers and runs this.
 *
 * <pre>
 * java -cp "bench/target/m2mkit-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
 *     org.m2mkit.bench.classroom.ScaleOutBench --kits http://127.0.0.1:7071/,http://127.0.0.1:7072/ \
 *     --db-url jdbc:postgresql://127.0.0.1:5432/m2mkit --db-user m2mkit --db-password PW \
 *     [--submissions 500] [--senders 8] [--instructor instructor] [--password m2m-instructor] [--sources .]
 * </pre>
 */
public final class ScaleOutBench {

    private ScaleOutBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = ClassroomBench.options(args);
        String[] kits = ClassroomBench.required(o, "kits").split(",");
        String dbUrl = ClassroomBench.required(o, "db-url");
        String dbUser = ClassroomBench.required(o, "db-user");
        String dbPassword = ClassroomBench.required(o, "db-password");
        int count = Integer.parseInt(o.getOrDefault("submissions", "500"));
        int senders = Integer.parseInt(o.getOrDefault("senders", "8"));
        String source = Classroom.gateways(Path.of(o.getOrDefault("sources", "."))).get(Student.Gateway.CORRECT);
        System.setProperty("http.maxConnections", String.valueOf(2 * senders + 8));

        System.out.printf(Locale.ROOT, "java %s, %d cores, load average %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), ClassroomBench.loadAverage());
        String tag = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
        List<String[]> roster = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            roster.add(new String[] {String.format(Locale.ROOT, "scale-%s-%03d", tag, i), "Scale Student " + i,
                    "scale-" + tag + "-" + i + "-pw"});
        }
        ClassroomBench.importRoster(kits[0], o.getOrDefault("instructor", "instructor"),
                o.getOrDefault("password", "m2m-instructor"), roster);
        System.out.printf(Locale.ROOT, "roster of %d students imported through %s%n", count, kits[0]);

        // each sender signs its students in and submits for them, one after the other, as fast as the kits answer
        ConcurrentLinkedQueue<long[]> accepted = new ConcurrentLinkedQueue<>(); // submission id, kit index
        List<String> refused = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    int kit = i % kits.length;
                    try {
                        Browser b = new Browser(kits[kit]);
                        b.get("/sign-in", "text/html");
                        Browser.Answer in = b.postForm("/sign-in", Map.of("username", roster.get(i)[0], "password",
                                roster.get(i)[2], "next", "/"), "text/html");
                        Browser.Answer a = in.status() == 303 ? b.postForm("/labs/gateway/submissions",
                                Map.of("source", source), "application/json") : in;
                        if (a.status() == 202) {
                            long id = Long.parseLong(a.body().replaceAll("(?s)^.*\"id\"\\s*:\\s*(\\d+).*$", "$1"));
                            accepted.add(new long[] {id, kit});
                        } else {
                            synchronized (refused) {
                                refused.add("HTTP " + a.status() + ": " + a.body());
                            }
                        }
                    } catch (Exception e) {
                        synchronized (refused) {
                            refused.add(e.toString());
                        }
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double submitSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%d submissions accepted in %.1f s (%.1f per second), %d refused%n",
                accepted.size(), submitSeconds, accepted.size() / submitSeconds, refused.size());
        refused.stream().limit(5).forEach(r -> System.out.println("  refused: " + r));

        List<Long> ids = accepted.stream().map(a -> a[0]).toList();
        String idList = ids.stream().map(String::valueOf).reduce((x, y) -> x + "," + y).orElse("0");
        try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
            int open;
            do {
                Thread.sleep(1000);
                open = (int) single(c, "SELECT COUNT(*) FROM lab_submission WHERE id IN (" + idList
                        + ") AND status NOT IN ('DONE', 'FAILED')");
            } while (open > 0 && System.nanoTime() < deadline);
            double allSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "all graded %.1f s after the first submission (%d still open)%n",
                    allSeconds, open);
            report(c, idList, ids.size());
        }
        verifyOverHttp(kits, accepted);
        System.out.printf(Locale.ROOT, "load average at the end %s%n", ClassroomBench.loadAverage());
    }

    private static void report(Connection c, String idList, int accepted) throws Exception {
        Histogram turnaround = new Histogram(3_600_000L, 3);
        Map<String, long[]> workers = new LinkedHashMap<>(); // graded, first graded ms, last graded ms
        int rows = 0;
        int doneOnce = 0;
        int full = 0;
        long firstSubmitted = Long.MAX_VALUE;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT status, attempts, worker_id, score, submitted_at, graded_at "
                     + "FROM lab_submission WHERE id IN (" + idList + ") ORDER BY id")) {
            while (rs.next()) {
                rows++;
                if (rs.getString(1).equals("DONE") && rs.getInt(2) == 1) {
                    doneOnce++;
                }
                if (rs.getDouble(4) == 100.0) {
                    full++;
                }
                long submitted = rs.getTimestamp(5).getTime();
                firstSubmitted = Math.min(firstSubmitted, submitted);
                if (rs.getTimestamp(6) != null) {
                    long graded = rs.getTimestamp(6).getTime();
                    turnaround.recordValue(Math.max(0, graded - submitted));
                    long[] w = workers.computeIfAbsent(rs.getString(3), k -> new long[] {0, Long.MAX_VALUE, 0});
                    w[0]++;
                    w[1] = Math.min(w[1], graded);
                    w[2] = Math.max(w[2], graded);
                }
            }
        }
        System.out.printf(Locale.ROOT, "result rows %d for %d accepted submissions; DONE and graded in one go: %d; "
                + "full marks: %d%n", rows, accepted, doneOnce, full);
        System.out.printf(Locale.ROOT, "turnaround (submitted -> graded): p50 %.2f s, p99 %.2f s, max %.2f s%n",
                turnaround.getValueAtPercentile(50) / 1000.0, turnaround.getValueAtPercentile(99) / 1000.0,
                turnaround.getMaxValue() / 1000.0);
        for (Map.Entry<String, long[]> w : workers.entrySet()) {
            double seconds = (w.getValue()[2] - firstSubmitted) / 1000.0;
            System.out.printf(Locale.ROOT, "worker %-40s graded %4d in %6.1f s = %.2f per second%n", w.getKey(),
                    w.getValue()[0], seconds, w.getValue()[0] / seconds);
        }
    }

    /** Reads every submission back, as the instructor, through a kit other than the one it was submitted to. */
    private static void verifyOverHttp(String[] kits, ConcurrentLinkedQueue<long[]> accepted) throws Exception {
        List<Browser> instructors = new ArrayList<>();
        for (String kit : kits) {
            Browser b = new Browser(kit);
            b.get("/sign-in", "text/html");
            b.postForm("/sign-in", Map.of("username", "instructor", "password", "m2m-instructor", "next", "/"),
                    "text/html");
            instructors.add(b);
        }
        int seen = 0;
        for (long[] a : accepted) {
            Browser.Answer r = instructors.get((int) (a[1] + 1) % kits.length).get("/api/submissions/" + a[0],
                    "application/json");
            if (r.status() == 200 && r.body().contains("\"status\":\"DONE\"")) {
                seen++;
            }
        }
        System.out.printf(Locale.ROOT, "read back over HTTP from the other kit: %d of %d graded%n", seen,
                accepted.size());
    }

    private static long single(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
