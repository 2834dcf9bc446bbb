package org.m2mkit.labs.mqtt;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What one Paho client sees as its executor: its receive, send and callback loops (and its connect and
 * disconnect tasks) run on the kit's shared {@link MqttThreads}, and shutting it down, as Paho does when the
 * client closes, ends only this client's tasks, never the shared threads. Paho uses execute, submit, shutdown,
 * shutdownNow and awaitTermination; the schedule methods run their task through the shared timer.
 */
final class ClientTasks extends AbstractExecutorService implements ScheduledExecutorService {

    private final Executor threads;
    private final ScheduledExecutorService timer;
    /** Guards {@link #running}, {@link #pending} and {@link #shutdown}; waited on by {@link #awaitTermination}. */
    private final Object lock = new Object();
    private final Set<Thread> running = new HashSet<>();
    private int pending;
    private boolean shutdown;

    ClientTasks(Executor threads, ScheduledExecutorService timer) {
        this.threads = threads;
        this.timer = timer;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (lock) {
            if (shutdown) {
                throw new RejectedExecutionException("the MQTT client has closed");
            }
            pending++;
        }
        try {
            threads.execute(() -> run(task));
        } catch (RuntimeException e) {
            finished(null);
            throw e;
        }
    }

    private void run(Runnable task) {
        Thread me = Thread.currentThread();
        String name = me.getName();
        synchronized (lock) {
            running.add(me);
        }
        try {
            task.run();
        } finally {
            me.setName(name); // Paho names the thread after its loop and client
            finished(me);
        }
    }

    private void finished(Thread thread) {
        synchronized (lock) {
            if (thread != null) {
                running.remove(thread);
                // an interrupt meant for this client's task must not reach the next task of a pooled thread
                Thread.interrupted();
            }
            pending--;
            lock.notifyAll();
        }
    }

    @Override
    public void shutdown() {
        synchronized (lock) {
            shutdown = true;
        }
    }

    @Override
    public List<Runnable> shutdownNow() {
        synchronized (lock) {
            shutdown = true;
            running.forEach(Thread::interrupt);
        }
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        synchronized (lock) {
            return shutdown;
        }
    }

    @Override
    public boolean isTerminated() {
        synchronized (lock) {
            return shutdown && pending == 0;
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long end = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (pending > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return shutdown;
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return timer.schedule(() -> execute(command), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return timer.schedule(() -> submit(callable).get(), delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return timer.scheduleAtFixedRate(() -> execute(command), initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return timer.scheduleWithFixedDelay(() -> execute(command), initialDelay, delay, unit);
    }
}
