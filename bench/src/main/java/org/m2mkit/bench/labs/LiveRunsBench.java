package org.m2mkit.bench.labs;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.m2mkit.labs.broker.EmbeddedBroker;
import org.m2mkit.labs.run.Cycle;
import org.m2mkit.labs.run.LabRun;
import org.m2mkit.labs.run.LabRunConfig;
import org.m2mkit.labs.run.Milestone;
import org.m2mkit.labs.run.Mode;

/**
 * Many live runs at once on one embedded broker, as a classroom uses the kit: each run its own area of 50 meters
 * in paced mode (the figure's timings), every component its own MQTT client. Reports, for the whole JVM, its
 * threads, resident memory, heap after a collection and CPU (percent of one core) while the runs go, and then
 * each run's cycle after a spike, one spike every {@code gap} ms across the runs: how far each step landed from
 * the figure's time. Arguments: runs (default 40), meters per run (50), seconds to watch (20), spike gap ms (250),
 * seconds of warm-up before watching (30: the JIT compiler's work at the start is not what a class pays later).
 */
public final class LiveRunsBench {

    private LiveRunsBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int meters = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        long gap = args.length > 3 ? Long.parseLong(args[3]) : 250;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        System.out.println(String.format(Locale.ROOT, "Java %s, %d cores, max heap %d MiB; before any run: %s",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                state()));
        EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0);
        System.out.println("broker started: " + state());
        List<LabRun> started = new ArrayList<>();
        ExecutorService starters = Executors.newFixedThreadPool(8);
        long t0 = System.nanoTime();
        try {
            List<CompletableFuture<LabRun>> all = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                LabRunConfig config = LabRunConfig.builder().meters(meters).mode(Mode.PACED).areaId("bench-" + i)
                        .brokerUrl(broker.url()).brokerLogin(broker.access()).timelineCapacity(2_000).seed(i + 1).build();
                all.add(CompletableFuture.supplyAsync(() -> LabRun.start(config), starters));
            }
            for (CompletableFuture<LabRun> f : all) {
                started.add(f.join());
            }
            System.out.println(String.format(Locale.ROOT, "%d runs of %d meters started in %.1f s", runs, meters,
                    (System.nanoTime() - t0) / 1e9));
            Thread.sleep(warmup * 1000L); // every meter has read many times, and the JIT compiler has settled
            long cpu0 = cpuNanos();
            long wall0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double cpu = 100.0 * (cpuNanos() - cpu0) / (System.nanoTime() - wall0);
            System.out.println(String.format(Locale.ROOT, "%d paced runs going: %s, CPU %.0f %% of one core over %d s "
                    + "(%.1f %% per run)", runs, state(), cpu, seconds, cpu / runs));
            steps(started, gap);
        } finally {
            starters.shutdown();
            started.forEach(LabRun::close);
            broker.close();
        }
    }

    /** A spike in every run, {@code gap} ms apart, and how far each step of each cycle was from the figure. */
    private static void steps(List<LabRun> runs, long gap) throws Exception {
        List<CompletableFuture<Cycle>> cycles = new ArrayList<>();
        for (LabRun run : runs) {
            cycles.add(run.injectSpike(run.meterIds().get(0)));
            Thread.sleep(gap);
        }
        List<Double> late = new ArrayList<>();
        int complete = 0;
        for (CompletableFuture<Cycle> f : cycles) {
            try {
                Cycle c = f.get(60, TimeUnit.SECONDS);
                complete++;
                for (Milestone m : Milestone.values()) {
                    if (m != Milestone.SPIKE && c.offsetMs(m) >= 0) {
                        late.add((double) (c.offsetMs(m) - m.figureMs()));
                    }
                }
            } catch (java.util.concurrent.TimeoutException e) {
                // counted as incomplete
            }
        }
        double[] d = late.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.println(String.format(Locale.ROOT, "cycles complete: %d of %d; each step's time minus the "
                + "figure's: ", complete, runs.size()) + (d.length == 0 ? "none" : new Percentiles(d).summary("ms")));
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Threads and resident memory from /proc, and the heap in use after a collection. */
    static String state() throws IOException {
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        String threads = "?";
        String rss = "?";
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Threads:")) {
                threads = line.substring(8).strip();
            } else if (line.startsWith("VmRSS:")) {
                rss = line.substring(6).strip();
            }
        }
        return String.format(Locale.ROOT, "%s threads, resident %s, heap after GC %d MiB", threads, rss, heap >> 20);
    }
}
