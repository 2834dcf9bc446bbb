package org.m2mkit.labs.gateway;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's bounded store-and-forward queue for its uplink: every message gets the next sequence number and
 * stays until the cloud acknowledges it, so nothing is lost while the uplink is down or the broker restarts, and
 * everything goes out again in order when it returns (go-back-N). When full, the oldest message is dropped and
 * counted. Not thread-safe by itself: the gateway uses it from one thread.
 *
 * @param <T> what is queued
 */
public final class StoreAndForward<T> {

    /** A queued message and its sequence number. */
    public record Entry<T>(long seq, T item) {
    }

    private final int capacity;
    private final ArrayDeque<Entry<T>> queue = new ArrayDeque<>();
    private long nextSeq = 1;
    private long nextToSend = 1;
    private long dropped;

    public StoreAndForward(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Queues {@code item}; returns its sequence number. Drops the oldest message when full. */
    public long offer(T item) {
        if (queue.size() == capacity) {
            queue.pollFirst();
            dropped++;
            nextToSend = Math.max(nextToSend, base());
        }
        Entry<T> e = new Entry<>(nextSeq++, item);
        queue.addLast(e);
        return e.seq();
    }

    /**
     * The messages to transmit now: those not yet sent since the last {@link #rewind()}, keeping at most
     * {@code window} unacknowledged messages in flight. They count as sent.
     */
    public List<Entry<T>> nextToSend(int window) {
        List<Entry<T>> out = new ArrayList<>();
        long limit = base() + window;
        for (Entry<T> e : queue) {
            if (e.seq() >= limit) {
                break;
            }
            if (e.seq() >= nextToSend) {
                out.add(e);
            }
        }
        if (!out.isEmpty()) {
            nextToSend = out.get(out.size() - 1).seq() + 1;
        }
        return out;
    }

    /** The cloud has every message up to {@code seq}: forget them. Returns how many were released. */
    public int acknowledge(long seq) {
        int released = 0;
        while (!queue.isEmpty() && queue.peekFirst().seq() <= seq) {
            queue.pollFirst();
            released++;
        }
        nextToSend = Math.max(nextToSend, base());
        return released;
    }

    /** Everything not acknowledged goes out again, from the oldest (after a reconnection or a timeout). */
    public void rewind() {
        nextToSend = base();
    }

    /** The sequence number of the oldest message held (the next one to come, when empty). */
    public long base() {
        return queue.isEmpty() ? nextSeq : queue.peekFirst().seq();
    }

    /** Messages held: sent but not acknowledged, and not yet sent. */
    public int size() {
        return queue.size();
    }

    /** Messages sent and not yet acknowledged. */
    public int inFlight() {
        return (int) (nextToSend - base());
    }

    public long dropped() {
        return dropped;
    }

    public int capacity() {
        return capacity;
    }
}
