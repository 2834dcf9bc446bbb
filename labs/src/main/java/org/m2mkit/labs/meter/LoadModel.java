package org.m2mkit.labs.meter;

import java.util.SplittableRandom;

/**
 * The load of one household meter: a base load shaped by a daily curve (low at night, a morning and a larger
 * evening peak), an air-conditioning share that follows the afternoon heat, and measurement noise.
 *
 * @param baseKw      mean non-HVAC load
 * @param hvacKw      air-conditioning draw at the hottest hour
 * @param noiseKw     standard deviation of the noise
 */
public record LoadModel(double baseKw, double hvacKw, double noiseKw) {

    /** A meter of the area, its size drawn from {@code random}: base 0.3-0.7 kW, HVAC 0.5-1.5 kW. */
    public static LoadModel household(SplittableRandom random) {
        return new LoadModel(0.3 + 0.4 * random.nextDouble(), 0.5 + random.nextDouble(), 0.05);
    }

    /** Expected load at {@code hour} (0-24, fractions allowed), without noise. */
    public double expectedKw(double hour) {
        return baseKw * dailyCurve(hour) + hvacKw * coolingDemand(hour);
    }

    /** One reading at {@code hour}: the expected load plus noise, never negative. */
    public double sample(double hour, SplittableRandom random) {
        return Math.max(0, expectedKw(hour) + random.nextGaussian() * noiseKw);
    }

    /** Relative household load over a day: about 0.5 at night, 1.2 in the morning, 1.8 in the evening. */
    public static double dailyCurve(double hour) {
        return 0.5 + 0.7 * bump(hour, 7.5, 1.5) + 1.3 * bump(hour, 19, 2.5);
    }

    /** Share of the air conditioner's draw needed at {@code hour}: 1 at 16:00, 0 from 22:00 to 10:00. */
    public static double coolingDemand(double hour) {
        double h = ((hour % 24) + 24) % 24;
        return h <= 10 || h >= 22 ? 0 : Math.pow(Math.sin(Math.PI * (h - 10) / 12), 2);
    }

    private static double bump(double hour, double center, double width) {
        double d = Math.abs(((hour - center) % 24 + 36) % 24 - 12);
        d = 12 - d;
        return Math.exp(-d * d / (2 * width * width));
    }
}
