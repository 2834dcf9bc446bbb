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
 * Arguments: meter counts to try (default 1000 2000 5000 10000 20000 40000).
 */
public final class GatewayThroughputBench {

    private static final int PUBLISHERS = 4;

    private GatewayThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {1000, 2000, 5000, 10_000, 20_000, 40_000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        int best = 0;
        for (int n : sizes) {
            boolean kept = run(n);
            if (kept) {
                best = n;
            } else {
                break;
            }
        }
        System.out.println("largest meter count the gateway kept up with (1 reading/s each): " + best);
    }

    private static boolean run(int meters) throws Exception {
        LabRunConfig config = LabRunConfig.builder().mode(Mode.FAST).meters(meters).reportPeriodMs(1000)
                .recordReadings(false).build();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(PUBLISHERS + 1);
        Duration t = Duration.ofSeconds(20);
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0)) {
            GatewayRuntime gateway = new GatewayRuntime(config, new ReferenceGateway(config.gatewayConfig()), "reference",
                    new NetworkLink("field", MqttLink.connect(broker.url(), "gw-field", null, t), NetworkProfile.LOCAL, scheduler, 1),
                    new NetworkLink("uplink", MqttLink.connect(broker.url(), "gw-uplink", null, t), NetworkProfile.LOCAL, scheduler, 2),
                    Recorder.NONE);
            gateway.start();
            List<MqttLink> publishers = new ArrayList<>();
            AtomicLong offered = new AtomicLong();
            List<String> ids = config.meterIds();
            for (int p = 0; p < PUBLISHERS; p++) {
                MqttLink link = MqttLink.connect(broker.url(), "load-" + p, null, t);
                publishers.add(link);
                List<String> mine = new ArrayList<>();
                for (int i = p; i < ids.size(); i += PUBLISHERS) {
                    mine.add(ids.get(i));
                }
                int[] cursor = {0};
                int perTick = Math.max(1, mine.size() / 100); // 100 ticks a second
                scheduler.scheduleAtFixedRate(() -> {
                    long now = System.currentTimeMillis();
                    for (int k = 0; k < perTick; k++) {
                        String id = mine.get(cursor[0]);
                        cursor[0] = (cursor[0] + 1) % mine.size();
                        link.publish(Topics.meterReading(config.areaId(), id),
                                Messages.reading(new MeterReading(id, config.areaId(), now, 1.0)), 0, false);
                        offered.incrementAndGet();
                    }
                }, 0, 10, TimeUnit.MILLISECONDS);
            }
            Thread.sleep(5000);
            long offered5 = offered.get();
            long handled5 = gateway.readings();
            Thread.sleep(5000);
            long offered10 = offered.get();
            long handled10 = gateway.readings();
            scheduler.shutdownNow();
            double offeredRate = (offered10 - offered5) / 5.0;
            double handledRate = (handled10 - handled5) / 5.0;
            long behind = offered10 - handled10;
            boolean kept = handledRate >= 0.98 * offeredRate && behind < meters;
            System.out.println(String.format(Locale.ROOT, "%6d meters: offered %8.0f readings/s, gateway handled %8.0f/s, "
                    + "%d behind at the end: %s", meters, offeredRate, handledRate, behind, kept ? "kept up" : "fell behind"));
            publishers.forEach(MqttLink::close);
            gateway.close();
            return kept;
        }
    }
}
