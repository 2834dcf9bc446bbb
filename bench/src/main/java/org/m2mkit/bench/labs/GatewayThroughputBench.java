package org.m2mkit.bench.labs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.m2mkit.labs.api.MeterReading;
import org.m2mkit.labs.broker.EmbeddedBroker;
import org.m2mkit.labs.gateway.GatewayRuntime;
import org.m2mkit.labs.gateway.ReferenceGateway;
import org.m2mkit.labs.broker.BrokerLogin;
import org.m2mkit.labs.broker.Role;
import org.m2mkit.labs.mqtt.MqttLink;
import org.m2mkit.labs.net.NetworkLink;
import org.m2mkit.labs.net.NetworkProfile;
import org.m2mkit.labs.run.LabRunConfig;
import org.m2mkit.labs.run.Mode;
import org.m2mkit.labs.run.Recorder;
import org.m2mkit.labs.wire.Messages;
import org.m2mkit.labs.wire.Topics;

/**
 * The largest number of meters publishing once a second that the gateway runtime (reference gateway, embedded
 * broker) keeps up with on this machine. Four load-generator clients publish SenML readings on each meter's
 * topic, spread evenly over the second; the gateway keeps up when, over the last 5 of 10 seconds, it handles at
 * least 98% of what was offered and ends less than one second behind. The generator runs on the same cores.
 * Arguments: {@code mosquitto} to use Mosquitto from Debian instead of the embedded broker, then the meter counts to
 * try (default 1000 2000 5000 10000 20000 40000).
 */
public final class GatewayThroughputBench {

    private static final int PUBLISHERS = 4;

    private GatewayThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean mosquitto = args.length > 0 && args[0].equals("mosquitto");
        String[] counts = args.length > 0 && !Character.isDigit(args[0].charAt(0))
                ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        int[] sizes = counts.length == 0 ? new int[] {1000, 2000, 5000, 10_000, 20_000, 40_000}
                : java.util.Arrays.stream(counts).mapToInt(Integer::parseInt).toArray();
        System.out.println("broker: " + (mosquitto ? "Mosquitto (Debian)" : "Moquette 0.17 (embedded)"));
        int best = 0;
        for (int n : sizes) {
            boolean kept;
            if (mosquitto) {
                try (Mosquitto m = Mosquitto.start()) {
                    kept = run(n, m.url(), BrokerLogin.anonymous());
                }
            } else {
                try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0)) {
                    kept = run(n, broker.url(), broker.access());
                }
            }
            if (kept) {
                best = n;
            } else {
                break;
            }
        }
        System.out.println("largest meter count the gateway kept up with (1 reading/s each): " + best);
    }

    private static boolean run(int meters, String url, BrokerLogin login) throws Exception {
        LabRunConfig config = LabRunConfig.builder().mode(Mode.FAST).meters(meters).reportPeriodMs(1000)
                .recordReadings(false).build();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
        Duration t = Duration.ofSeconds(20);
        {
            GatewayRuntime gateway = new GatewayRuntime(config, new ReferenceGateway(config.gatewayConfig()), "reference",
                    new NetworkLink("field", MqttLink.connect(url, "gw-field", login.login(Role.GATEWAY, config.areaId(), null), null, t), NetworkProfile.LOCAL, scheduler, 1),
                    new NetworkLink("uplink", MqttLink.connect(url, "gw-uplink", login.login(Role.GATEWAY, config.areaId(), null), null, t), NetworkProfile.LOCAL, scheduler, 2),
                    Recorder.NONE);
            gateway.start();
            List<MqttLink> publishers = new ArrayList<>();
            for (int p = 0; p < PUBLISHERS; p++) {
                publishers.add(MqttLink.connect(url, "load-" + p, login.login(Role.STUDENT, config.areaId(), null), null, t));
            }
            AtomicLong offered = new AtomicLong();
            List<String> ids = config.meterIds();
            // one generator thread: every 10 ms it publishes the readings due in that slice, round robin over clients
            Thread generator = new Thread(() -> {
                long start = System.nanoTime();
                long sent = 0;
                int next = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    long due = (System.nanoTime() - start) * meters / 1_000_000_000L;
                    long now = System.currentTimeMillis();
                    for (; sent < due; sent++) {
                        String id = ids.get(next);
                        next = (next + 1) % ids.size();
                        publishers.get((int) (sent % PUBLISHERS)).publish(Topics.meterReading(config.areaId(), id),
                                Messages.reading(new MeterReading(id, config.areaId(), now, 1.0)), 0, false);
                        offered.incrementAndGet();
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "load-generator");
            generator.setDaemon(true);
            generator.start();
            Thread.sleep(5000);
            long offered5 = offered.get();
            long handled5 = gateway.readings();
            Thread.sleep(5000);
            long offered10 = offered.get();
            long handled10 = gateway.readings();
            generator.interrupt();
            double offeredRate = (offered10 - offered5) / 5.0;
            double handledRate = (handled10 - handled5) / 5.0;
            long behind = offered10 - handled10;
            boolean kept = handledRate >= 0.98 * offeredRate && behind < meters;
            System.out.println(String.format(Locale.ROOT, "%6d meters: offered %8.0f readings/s, gateway handled %8.0f/s, "
                    + "%d behind at the end: %s", meters, offeredRate, handledRate, behind, kept ? "kept up" : "fell behind"));
            publishers.forEach(MqttLink::close);
            gateway.close();
            scheduler.shutdownNow();
            return kept;
        }
    }
}
