package org.m2mkit.web.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One-line warnings printed as {@code m2mkit serve} starts: settings that run, but are probably not meant. */
public final class StartWarnings {

    /** Variables of the launcher script and of the kit's tests, not settings; they are known too. */
    static final List<String> LAUNCHER = List.of("M2MKIT_JAVA_OPTS", "M2MKIT_CDS", "M2MKIT_TEST_BROWSER",
            "M2MKIT_TEST_CHROMEDRIVER");

    private StartWarnings() {
    }

    public static List<String> of(KitConfig config, Map<String, String> env) {
        List<String> warnings = new ArrayList<>(unknownVariables(env));
        if (config.demoAccounts() && !config.loopbackOnly()) {
            warnings.add("warning: the demo accounts (passwords printed below and in the README) are on while the kit "
                    + "listens on " + config.bind() + ", reachable from other machines; turn them off with "
                    + "--demo-accounts false (or " + Setting.DEMO_ACCOUNTS.env() + "=false)");
        }
        return warnings;
    }

    /** An {@code M2MKIT_} variable that no setting reads is a typo, usually: named, with the closest known ones. */
    static List<String> unknownVariables(Map<String, String> env) {
        List<String> known = known();
        return env.keySet().stream().filter(k -> k.startsWith("M2MKIT_") && !known.contains(k)).sorted()
                .map(k -> "warning: the environment variable " + k + " is not a setting of the kit and is ignored; "
                        + "did you mean " + closest(k, known).stream().collect(Collectors.joining(" or ")) + "?")
                .toList();
    }

    static List<String> known() {
        return Stream.concat(Stream.of(Setting.values()).map(Setting::env), LAUNCHER.stream()).toList();
    }

    /** The known names at the smallest edit distance from {@code name} (at most three). */
    static List<String> closest(String name, List<String> known) {
        Map<String, Integer> distance = known.stream().collect(Collectors.toMap(k -> k, k -> distance(
                name.toUpperCase(Locale.ROOT), k)));
        int best = distance.values().stream().min(Integer::compare).orElse(0);
        return known.stream().filter(k -> distance.get(k) <= best + 1)
                .sorted(Comparator.comparing(distance::get)).limit(3).toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
