package org.m2mkit.bench.labs;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.m2mkit.labs.broker.BrokerProbe;

/** Mosquitto from Debian, started on a free loopback port with memory-only settings, for comparisons. */
final class Mosquitto implements AutoCloseable {

    private final Process process;
    private final String url;
    private final Path dir;

    private Mosquitto(Process process, String url, Path dir) {
        this.process = process;
        this.url = url;
        this.dir = dir;
    }

    static Mosquitto start() throws IOException, InterruptedException {
        Path bin = Path.of("/usr/sbin/mosquitto");
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("/usr/sbin/mosquitto is missing: apt-get install mosquitto");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("m2mkit-mosquitto");
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
                + "max_queued_messages 100000\n");
        Process p = new ProcessBuilder(bin.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log").toFile()).start();
        String url = "tcp://127.0.0.1:" + port;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!BrokerProbe.reachable(url, Duration.ofMillis(200))) {
            if (System.nanoTime() > end) {
                p.destroyForcibly();
                throw new IllegalStateException("Mosquitto did not start");
            }
            Thread.sleep(20);
        }
        return new Mosquitto(p, url, dir);
    }

    String url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }
}
