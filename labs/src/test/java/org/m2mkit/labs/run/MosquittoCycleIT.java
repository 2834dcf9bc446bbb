package org.m2mkit.labs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.m2mkit.labs.run.CycleAssertions.assertCausalCycle;
import static org.m2mkit.labs.run.CycleAssertions.awaitCycle;
import static org.m2mkit.labs.run.CycleAssertions.eventually;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.broker.BrokerLogin;
import org.m2mkit.labs.broker.BrokerProbe;
import org.m2mkit.labs.mqtt.MqttLink;
import org.m2mkit.labs.wire.Messages;
import org.m2mkit.labs.wire.Topics;

/**
 * The whole cycle against Mosquitto from Debian (package mosquitto), started on free ports: one listener open to
 * anyone, one that requires a password.
 */
class MosquittoCycleIT {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    @TempDir
    static Path dir;
    private static Process mosquitto;
    private static String url;
    private static String urlWithLogin;

    @BeforeAll
    static void startMosquitto() throws Exception {
        if (!Files.isExecutable(MOSQUITTO)) {
            throw new IllegalStateException(MOSQUITTO + " is missing: install the Debian package mosquitto "
                    + "(apt-get install mosquitto; .ci/packages lists it) to run this test");
        }
        Path passwords = dir.resolve("passwords");
        Process passwd = new ProcessBuilder("/usr/bin/mosquitto_passwd", "-b", "-c", passwords.toString(), "kit", "kit-secret")
                .redirectErrorStream(true).redirectOutput(dir.resolve("passwd.log").toFile()).start();
        if (!passwd.waitFor(60, TimeUnit.SECONDS) || passwd.exitValue() != 0) {
            throw new IllegalStateException("mosquitto_passwd failed: " + Files.readString(dir.resolve("passwd.log")));
        }
        // a free port is only free until someone takes it: Mosquitto then ends ("Address already in use") and is
        // started again on others; it says "running" once it listens, so another program's port is never used
        for (int attempt = 1; url == null; attempt++) {
            int port = freePort();
            int loginPort = freePort();
            Path conf = dir.resolve("mosquitto.conf");
            // run as root, Mosquitto would switch to user mosquitto, which cannot read the password file here
            Files.writeString(conf, "per_listener_settings true\npersistence false\nuser " + System.getProperty("user.name") + "\n"
                    + "listener " + port + " 127.0.0.1\nallow_anonymous true\n"
                    + "listener " + loginPort + " 127.0.0.1\nallow_anonymous false\npassword_file " + passwords + "\n");
            Path log = dir.resolve("mosquitto-" + attempt + ".log");
            Process started = new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            mosquitto = started;
            eventually(() -> !started.isAlive() || says(log, " running"));
            if (started.isAlive() && says(log, " running")) {
                url = "tcp://127.0.0.1:" + port;
                urlWithLogin = "tcp://127.0.0.1:" + loginPort;
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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
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

    /** Mosquitto keeps a retained will by itself: a client that subscribes after the meter died sees it offline. */
    @Test
    void anUnpluggedMetersWillIsRetainedByMosquitto() throws Exception {
        LabRunConfig config = LabRunConfig.builder().mode(Mode.FAST).meters(5).areaId("area-will").brokerUrl(url).build();
        try (LabRun run = LabRun.start(config)) {
            assertThat(eventually(() -> run.deviceStatuses().containsKey("meter-02"))).isTrue();
            run.unplugMeter("meter-02");
            assertThat(eventually(() -> "offline".equals(run.deviceStatuses().get("meter-02").state()))).isTrue();
            BlockingQueue<String> first = new LinkedBlockingQueue<>();
            try (MqttLink late = MqttLink.connect(url, "late-watcher", null,
                    Duration.ofSeconds(30))) {
                late.subscribe(Topics.meterStatus("area-will", "meter-02"), 1, (t, p) ->
                        first.add(Messages.status(p).state()));
                assertThat(first.poll(30, TimeUnit.SECONDS)).isEqualTo("offline");
            }
            run.plugInMeter("meter-02");
            assertThat(eventually(() -> "online".equals(run.deviceStatuses().get("meter-02").state()))).isTrue();
        }
    }

    @Test
    void fastCycleOverMosquittoWithTheKitsLogin() throws Exception {
        LabRunConfig anonymous = LabRunConfig.builder().mode(Mode.FAST).meters(5).brokerUrl(urlWithLogin).build();
        assertThatThrownBy(() -> LabRun.start(anonymous)).isInstanceOf(UserError.class)
                .hasMessageContaining("refused the login");
        LabRunConfig config = LabRunConfig.builder().mode(Mode.FAST).meters(5).brokerUrl(urlWithLogin)
                .brokerLogin(BrokerLogin.fixed("kit", "kit-secret")).build();
        try (LabRun run = LabRun.start(config)) {
            assertThat(run.studentLogin()).isEmpty();
            assertThat(eventually(() -> run.gatewayReadings() >= config.meters())).isTrue();
            assertCausalCycle(awaitCycle(run.injectSpike("meter-02")));
        }
    }
}
