package org.m2mkit.labs.run;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Follows cycles through the milestones the components report, linking each step to its cycle the way the
 * messages are linked: the alert by meter, the report by coming after the alert, the prediction by the report it
 * came from, and the rest by the demand-response event id.
 */
final class CycleTracker {

    private static final class Open {
        final int number;
        final String meterId;
        final long spikeMs;
        final Map<Milestone, Long> at = new EnumMap<>(Milestone.class);
        long reportKey = Long.MIN_VALUE;
        String eventId;
        String confirmation;
        final CompletableFuture<Cycle> done = new CompletableFuture<>();

        Open(int number, String meterId, long spikeMs) {
            this.number = number;
            this.meterId = meterId;
            this.spikeMs = spikeMs;
            at.put(Milestone.SPIKE, spikeMs);
        }

        Cycle snapshot() {
            return new Cycle(number, meterId, spikeMs, at, eventId, confirmation);
        }
    }

    private final List<Open> open = new ArrayList<>();
    private final List<Cycle> finished = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger numbers;
    private final Map<Integer, CompletableFuture<Cycle>> completing = new java.util.HashMap<>();

    CycleTracker() {
        this(new java.util.concurrent.atomic.AtomicInteger());
    }

    /** A tracker that numbers its cycles from {@code numbers}, shared with another protocol's tracker. */
    CycleTracker(java.util.concurrent.atomic.AtomicInteger numbers) {
        this.numbers = numbers;
    }

    /** Completes a finished cycle's future: after its confirmation is on the timeline. */
    void completed(Cycle c) {
        CompletableFuture<Cycle> f;
        synchronized (this) {
            f = completing.remove(c.number());
        }
        if (f != null) {
            f.complete(c);
        }
    }

    /** A spike: a new cycle. */
    synchronized Open spike(String meterId, long atMs) {
        Open o = new Open(numbers.incrementAndGet(), meterId, atMs);
        open.add(o);
        if (open.size() > 100) {
            open.remove(0).done.cancel(false);
        }
        return o;
    }

    static int number(Object open) {
        return ((Open) open).number;
    }

    CompletableFuture<Cycle> future(Object open) {
        return ((Open) open).done;
    }

    /**
     * Attaches a milestone to its cycle; returns the cycle's number and spike time, or null when it belongs to
     * none (a report with alerts from no spike of this run, for instance).
     */
    synchronized Cycle attach(Milestone m, String key, String event, long atMs, String detail) {
        Open target = null;
        for (Open o : open) {
            if (o.at.containsKey(m) && m != Milestone.COMMAND && m != Milestone.HVAC_ACTION) {
                continue;
            }
            boolean fits = switch (m) {
                case SPIKE -> false;
                case ALERT -> o.meterId.equals(key);
                case REPORT -> o.at.containsKey(Milestone.ALERT) && parse(key) >= o.spikeMs;
                case PREDICTION -> o.at.containsKey(Milestone.REPORT) && parse(key) >= o.reportKey;
                case COMMAND, HVAC_ACTION, CONFIRMATION -> event != null && event.equals(o.eventId);
            };
            if (fits) {
                target = o;
                break;
            }
        }
        if (target == null) {
            return null;
        }
        target.at.putIfAbsent(m, atMs);
        if (m == Milestone.REPORT) {
            target.reportKey = parse(key);
        } else if (m == Milestone.PREDICTION) {
            target.eventId = event;
        } else if (m == Milestone.CONFIRMATION) {
            target.confirmation = detail;
            open.remove(target);
            Cycle c = target.snapshot();
            finished.add(c);
            if (finished.size() > 10_000) {
                finished.remove(0);
            }
            completing.put(c.number(), target.done);
            return c;
        }
        return target.snapshot();
    }

    private static long parse(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    synchronized List<Cycle> cycles() {
        List<Cycle> all = new ArrayList<>(finished);
        open.forEach(o -> all.add(o.snapshot()));
        all.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return all;
    }

    synchronized void cancelAll() {
        open.forEach(o -> o.done.cancel(false));
    }
}
