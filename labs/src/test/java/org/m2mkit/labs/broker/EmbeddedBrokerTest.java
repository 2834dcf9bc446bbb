package org.m2mkit.labs.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.mqtt.MqttLink;

class EmbeddedBrokerTest {

    /** How long a client waits to connect or for a message: generous, so a busy machine is not a failure. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void routesMessagesBetweenRealClients() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0);
                MqttLink sub = MqttLink.connect(broker.url(), "sub", broker.access().login(Role.OBSERVER, "test", null),
                        null, TIMEOUT);
                MqttLink pub = MqttLink.connect(broker.url(), "pub", broker.access().login(Role.CLOUD, "test", null),
                        null, TIMEOUT)) {
            assertThat(broker.port()).isPositive();
            assertThat(broker.url()).isEqualTo("tcp://127.0.0.1:" + broker.port());
            CountDownLatch got = new CountDownLatch(1);
            AtomicReference<String> seen = new AtomicReference<>();
            sub.subscribe("m2mkit/test/#", 1, (topic, payload) -> {
                seen.set(topic + " " + new String(payload, StandardCharsets.UTF_8));
                got.countDown();
            });
            pub.publish("m2mkit/test/cloud/ack", "hello".getBytes(StandardCharsets.UTF_8), 1, false).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(got.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(seen.get()).isEqualTo("m2mkit/test/cloud/ack hello");
        }
    }

    @Test
    void busyPortIsAUserErrorNamingThePort() {
        try (EmbeddedBroker first = EmbeddedBroker.start("127.0.0.1", 0)) {
            assertThatThrownBy(() -> EmbeddedBroker.start("127.0.0.1", first.port()))
                    .isInstanceOf(UserError.class)
                    .hasMessage("broker port " + first.port()
                            + " is already in use; choose a free port with --broker-port");
            assertThat(first.isRunning()).isTrue();
        }
    }

    @Test
    void closeIsIdempotentAndFreesThePort() {
        EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0);
        int port = broker.port();
        broker.close();
        broker.close();
        assertThat(broker.isRunning()).isFalse();
        assertThat(BrokerProbe.reachable(broker.url(), Duration.ofMillis(500))).isFalse();
        try (EmbeddedBroker again = EmbeddedBroker.start("127.0.0.1", port)) {
            assertThat(again.port()).isEqualTo(port);
        }
    }

    @Test
    void writesNothingIntoTheWorkingDirectory() {
        File cwd = new File(System.getProperty("user.dir"));
        Set<String> before = Set.of(cwd.list());
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0);
                MqttLink client = MqttLink.connect(broker.url(), "c", broker.access().login(Role.CLOUD, "x", null),
                        null, TIMEOUT)) {
            client.publish("m2mkit/x/cloud/status", new byte[] {1}, 1, true).join();
        }
        assertThat(Set.of(cwd.list())).isEqualTo(before);
    }

    @Test
    void rejectsAnOutOfRangePort() {
        assertThatThrownBy(() -> EmbeddedBroker.start("127.0.0.1", 70000))
                .isInstanceOf(UserError.class).hasMessageContaining("70000");
    }
}
