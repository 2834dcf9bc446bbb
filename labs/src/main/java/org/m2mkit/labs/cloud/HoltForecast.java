package org.m2mkit.labs.cloud;

/**
 * Holt's linear exponential smoothing: a level and a trend, each updated from the newest observation, so that the
 * forecast {@code h} steps ahead is {@code level + h * trend}. The first observation sets the level; the trend
 * starts at zero.
 */
public final class HoltForecast {

    private final double alpha;
    private final double beta;
    private double level;
    private double trend;
    private long observations;

    /**
     * @param alpha weight of the newest observation in the level, in (0, 1]
     * @param beta  weight of the newest level change in the trend, in [0, 1]
     */
    public HoltForecast(double alpha, double beta) {
        if (!(alpha > 0 && alpha <= 1) || !(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("Holt smoothing needs 0 < alpha <= 1 and 0 <= beta <= 1, not alpha="
                    + alpha + ", beta=" + beta);
        }
        this.alpha = alpha;
        this.beta = beta;
    }

    public void observe(double value) {
        if (observations++ == 0) {
            level = value;
            trend = 0;
            return;
        }
        double previous = level;
        level = alpha * value + (1 - alpha) * (level + trend);
        trend = beta * (level - previous) + (1 - beta) * trend;
    }

    /** The forecast {@code steps} observations ahead; NaN before the first observation. */
    public double forecast(int steps) {
        return observations == 0 ? Double.NaN : level + steps * trend;
    }

    public double level() {
        return level;
    }

    public double trend() {
        return trend;
    }

    public long observations() {
        return observations;
    }
}
