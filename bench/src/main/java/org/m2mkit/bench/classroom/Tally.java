package org.m2mkit.bench.classroom;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Everything the class measured: one histogram (microseconds) per measure, the error pages by request, the
 * refusals the kit makes by design by reason, and plain counts (cycles completed, verdicts).
 */
final class Tally {

    /** The measures of the report. */
    enum Measure {
        SIGN_IN("sign-in, arrival to signed in"),
        LESSON("lesson page"),
        CELL("notebook cell run"),
        STEP_KIT("live step, kit's timeline vs figure"),
        STEP_CONSOLE("live step, at the console vs figure"),
        GRADE_CORRECT("grading turnaround, correct"),
        GRADE_WRONG("grading turnaround, wrong"),
        GRADE_HANGING("grading verdict, hanging"),
        QUIZ("quiz request");

        final String label;

        Measure(String label) {
            this.label = label;
        }
    }

    private final Map<Measure, Histogram> histograms = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final AtomicLong earliestStepMs = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong latestStepMs = new AtomicLong(Long.MIN_VALUE);

    Tally() {
        for (Measure m : Measure.values()) {
            histograms.put(m, new ConcurrentHistogram(3));
        }
    }

    void record(Measure m, long micros) {
        histograms.get(m).recordValue(Math.max(0, micros));
    }

    /** A step's signed difference from the figure: its size goes into the histogram, the extremes are kept. */
    void step(Measure m, long diffMs) {
        record(m, Math.abs(diffMs) * 1000);
        if (m == Measure.STEP_KIT) {
            earliestStepMs.accumulateAndGet(diffMs, Math::min);
            latestStepMs.accumulateAndGet(diffMs, Math::max);
        }
    }

    Histogram histogram(Measure m) {
        return histograms.get(m);
    }

    void error(String what) {
        errors.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    void refusal(String why) {
        refusals.computeIfAbsent(why, k -> new LongAdder()).increment();
    }

    void count(String what) {
        counts.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    long count(Map<String, LongAdder> map) {
        return map.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> errors() {
        return sorted(errors);
    }

    Map<String, Long> refusals() {
        return sorted(refusals);
    }

    Map<String, Long> counts() {
        return sorted(counts);
    }

    long earliestStepMs() {
        return earliestStepMs.get();
    }

    long latestStepMs() {
        return latestStepMs.get();
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> map) {
        Map<String, Long> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
