package org.m2mkit.web.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for something that happens on another thread: checked again and again, up to a generous bound. */
public final class Poll {
    /** How long a test waits for what it expects: generous, so a busy machine is not a failure. */
    public static final Duration WAIT = Duration.ofSeconds(60);

    private Poll() {
    }

    /** Checks {@code condition} every 50 ms until it holds (true) or {@link #WAIT} has passed (false). */
    public static boolean until(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
