package org.m2mkit.grader.gateway.child;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.m2mkit.labs.api.Alert;
import org.m2mkit.labs.api.AreaReport;
import org.m2mkit.labs.api.Gateway;
import org.m2mkit.labs.api.GatewayConfig;
import org.m2mkit.labs.api.MeterReading;

/**
 * The gateway lab's scale test: a fixed, seeded stream of readings from many meters with periodic reports.
 * The child runs it on the student's gateway and the grader on the reference; the two digests must match.
 */
public final class ScaleRun {
    public static final String AREA = "area-scale";

    private ScaleRun() {
    }

    public static GatewayConfig config(int meters) {
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < meters; i++) {
            ids.add(meterId(i));
        }
        return new GatewayConfig(AREA, java.util.Collections.unmodifiableSet(ids), List.of(), 15.0, 5_000, 60_000);
    }

    private static String meterId(int i) {
        return "m" + i;
    }

    /** What the run produced: every report, and the number and a hash of the alerts. */
    public record Digest(List<AreaReport> reports, int alerts, long alertHash) {}

    /** Feeds {@code readings} readings with {@code reports} evenly spaced reports to a gateway built for {@code meters} meters. */
    public static Digest run(Gateway gateway, int meters, int readings, int reports, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] ids = new String[meters];
        for (int i = 0; i < meters; i++) {
            ids[i] = meterId(i);
        }
        List<AreaReport> out = new ArrayList<>(reports);
        int every = Math.max(1, readings / reports);
        int alerts = 0;
        long hash = 17;
        for (int i = 1; i <= readings; i++) {
            long ts = i * 10L;
            String id = ids[random.nextInt(meters)];
            double kw = Math.round(random.nextDouble(0, 17.0) * 100) / 100.0;
            String area = random.nextInt(500) == 0 ? "elsewhere" : AREA;
            List<Alert> raised = gateway.onReading(new MeterReading(id, area, ts, kw));
            if (raised != null) {
                for (Alert a : raised) {
                    alerts++;
                    hash = hash * 31 + (a == null ? 0 : java.util.Objects.hash(a.meterId(), a.timestampMs(), a.kw()));
                }
            }
            if (i % every == 0 && out.size() < reports) {
                out.add(gateway.report(ts));
            }
        }
        return new Digest(out, alerts, hash);
    }
}
