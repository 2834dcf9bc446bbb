package org.m2mkit.bench.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.m2mkit.web.app.Kit;
import org.m2mkit.web.config.KitConfig;

/**
 * Lesson-page latency under load, next to a static file served by the same server: starts a whole kit (H2,
 * broker, grader, web app) on a free port, then {@code clients} simulated readers each fetch, over their own
 * keep-alive connection, a lesson page and the kit's style sheet in turn, with a random think time between
 * requests. Latency is from sending the request to having the whole body, recorded per kind in HdrHistograms
 * after a warm-up.
 *
 * <pre>
 * ./mvnw -q -Pbench -pl bench -am package -DskipTests
 * java -cp "bench/target/classes:bench/target/lib/*" org.m2mkit.bench.web.PageLatency [clients] [seconds] [thinkMs]
 * </pre>
 */
public final class PageLatency {

    private static final String LESSON = "/lessons/m2m-vs-iot";
    private static final String STATIC = "/assets/css/kit.css";

    private PageLatency() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int thinkMs = args.length > 2 ? Integer.parseInt(args[2]) : 250;
        // the JDK keeps 5 idle connections per server by default; every reader keeps its own
        System.setProperty("http.maxConnections", String.valueOf(clients + 8));
        Path data = Files.createTempDirectory("m2mkit-bench-");
        try (Kit kit = Kit.start(KitConfig.forTests(data))) {
            String base = "http://127.0.0.1:" + kit.port();
            System.out.printf(Locale.ROOT, "java %s, %d cores, load average %s%n", Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), loadAverage());
            System.out.printf(Locale.ROOT, "%d clients, %d s measured after a 15 s warm-up, think time 0-%d ms%n",
                    clients, seconds, 2 * thinkMs);
            Recorder lesson = new Recorder(3);
            Recorder file = new Recorder(3);
            AtomicLong errors = new AtomicLong();
            long warmUntil = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            long endAt = warmUntil + Duration.ofSeconds(seconds).toNanos();
            CountDownLatch done = new CountDownLatch(clients);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Thread t = new Thread(() -> {
                    try {
                        client(base, thinkMs, warmUntil, endAt, lesson, file, errors);
                    } finally {
                        done.countDown();
                    }
                }, "reader-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            Thread.sleep(Duration.ofSeconds(15).toMillis());
            lesson.reset();
            file.reset();
            done.await();
            Histogram l = lesson.getIntervalHistogram();
            Histogram f = file.getIntervalHistogram();
            System.out.println("kind          requests  req/s    p50 ms   p90 ms   p99 ms  p99.9 ms   max ms");
            print("lesson page", l, seconds);
            print("static file", f, seconds);
            System.out.printf(Locale.ROOT, "errors: %d; p99 lesson / p99 static file: %.2f%n", errors.get(),
                    (double) l.getValueAtPercentile(99) / Math.max(1, f.getValueAtPercentile(99)));
        }
    }

    /**
     * One reader on the JDK's blocking {@link HttpURLConnection}: the request runs on the reader's own thread with a
     * kept-alive connection, so the load generator adds as little CPU of its own as a JDK client can (the
     * asynchronous {@code java.net.http.HttpClient} hands every request between several threads, which on two
     * cores competes with the server it measures).
     */
    private static void client(String base, int thinkMs, long warmUntil, long endAt, Recorder lesson,
                               Recorder file, AtomicLong errors) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        boolean lessonTurn = random.nextBoolean();
        byte[] buffer = new byte[16 * 1024];
        try {
            URL page = URI.create(base + LESSON).toURL();
            URL css = URI.create(base + STATIC).toURL();
            Thread.sleep(random.nextInt(2 * thinkMs + 1)); // spread the clients' first requests
            while (System.nanoTime() < endAt) {
                long start = System.nanoTime();
                HttpURLConnection c = (HttpURLConnection) (lessonTurn ? page : css).openConnection();
                c.setRequestProperty("Accept", lessonTurn ? "text/html" : "text/css");
                int status = c.getResponseCode();
                try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                    while (in != null && in.read(buffer) >= 0) {
                        // read the whole body; closing the stream returns the connection to the keep-alive cache
                    }
                }
                long micros = (System.nanoTime() - start) / 1000;
                if (status != 200) {
                    errors.incrementAndGet();
                } else if (start > warmUntil) {
                    (lessonTurn ? lesson : file).recordValue(micros);
                }
                lessonTurn = !lessonTurn;
                Thread.sleep(random.nextInt(2 * thinkMs + 1));
            }
        } catch (IOException e) {
            errors.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void print(String kind, Histogram h, int seconds) {
        System.out.printf(Locale.ROOT, "%-12s %9d %6.0f %9.2f %8.2f %8.2f %9.2f %8.2f%n", kind, h.getTotalCount(),
                h.getTotalCount() / (double) seconds, ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
