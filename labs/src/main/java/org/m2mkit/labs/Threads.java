package org.m2mkit.labs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/** The lab's threads: named, daemon (a forgotten run never keeps the JVM alive), stopped within two seconds. */
public final class Threads {

    private Threads() {
    }

    public static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** A single thread that runs tasks one at a time, in order, now or later. */
    public static ScheduledExecutorService single(String name) {
        return Executors.newSingleThreadScheduledExecutor(named(name));
    }

    /** Stops {@code executor}: running tasks are interrupted, waiting ones dropped. */
    public static void stop(ExecutorService executor) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
