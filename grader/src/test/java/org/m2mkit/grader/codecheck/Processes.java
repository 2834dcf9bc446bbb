package org.m2mkit.grader.codecheck;

import java.util.List;

/** Processes this JVM started that are still alive. */
final class Processes {
    private Processes() {
    }

    /**
     * The descendants of this JVM still alive once they had a minute to end, with their command lines; returns as
     * soon as none is left (a busy machine may take seconds to end a child).
     */
    static List<String> strays() {
        long end = System.nanoTime() + 60_000_000_000L;
        List<ProcessHandle> alive = alive();
        while (!alive.isEmpty() && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            alive = alive();
        }
        return alive.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();
    }

    private static List<ProcessHandle> alive() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }
}
