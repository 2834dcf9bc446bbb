package org.m2mkit.labs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m2mkit.labs.run.CycleAssertions.assertCausalCycle;
import static org.m2mkit.labs.run.CycleAssertions.awaitCycle;
import static org.m2mkit.labs.run.CycleAssertions.eventually;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.labs.broker.BrokerProbe;

/** The whole cycle against Mosquitto from Debian (package mosquitto), started on a free port. */
class MosquittoCycleIT {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    @TempDir
    static Path dir;
    private static Process mosquitto;
    private static String url;

    @BeforeAll
    static void startMosquitto() throws Exception {
        if (!Files.isExecutable(MOSQUITTO)) {
            throw new IllegalStateException(MOSQUITTO + " is missing: install the Debian package mosquitto "
                    + "(apt-get install mosquitto; .ci/packages lists it) to run this test");
        }
        // a free port is only free until someone takes it: Mosquitto then ends ("Address already in use") and is
        // started again on another; it says "running" once it listens, so another program's port is never used
        for (int attempt = 1; url == null; attempt++) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
            Path log = dir.resolve("mosquitto-" + attempt + ".log");
            Process started = new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            mosquitto = started;
            eventually(() -> !started.isAlive() || says(log, " running"));
            if (started.isAlive() && says(log, " running")) {
                url = "tcp://127.0.0.1:" + port;
            } else if (attempt == 5) {
                throw new IllegalStateException("Mosquitto did not start: " + Files.readString(log));
            } else {
                started.destroyForcibly().waitFor();
            }
        }
        assertThat(eventually(() -> BrokerProbe.reachable(url, Duration.ofMillis(500)))).as("Mosquitto answers").isTrue();
    }

    private static boolean says(Path log, String text) {
        try {
            return Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    @AfterAll
    static void stopMosquitto() throws IOException, InterruptedException {
        if (mosquitto != null) {
            mosquitto.destroy();
            if (!mosquitto.waitFor(30, TimeUnit.SECONDS)) {
                mosquitto.destroyForcibly();
            }
        }
    }

    @Test
    void fastCycleOverMosquitto() throws Exception {
        LabRunConfig config = LabRunConfig.builder().mode(Mode.FAST).brokerUrl(url).build();
        try (LabRun run = LabRun.start(config)) {
            assertThat(run.brokerUrl()).isEqualTo(url);
            assertThat(eventually(() -> run.gatewayReadings() >= config.meters())).isTrue();
            Cycle cycle = awaitCycle(run.injectSpike("meter-07"));
            assertCausalCycle(cycle);
            assertThat(run.timeline().events()).anySatisfy(e ->
                    assertThat(e.topic()).isEqualTo("m2mkit/area-1/hvac/hvac-1/status"));
        }
    }
}
