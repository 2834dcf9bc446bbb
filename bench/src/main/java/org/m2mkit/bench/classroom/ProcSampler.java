package org.m2mkit.bench.classroom;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the running kit's CPU time, threads and resident memory from {@code /proc/<pid>} once a second: the kit's
 * own process, and the kit with its child processes (the grader's sandbox JVMs and the notebooks' JShell engines,
 * which run outside the kit's JVM). CPU is in percent of one core over each second.
 */
final class ProcSampler implements AutoCloseable {

    /** Clock ticks per second of {@code /proc/<pid>/stat} ({@code getconf CLK_TCK}; 100 on Linux). */
    private static final double TICKS = 100.0;

    private final long pid;
    private final Thread thread;
    private volatile boolean running = true;
    private final List<double[]> samples = new ArrayList<>(); // cpu%, cpu% with children, threads, rss, rss children
    private long lastTicks = -1;
    private long lastTreeTicks = -1;
    private long lastNanos;

    ProcSampler(long pid) {
        this.pid = pid;
        if (!Files.isReadable(Path.of("/proc", Long.toString(pid), "stat"))) {
            throw new IllegalArgumentException("there is no process " + pid + " to watch (/proc/" + pid + "/stat)");
        }
        thread = new Thread(this::loop, "proc-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                sample();
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // the kit may have stopped; the report says how many samples there are
            }
        }
    }

    private void sample() throws IOException {
        long now = System.nanoTime();
        Stat own = stat(pid);
        if (own == null) {
            return;
        }
        long ownTicks = own.utime + own.stime;
        long treeTicks = ownTicks + own.cutime + own.cstime;
        long treeRss = own.rssKb;
        for (long child : descendants(pid)) {
            Stat s = stat(child);
            if (s != null) {
                treeTicks += s.utime + s.stime;
                treeRss += s.rssKb;
            }
        }
        if (lastTicks >= 0) {
            double seconds = (now - lastNanos) / 1e9;
            double cpu = 100 * (ownTicks - lastTicks) / TICKS / seconds;
            double treeCpu = 100 * Math.max(0, treeTicks - lastTreeTicks) / TICKS / seconds;
            synchronized (samples) {
                samples.add(new double[] {cpu, treeCpu, own.threads, own.rssKb, treeRss});
            }
        }
        lastTicks = ownTicks;
        lastTreeTicks = treeTicks;
        lastNanos = now;
    }

    /** Averages and peaks: {avg cpu, peak cpu, avg cpu tree, peak cpu tree, peak threads, peak rss KiB, peak rss tree KiB, n}. */
    double[] summary() {
        synchronized (samples) {
            double[] out = new double[8];
            for (double[] s : samples) {
                out[0] += s[0];
                out[1] = Math.max(out[1], s[0]);
                out[2] += s[1];
                out[3] = Math.max(out[3], s[1]);
                out[4] = Math.max(out[4], s[2]);
                out[5] = Math.max(out[5], s[3]);
                out[6] = Math.max(out[6], s[4]);
            }
            int n = samples.size();
            out[0] = n == 0 ? 0 : out[0] / n;
            out[2] = n == 0 ? 0 : out[2] / n;
            out[7] = n;
            return out;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

    private record Stat(long ppid, long utime, long stime, long cutime, long cstime, long threads, long rssKb) {}

    private static Stat stat(long pid) throws IOException {
        Path dir = Path.of("/proc", Long.toString(pid));
        String stat;
        String status;
        try {
            stat = Files.readString(dir.resolve("stat"));
            status = Files.readString(dir.resolve("status"));
        } catch (IOException e) {
            return null; // gone between listing and reading
        }
        // the command name, in parentheses, may hold spaces: the fields start after its closing parenthesis
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // f[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17
        return new Stat(Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                Long.parseLong(f[14]), field(status, "Threads:"), field(status, "VmRSS:"));
    }

    private static long field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }

    /** Every process below {@code root}, from one pass over /proc. */
    private static List<Long> descendants(long root) throws IOException {
        Map<Long, List<Long>> children = new HashMap<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path p : all) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    long ppid = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
                    children.computeIfAbsent(ppid, k -> new ArrayList<>()).add(Long.parseLong(p.getFileName().toString()));
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        }
        List<Long> out = new ArrayList<>();
        List<Long> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            long p = todo.remove(todo.size() - 1);
            for (long c : children.getOrDefault(p, List.of())) {
                out.add(c);
                todo.add(c);
            }
        }
        return out;
    }
}
