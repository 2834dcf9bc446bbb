package org.m2mkit.labs.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A run's timeline: the newest entries (a bounded list) and a stream of every entry to listeners. Listeners are
 * called one entry at a time, in the order of the entries' numbers, on the timeline's own thread, so a slow listener (a web page) never holds
 * up the lab; if it falls more than {@code backlog} entries behind, entries are skipped and counted.
 */
public final class Timeline implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();
    private static final TimelineEvent STOP = new TimelineEvent(0, 0, 0, TimelineEvent.Kind.NOTE, "", "", null, null,
            0, null, 0, -1, "");

    private final long startMs;
    private final int capacity;
    private final ArrayDeque<TimelineEvent> kept = new ArrayDeque<>();
    private final List<Consumer<TimelineEvent>> listeners = new CopyOnWriteArrayList<>();
    private final BlockingQueue<TimelineEvent> outbox;
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final Thread dispatcher;
    private volatile boolean closed;

    public Timeline(long startMs, int capacity, int backlog) {
        this.startMs = startMs;
        this.capacity = capacity;
        this.outbox = new ArrayBlockingQueue<>(backlog);
        this.dispatcher = new Thread(this::dispatch, "lab-timeline");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    public long startMs() {
        return startMs;
    }

    /** Adds a listener that receives every entry recorded from now on. */
    public void addListener(Consumer<TimelineEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<TimelineEvent> listener) {
        listeners.remove(listener);
    }

    TimelineEvent record(long atMs, TimelineEvent.Kind kind, String from, String to, String topic, String payload,
                         int size, Milestone milestone, int cycle, long cycleMs, String detail) {
        TimelineEvent e;
        synchronized (kept) {
            e = new TimelineEvent(seq.incrementAndGet(), atMs, atMs - startMs, kind, from, to, topic, payload, size,
                    milestone, cycle, cycleMs, detail);
            if (kept.size() == capacity) {
                kept.pollFirst();
            }
            kept.addLast(e);
            // handed to the listeners in the order of their numbers: numbering under the lock and handing over
            // after it let two threads swap their entries (offer never blocks)
            if (!closed && !listeners.isEmpty() && !outbox.offer(e)) {
                skipped.incrementAndGet();
            }
        }
        return e;
    }

    /** The entries kept (the newest {@code capacity}), oldest first. */
    public List<TimelineEvent> events() {
        synchronized (kept) {
            return new ArrayList<>(kept);
        }
    }

    /** Entries listeners missed because they were too slow. */
    public long skipped() {
        return skipped.get();
    }

    /** The kept entries as a JSON array. */
    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(events());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("timeline entries always serialize", e);
        }
    }

    /** The kept entries as CSV (RFC 4180), one line each, with a header. */
    public String toCsv() {
        StringBuilder out = new StringBuilder(
                "seq,at_ms,offset_ms,kind,from,to,topic,size,milestone,cycle,cycle_ms,detail,payload\r\n");
        for (TimelineEvent e : events()) {
            out.append(e.seq()).append(',').append(e.atMs()).append(',').append(e.offsetMs()).append(',')
                    .append(e.kind()).append(',').append(csv(e.from())).append(',').append(csv(e.to())).append(',')
                    .append(csv(e.topic())).append(',').append(e.size()).append(',')
                    .append(e.milestone() == null ? "" : e.milestone().name()).append(',').append(e.cycle()).append(',')
                    .append(e.cycleMs()).append(',').append(csv(e.detail())).append(',').append(csv(e.payload()))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private void dispatch() {
        try {
            while (true) {
                TimelineEvent e = outbox.take();
                if (e == STOP) {
                    return;
                }
                for (Consumer<TimelineEvent> l : listeners) {
                    try {
                        l.accept(e);
                    } catch (RuntimeException ignored) {
                        // a listener's failure is its own; the others still get the entry
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Delivers what listeners have not had yet (waiting up to a second), then stops the listener thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!outbox.offer(STOP, 1, TimeUnit.SECONDS)) {
                dispatcher.interrupt();
            }
            dispatcher.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (dispatcher.isAlive()) {
            dispatcher.interrupt();
        }
    }
}
