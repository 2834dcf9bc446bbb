package org.m2mkit.grader;

import java.util.List;
import java.util.function.Predicate;

/** Processes this JVM started that are still alive. */
public final class Processes {
    private Processes() {
    }

    /**
     * The descendants of this JVM still alive once they had a minute to end, with their command lines; returns as
     * soon as none is left (a busy machine may take seconds to end a child).
     */
    public static List<String> strays() {
        return strays(commandLine -> true);
    }

    /** {@link #strays()} of the descendants whose command line (pid first) passes {@code which}. */
    public static List<String> strays(Predicate<String> which) {
        long end = System.nanoTime() + 60_000_000_000L;
        List<String> alive = alive(which);
        while (!alive.isEmpty() && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            alive = alive(which);
        }
        return alive;
    }

    private static List<String> alive(Predicate<String> which) {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).filter(which).toList();
    }
}
