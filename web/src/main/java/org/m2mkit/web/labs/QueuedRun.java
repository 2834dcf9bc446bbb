package org.m2mkit.web.labs;

import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.m2mkit.web.accounts.Account;

/**
 * A student's start waiting for a free live-lab slot: who, with which options, since when, and the consoles
 * waiting with it (they are handed to the run when it starts).
 */
final class QueuedRun {

    private final Account who;
    private volatile RunOptions options;
    private final long sinceMs = System.currentTimeMillis();
    private final Set<SseClient> consoles = new CopyOnWriteArraySet<>();
    private volatile long lastWatchedMs = sinceMs;

    QueuedRun(Account who, RunOptions options) {
        this.who = who;
        this.options = options;
    }

    Account who() {
        return who;
    }

    RunOptions options() {
        return options;
    }

    /** A second start while waiting keeps the place in the queue and takes the newer options. */
    void options(RunOptions newer) {
        options = newer;
    }

    long sinceMs() {
        return sinceMs;
    }

    void watch(SseClient console) {
        consoles.add(console);
    }

    void unwatch(SseClient console) {
        if (consoles.remove(console) && consoles.isEmpty()) {
            lastWatchedMs = System.currentTimeMillis();
        }
    }

    /** When a console last watched the waiting run (now while one does). */
    long lastWatchedMs() {
        return consoles.isEmpty() ? lastWatchedMs : System.currentTimeMillis();
    }

    /** Sends an event to every waiting console; one that has gone is dropped. */
    void tell(String event, String data) {
        for (SseClient c : consoles) {
            try {
                if (c.terminated()) {
                    unwatch(c);
                } else {
                    c.sendEvent(event, data);
                }
            } catch (RuntimeException e) {
                unwatch(c);
            }
        }
    }

    /** The waiting consoles, taken from the queue to follow the run. */
    List<SseClient> handOver() {
        List<SseClient> all = List.copyOf(consoles);
        consoles.clear();
        return all;
    }
}
