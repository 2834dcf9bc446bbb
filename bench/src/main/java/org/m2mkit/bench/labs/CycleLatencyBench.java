package org.m2mkit.bench.labs;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.m2mkit.labs.run.Cycle;
import org.m2mkit.labs.run.LabRun;
import org.m2mkit.labs.run.LabRunConfig;
import org.m2mkit.labs.run.Mode;

/**
 * Fast-mode spike-to-confirmation latency of the whole cycle over the embedded broker: one cycle at a time, the
 * spike on meter 1, 2, ... 50 in turn. The forecast follows the latest report (alpha 1, beta 0) and events last
 * 1 ms, so that every spike makes a new event; alerts have a 1 ms cooldown. Arguments: cycles (default 1000),
 * warm-up cycles (default 100).
 */
public final class CycleLatencyBench {

    private CycleLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        LabRunConfig config = LabRunConfig.builder().mode(Mode.FAST).meters(50).recordReadings(false)
                .alertCooldownMs(1).drDurationMs(1).forecast(1, 0, 1).reportPeriodMs(3_600_000)
                .hvacUnits(List.of(new org.m2mkit.labs.api.HvacUnit("hvac-1", 2.5))).build();
        try (LabRun run = LabRun.start(config)) {
            while (run.gatewayReadings() < config.meters()) {
                Thread.sleep(10);
            }
            List<String> meters = run.meterIds();
            double[] ms = new double[cycles];
            for (int i = 0; i < warmup + cycles; i++) {
                Cycle c = run.injectSpike(meters.get(i % meters.size())).get(10, TimeUnit.SECONDS);
                if (i >= warmup) {
                    ms[i - warmup] = c.cycleMs();
                }
            }
            System.out.println(String.format(Locale.ROOT, "fast-mode spike-to-confirmation, %d cycles after %d warm-up, "
                    + "embedded broker, 50 meters: ", cycles, warmup) + new Percentiles(ms).summary("ms"));
        }
    }
}
