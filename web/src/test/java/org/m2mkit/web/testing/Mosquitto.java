package org.m2mkit.web.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Mosquitto from the Debian package ({@code mosquitto}) on a free port of 127.0.0.1, as the external broker that
 * several kits share. Where it is not installed, the test that needs it is skipped with the reason.
 */
public final class Mosquitto implements AutoCloseable {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    private final Process process;
    private final String url;

    private Mosquitto(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts Mosquitto with its files in {@code dir}; a port someone took meanwhile is given up for another. */
    public static Mosquitto start(Path dir) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(MOSQUITTO), MOSQUITTO + " is missing: install the Debian package "
                + "mosquitto to run this test");
        for (int attempt = 1; ; attempt++) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path conf = dir.resolve("mosquitto.conf");
            // run as root, Mosquitto would switch to the user mosquitto, which may not read this directory
            Files.writeString(conf, "persistence false\nuser " + System.getProperty("user.name") + "\n"
                    + "listener " + port + " 127.0.0.1\nallow_anonymous true\n");
            Path log = dir.resolve("mosquitto-" + attempt + ".log");
            Process p = new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Poll.until(() -> !p.isAlive() || says(log, " running"));
            if (p.isAlive() && says(log, " running")) {
                return new Mosquitto(p, "tcp://127.0.0.1:" + port);
            }
            p.destroyForcibly().waitFor();
            if (attempt == 5) {
                throw new IllegalStateException("Mosquitto did not start: " + Files.readString(log));
            }
        }
    }

    private static boolean says(Path log, String text) {
        try {
            return Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    public String url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
