package org.m2mkit.labs.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m2mkit.labs.UserError;

/** Durations on the command line: {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 2m}. */
final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");

    private Durations() {
    }

    static Duration parse(String option, String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UserError(option + " '" + text + "' is not a duration; use for example 500ms, 2s or 1m");
        }
        double n = Double.parseDouble(m.group(1));
        double ms = switch (m.group(2)) {
            case "ms" -> n;
            case "s" -> n * 1000;
            default -> n * 60_000;
        };
        if (ms > 24 * 3_600_000d) {
            throw new UserError(option + " '" + text + "' is too long; use at most 24 hours");
        }
        return Duration.ofMillis(Math.round(ms));
    }
}
