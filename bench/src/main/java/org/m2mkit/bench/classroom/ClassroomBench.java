package org.m2mkit.bench.classroom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.m2mkit.bench.classroom.Tally.Measure;

/**
 * A lab hour of a class against a running kit, over HTTP: the instructor signs in and imports the class roster,
 * then every student (a thread with its own cookie jar, arriving at a random moment of the first minute) signs in,
 * reads lessons, runs notebook cells, runs the live lab in paced mode and follows its cycle on the event stream,
 * submits a gateway and waits for the grade (most a correct one, a few a wrong one, a few one that hangs), and takes
 * a quiz. Meanwhile the kit's process is read from {@code /proc/<pid>} once a second (CPU, threads, resident
 * memory), alone and with its child processes (sandbox JVMs, JShell engines). At the end a table shows each measure
 * beside its target. {@code bench/classroom.sh} builds and starts a throw-away kit and runs this against it.
 *
 * <pre>
 * java -cp "bench/target/m2mkit-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
 *     org.m2mkit.bench.classroom.ClassroomBench --url http://127.0.0.1:7070/ --pid 12345 \
 *     [--students 40] [--duration 60m] [--instructor instructor] [--password m2m-instructor] [--seed 1] \
 *     [--think 4s] [--stagger 60s] [--sources .]
 * </pre>
 */
public final class ClassroomBench {

    private ClassroomBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String url = required(o, "url");
        long pid = Long.parseLong(required(o, "pid"));
        int students = Integer.parseInt(o.getOrDefault("students", "40"));
        Duration duration = duration(o.getOrDefault("duration", "60m"));
        Duration think = duration(o.getOrDefault("think", "4s"));
        // a class arrives over the first minute; a short run spreads the arrivals over its first third
        Duration stagger = duration(o.getOrDefault("stagger", Math.min(60, duration.toSeconds() / 3) + "s"));
        String instructor = o.getOrDefault("instructor", "instructor");
        String password = o.getOrDefault("password", "m2m-instructor");
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        Map<Student.Gateway, String> sources = Classroom.gateways(Path.of(o.getOrDefault("sources", ".")));
        // the JDK keeps 5 idle connections per server by default; every student keeps its own, and a live run two
        System.setProperty("http.maxConnections", String.valueOf(3 * students + 8));

        System.out.printf(Locale.ROOT, "java %s, %d cores, load average %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.printf(Locale.ROOT, "kit %s (pid %d); %d students for %d s, arriving over %d s; think time "
                + "%d ms on average; seed %d%n", url, pid, students, duration.toSeconds(), stagger.toSeconds(),
                think.toMillis(), seed);

        String tag = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
        List<String[]> roster = new ArrayList<>();
        for (int i = 1; i <= students; i++) {
            roster.add(new String[] {String.format(Locale.ROOT, "class-%s-%02d", tag, i),
                    "Classroom Student " + i, "classroom-" + tag + "-" + i + "-pw"});
        }
        importRoster(url, instructor, password, roster);
        System.out.printf(Locale.ROOT, "roster of %d students imported by %s%n", students, instructor);

        long startNanos = System.nanoTime();
        Classroom room = new Classroom(url, startNanos + duration.toNanos(), think.toMillis(), sources);
        Random random = new Random(seed);
        List<Thread> threads = new ArrayList<>();
        try (ProcSampler sampler = new ProcSampler(pid)) {
            for (int i = 0; i < students; i++) {
                Student.Gateway first = i % 10 == 2 ? Student.Gateway.HANGING
                        : i % 10 == 4 ? Student.Gateway.WRONG : Student.Gateway.CORRECT;
                long delay = (long) (random.nextDouble() * stagger.toMillis());
                Thread t = new Thread(new Student(room, roster.get(i)[0], roster.get(i)[2], first, delay,
                        random.nextLong()), roster.get(i)[0]);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            // students finish what they are doing when the hour ends: a grading, a live cycle, a quiz
            long graceUntil = startNanos + duration.toNanos() + Duration.ofMinutes(4).toNanos();
            int busy = 0;
            for (Thread t : threads) {
                t.join(Math.max(1, (graceUntil - System.nanoTime()) / 1_000_000));
                busy += t.isAlive() ? 1 : 0;
            }
            if (busy > 0) {
                room.tally().count("students still busy 4 min after the end (not waited for)");
            }
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            report(room.tally(), sampler.summary(), seconds);
        }
    }

    static void importRoster(String url, String instructor, String password, List<String[]> roster)
            throws IOException {
        Browser b = new Browser(url);
        b.get("/sign-in", "text/html");
        Browser.Answer in = b.postForm("/sign-in", Map.of("username", instructor, "password", password, "next", "/"),
                "text/html");
        if (in.status() != 303) {
            throw new IllegalStateException("the instructor " + instructor + " could not sign in (HTTP " + in.status()
                    + "); give --instructor and --password");
        }
        StringBuilder csv = new StringBuilder("username,name,role,password\n");
        for (String[] s : roster) {
            csv.append(s[0]).append(',').append(s[1]).append(",student,").append(s[2]).append('\n');
        }
        Browser.Answer a = b.postForm("/instructor/accounts/roster", Map.of("roster", csv.toString()), "text/html");
        if (a.status() != 200 || !a.body().contains(roster.get(roster.size() - 1)[0])) {
            throw new IllegalStateException("the roster import answered HTTP " + a.status() + ": "
                    + a.body().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
        }
    }

    private static void report(Tally tally, double[] proc, double seconds) {
        System.out.printf(Locale.ROOT, "%nclass over after %.0f s; load average %s%n", seconds, loadAverage());
        System.out.printf(Locale.ROOT, "%-38s %7s %9s %9s %9s   %-30s %s%n", "measure", "count", "p50 ms", "p99 ms",
                "max ms", "target", "");
        row(tally, Measure.SIGN_IN, "(waits for the sign-in limit)", null);
        row(tally, Measure.LESSON, "p99 <= 50 ms", h -> h.getValueAtPercentile(99) <= 50_000);
        row(tally, Measure.CELL, "p50 <= 30 ms", h -> h.getValueAtPercentile(50) <= 30_000);
        row(tally, Measure.STEP_KIT, "p99 within 50 ms of the figure", h -> h.getValueAtPercentile(99) <= 50_000);
        row(tally, Measure.STEP_CONSOLE, "(as the student sees it)", null);
        row(tally, Measure.GRADE_CORRECT, "p50 <= 1 s", h -> h.getValueAtPercentile(50) <= 1_000_000);
        row(tally, Measure.GRADE_WRONG, "", null);
        row(tally, Measure.GRADE_HANGING, "every verdict <= 15 s", h -> h.getMaxValue() <= 15_000_000);
        row(tally, Measure.QUIZ, "", null);
        if (tally.histogram(Measure.STEP_KIT).getTotalCount() > 0) {
            System.out.printf(Locale.ROOT, "live steps on the kit's timeline: from %+d ms to %+d ms of the figure "
                    + "(negative: early)%n", tally.earliestStepMs(), tally.latestStepMs());
        }

        Map<String, Long> errors = tally.errors();
        long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "%nerror pages (5xx, unexpected 4xx, broken connections): %d   target: none   "
                + "%s%n", errorCount, errorCount == 0 ? "met" : "not met");
        errors.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %6d  %s%n", v, k));
        Map<String, Long> refusals = tally.refusals();
        System.out.printf(Locale.ROOT, "refusals by design (counted, not errors): %d%n",
                refusals.values().stream().mapToLong(Long::longValue).sum());
        refusals.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %6d  %s%n", v, k));
        System.out.println("what happened:");
        tally.counts().forEach((k, v) -> System.out.printf(Locale.ROOT, "  %6d  %s%n", v, k));

        System.out.printf(Locale.ROOT, "%nkit process (%d samples, 1 a second): CPU %.0f %% of one core on average, "
                + "%.0f %% at the peak; threads at the peak %d; RSS at the peak %.0f MiB   target: RSS <= 2 GiB   %s%n",
                (long) proc[7], proc[0], proc[1], (long) proc[4], proc[5] / 1024, rssVerdict(proc[7], proc[5]));
        System.out.printf(Locale.ROOT, "kit with its child processes (sandbox JVMs, JShell engines): CPU %.0f %% on "
                + "average, %.0f %% at the peak; RSS at the peak %.0f MiB   target: RSS <= 2 GiB   %s%n", proc[2],
                proc[3], proc[6] / 1024, rssVerdict(proc[7], proc[6]));
    }

    private static String rssVerdict(double samples, double rssKiB) {
        return samples == 0 ? "no data" : rssKiB <= 2 * 1024 * 1024 ? "met" : "not met";
    }

    private static void row(Tally tally, Measure m, String target, java.util.function.Predicate<Histogram> met) {
        Histogram h = tally.histogram(m);
        String verdict = met == null ? "" : h.getTotalCount() == 0 ? "no data" : met.test(h) ? "met" : "not met";
        System.out.printf(Locale.ROOT, "%-38s %7d %9.1f %9.1f %9.1f   %-30s %s%n", m.label, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0,
                target, verdict);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("arguments are --name value pairs; '" + args[i] + "' is not "
                        + "(--url URL --pid PID [--students N] [--duration 60m] [--instructor NAME] [--password P] "
                        + "[--seed N] [--think 4s] [--stagger 60s] [--sources DIR])");
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    /** "90s", "15m", "1h" or a number of seconds. */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long n = Long.parseLong(t.replaceAll("[smh]$", ""));
        return t.endsWith("h") ? Duration.ofHours(n) : t.endsWith("m") ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
