package org.m2mkit.bench.labs;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.m2mkit.labs.broker.EmbeddedBroker;
import org.m2mkit.labs.broker.BrokerLogin;
import org.m2mkit.labs.broker.Role;
import org.m2mkit.labs.mqtt.MqttLink;

/**
 * Publish-to-delivery latency of the embedded broker (Moquette) next to Mosquitto's on the same machine: one
 * publisher and one subscriber (QoS 1, 200-byte payloads, like a SenML reading) through the kit's Paho adapter,
 * at a steady rate. Arguments: messages (default 10000), rate per second (default 1000).
 */
public final class BrokerLatencyBench {

    private BrokerLatencyBench() {
    }

    /** A topic of the lab's tree that the cloud's login may publish on. */
    private static final String TOPIC = "m2mkit/bench/cloud/ack";

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        try (EmbeddedBroker moquette = EmbeddedBroker.start("127.0.0.1", 0)) {
            measure("Moquette 0.17 (embedded)", moquette.url(), moquette.access(), messages / 5, rate);
            System.out.println(measure("Moquette 0.17 (embedded)", moquette.url(), moquette.access(), messages, rate));
        }
        try (Mosquitto mosquitto = Mosquitto.start()) {
            measure("Mosquitto (Debian)", mosquitto.url(), BrokerLogin.anonymous(), messages / 5, rate);
            System.out.println(measure("Mosquitto (Debian)", mosquitto.url(), BrokerLogin.anonymous(), messages, rate));
        }
    }

    static String measure(String name, String url, BrokerLogin login, int messages, int rate) throws Exception {
        double[] latencies = new double[messages];
        AtomicInteger received = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(messages);
        Duration timeout = Duration.ofSeconds(10);
        try (MqttLink sub = MqttLink.connect(url, "bench-sub", login.login(Role.OBSERVER, "bench", null), null, timeout);
                MqttLink pub = MqttLink.connect(url, "bench-pub", login.login(Role.CLOUD, "bench", null), null, timeout)) {
            sub.subscribe(TOPIC, 1, (topic, payload) -> {
                long sent = ByteBuffer.wrap(payload).getLong();
                int i = received.getAndIncrement();
                if (i < messages) {
                    latencies[i] = (System.nanoTime() - sent) / 1e6;
                }
                all.countDown();
            });
            long interval = 1_000_000_000L / rate;
            long next = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                byte[] payload = new byte[200];
                ByteBuffer.wrap(payload).putLong(System.nanoTime());
                pub.publish(TOPIC, payload, 1, false);
                next += interval;
            }
            if (!all.await(60, TimeUnit.SECONDS)) {
                return name + ": only " + received.get() + " of " + messages + " delivered";
            }
        }
        return String.format(Locale.ROOT, "%-26s publish-to-delivery at %d/s: ", name, rate)
                + new Percentiles(latencies).summary("ms");
    }
}
