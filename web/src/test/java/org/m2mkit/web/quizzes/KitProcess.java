package org.m2mkit.web.quizzes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged kit ({@code java -jar target/m2mkit.jar serve}) as its own process on free ports. */
final class KitProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "m2mkit.jar");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    final Process process;
    final int port;

    private KitProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static KitProcess start(Path data) throws IOException {
        assertThat(JAR).as("the packaged kit (built by the package phase)").isRegularFile();
        Process p = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "serve", "--port", "0", "--bind", "127.0.0.1",
                "--broker-port", "0", "--data", data.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Pattern open = Pattern.compile("Open:\\s+http://[^:]+:(\\d+)/");
        List<String> lines = new ArrayList<>();
        for (String line; (line = out.readLine()) != null; ) {
            lines.add(line);
            Matcher m = open.matcher(line);
            if (m.find()) {
                int port = Integer.parseInt(m.group(1));
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "kit-output");
                drain.setDaemon(true);
                drain.start();
                return new KitProcess(p, port);
            }
        }
        throw new AssertionError("the kit did not start: " + String.join("\n", lines));
    }

    /** Ends the process as a power cut or {@code kill -9} would: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
