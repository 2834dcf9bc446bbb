package org.m2mkit.grader.sandbox;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code size} child JVMs started and ready, so that a grading does not wait for a JVM to boot. A child
 * serves one grading and is then killed; a fresh one takes its place in the background. With size 0 every
 * grading starts its children cold. The pool fills when {@link #fill()} is called.
 */
public final class ChildPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChildPool.class);

    private final ChildLauncher launcher;
    private final BlockingQueue<Child> ready;
    private final Watchdog watchdog;
    private final ExecutorService starter;
    private final int size;
    private volatile boolean closed;

    public ChildPool(ChildLauncher launcher, int size) {
        if (size < 0 || size > 32) {
            throw new IllegalArgumentException("grader pool size = " + size + " is out of range; use 0 to 32");
        }
        this.launcher = launcher;
        this.size = size;
        this.ready = new ArrayBlockingQueue<>(Math.max(1, size));
        this.watchdog = new Watchdog(launcher.limits(), 20);
        this.starter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "grader-pool-starter");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts filling the pool in the background (the constructor does not, so that a program can first finish
     * its own start). Calling it again while the pool is full does nothing.
     */
    public void fill() {
        try {
            for (int i = 0; i < size && !closed && launcher.unavailable() == null; i++) {
                starter.execute(this::refill);
            }
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile: nothing to fill
        }
    }

    public int size() {
        return size;
    }

    public int readyCount() {
        return ready.size();
    }

    public ChildLauncher launcher() {
        return launcher;
    }

    /** A ready child for one grading: from the pool when one is waiting, else started now. */
    public Child take() throws ChildFailure {
        if (closed) {
            throw new ChildFailure("the grader is shut down");
        }
        Child child = ready.poll();
        if (child != null && !child.process().isAlive()) {
            child.close();
            child = null;
        }
        if (child == null) {
            child = launcher.startReady();
        }
        watchdog.watch(child);
        return child;
    }

    /**
     * Ends a child after its grading (it is never reused) and starts its replacement. Both happen on the pool's
     * own thread, after the grading, so that a JVM booting in the background does not slow the grading down.
     */
    public void release(Child child) {
        watchdog.forget(child);
        child.kill("released");
        if (closed) {
            child.close();
            return;
        }
        starter.execute(() -> {
            child.close();
            refill();
        });
    }

    /** Waits until every pool slot holds a ready child (for benchmarks and health checks). */
    public boolean awaitWarm(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (ready.size() < size) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private void refill() {
        if (closed || ready.size() >= size) {
            return;
        }
        try {
            Child child = launcher.startReady();
            if (closed || !ready.offer(child)) {
                child.close();
            }
        } catch (ChildFailure | RuntimeException e) {
            if (!closed) {
                LOG.warn("could not start a sandbox JVM for the pool: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        starter.shutdown();
        try {
            starter.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Child c; (c = ready.poll()) != null; ) {
            c.close();
        }
        watchdog.close();
        launcher.close();
    }
}
