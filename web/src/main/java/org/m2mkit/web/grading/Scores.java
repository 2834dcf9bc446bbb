package org.m2mkit.web.grading;

import java.util.Locale;

/** How scores read on pages and in CSV: whole numbers without decimals, else two decimals. */
final class Scores {
    private Scores() {
    }

    static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
