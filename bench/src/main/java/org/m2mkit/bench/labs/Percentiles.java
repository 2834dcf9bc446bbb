package org.m2mkit.bench.labs;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of a set of measurements (nearest rank). */
final class Percentiles {

    private final double[] sorted;

    Percentiles(double[] values) {
        sorted = values.clone();
        Arrays.sort(sorted);
    }

    double p(double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    String summary(String unit) {
        return String.format(Locale.ROOT, "n=%d p50=%.2f %s p90=%.2f %s p99=%.2f %s max=%.2f %s", sorted.length,
                p(50), unit, p(90), unit, p(99), unit, p(100), unit);
    }
}
