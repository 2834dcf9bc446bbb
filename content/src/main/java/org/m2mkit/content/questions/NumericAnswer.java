package org.m2mkit.content.questions;

/**
 * An accepted numeric answer, written either as a value with a tolerance ({@code 1822:5}: {@code a} is the
 * value, {@code b} the tolerance) or as a closed range ({@code 1817..1827}: {@code a} is the low end, {@code b}
 * the high end).
 */
public record NumericAnswer(double a, double b, boolean range, double percent, String feedback) {

    public NumericAnswer {
        feedback = feedback == null ? "" : feedback;
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("a numeric answer needs finite numbers");
        }
        if (range && a > b) {
            throw new IllegalArgumentException("the range " + a + ".." + b + " ends below its start");
        }
        if (!range) {
            b = Math.abs(b);
        }
    }

    public static NumericAnswer tolerance(double value, double tolerance, double percent, String feedback) {
        return new NumericAnswer(value, tolerance, false, percent, feedback);
    }

    public static NumericAnswer range(double min, double max, double percent, String feedback) {
        return new NumericAnswer(min, max, true, percent, feedback);
    }

    public double low() {
        return range ? a : a - b;
    }

    public double high() {
        return range ? b : a + b;
    }

    /** The middle of the accepted interval (the value itself for the tolerance form). */
    public double value() {
        return range ? (a + b) / 2 : a;
    }

    /** Half the width of the accepted interval. */
    public double tolerance() {
        return range ? (b - a) / 2 : b;
    }

    public boolean accepts(double x) {
        double slack = 4 * Math.ulp(Math.max(Math.abs(low()), Math.abs(high())));
        return x >= low() - slack && x <= high() + slack;
    }
}
