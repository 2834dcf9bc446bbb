package org.m2mkit.labs.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.m2mkit.labs.mqtt.MqttLink;

/** The embedded broker keeps a retained last will retained, but only one its login may publish. */
class WillKeeperTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String METER_STATUS = "m2mkit/test/meter/meter-1/status";
    private static final String GONE_STATUS = "m2mkit/test/meter/meter-2/status";
    private static final String CLOUD_STATUS = "m2mkit/test/cloud/status";

    @Test
    void aDroppedClientsRetainedWillIsWhatALaterSubscriberGets() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0)) {
            BrokerAccess access = broker.access();
            // a student login may not publish on the cloud's topics: its will there must not be kept
            MqttLink forger = MqttLink.connect(broker.url(), "forger", access.student("test"),
                    will(CLOUD_STATUS, "forged"), TIMEOUT);
            MqttLink meter = MqttLink.connect(broker.url(), "meter-1", access.login(Role.METER, "test", "meter-1"),
                    will(METER_STATUS, "offline"), TIMEOUT);
            MqttLink polite = MqttLink.connect(broker.url(), "meter-2", access.login(Role.METER, "test", "meter-2"),
                    will(GONE_STATUS, "offline"), TIMEOUT);
            meter.publish(METER_STATUS, bytes("online"), 1, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            polite.publish(GONE_STATUS, bytes("online"), 1, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(firstOn(broker, METER_STATUS)).isEqualTo("online");

            forger.kill();
            polite.close(); // a clean DISCONNECT: no will
            meter.kill();
            long end = System.nanoTime() + TIMEOUT.toNanos();
            String state = firstOn(broker, METER_STATUS);
            while (!"offline".equals(state) && System.nanoTime() < end) {
                TimeUnit.MILLISECONDS.sleep(50);
                state = firstOn(broker, METER_STATUS);
            }
            assertThat(state).as("the will, retained").isEqualTo("offline");
            // the broker handles connections' ends in order: the other two are settled by now
            assertThat(firstOn(broker, GONE_STATUS)).as("no will after a goodbye").isEqualTo("online");
            try (MqttLink cloud = MqttLink.connect(broker.url(), "cloud", access.login(Role.CLOUD, "test", null), null,
                    TIMEOUT);
                    MqttLink late = observer(broker)) {
                BlockingQueue<String> got = new LinkedBlockingQueue<>();
                late.subscribe(CLOUD_STATUS, 1, (t, p) -> got.add(new String(p, StandardCharsets.UTF_8)));
                cloud.publish(CLOUD_STATUS, bytes("probe"), 1, false).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                assertThat(got.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("nothing retained before the probe")
                        .isEqualTo("probe");
            }
        }
    }

    private static String firstOn(EmbeddedBroker broker, String topic) throws InterruptedException {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        try (MqttLink late = observer(broker)) {
            late.subscribe(topic, 1, (t, p) -> got.add(new String(p, StandardCharsets.UTF_8)));
            return got.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static MqttLink observer(EmbeddedBroker broker) {
        return MqttLink.connect(broker.url(), "late-" + System.nanoTime(),
                broker.access().login(Role.OBSERVER, "test", null), null, TIMEOUT);
    }

    private static MqttLink.Will will(String topic, String text) {
        return new MqttLink.Will(topic, bytes(text), 1, true);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
