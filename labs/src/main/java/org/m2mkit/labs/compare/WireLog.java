package org.m2mkit.labs.compare;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every packet the live stack's protocols put on the wire during a run (the newest {@code capacity}), so that a
 * cycle's bytes and packets can be added up per protocol afterwards. Thread-safe.
 */
public final class WireLog {

    private final int capacity;
    private final ArrayDeque<WireEvent> events = new ArrayDeque<>();
    private final List<Consumer<WireEvent>> listeners = new CopyOnWriteArrayList<>();

    public WireLog(int capacity) {
        this.capacity = capacity;
    }

    public void record(WireEvent e) {
        synchronized (events) {
            if (events.size() == capacity) {
                events.pollFirst();
            }
            events.addLast(e);
        }
        listeners.forEach(l -> l.accept(e));
    }

    /** Called with every packet from now on, on the thread that saw it: keep it short. */
    public void addListener(Consumer<WireEvent> listener) {
        listeners.add(listener);
    }

    /** The packets of {@code protocol} seen from {@code fromMs} to {@code toMs}, both included, in order. */
    public List<WireEvent> between(WireProtocol protocol, long fromMs, long toMs) {
        List<WireEvent> out = new ArrayList<>();
        synchronized (events) {
            for (WireEvent e : events) {
                if (e.protocol() == protocol && e.atMs() >= fromMs && e.atMs() <= toMs) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Every packet kept, oldest first. */
    public List<WireEvent> events() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }
}
