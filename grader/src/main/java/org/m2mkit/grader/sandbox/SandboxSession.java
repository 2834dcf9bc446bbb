package org.m2mkit.grader.sandbox;

import java.io.DataInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.m2mkit.grader.child.Wire;

/**
 * The children used by one grading. Cases run one after another in a child holding the submission's classes;
 * when a case kills its child (time, memory, threads, exit), the next case gets a fresh child from the pool,
 * so the tests a hostile submission does not break still score. A hang costs seconds, not minutes: after
 * {@link #TIMEOUTS_BEFORE_GIVING_UP} cases ran past their time limit, the rest are not run, and no case starts once
 * the grading's wall-time budget is spent.
 */
public final class SandboxSession implements AutoCloseable {
    /** Cases that may time out before the remaining ones are reported as not run. */
    public static final int TIMEOUTS_BEFORE_GIVING_UP = 3;

    private final ChildPool pool;
    private final Map<String, byte[]> classes;
    private final String mainClass;
    private final long deadline;
    private Child child;
    private int childrenUsed;
    private int timeouts;

    public SandboxSession(ChildPool pool, Map<String, byte[]> classes, String mainClass) {
        this.pool = pool;
        this.classes = classes;
        this.mainClass = mainClass;
        this.deadline = System.nanoTime() + pool.launcher().limits().gradingBudget().toNanos();
    }

    public Limits limits() {
        return pool.launcher().limits();
    }

    public SandboxMode mode() {
        return pool.launcher().mode();
    }

    /** How many children this grading used (more than one when cases killed theirs). */
    public int childrenUsed() {
        return childrenUsed;
    }

    /** What the child says after a case about the student's printing and threads. */
    public record Tail(long printedBytes, String printed, boolean overOutputLimit, int lingeringThreads) {
        static Tail read(DataInputStream in) throws IOException {
            return new Tail(in.readLong(), Wire.readString(in), in.readBoolean(), in.readInt());
        }

        /** The case's verdict once the tail is known: {@code verdict}, or the output limit's if the case passed. */
        public String verdict(String verdict) {
            return verdict == null && overOutputLimit
                    ? "printed " + printedBytes + " bytes, more than the limit of the sandbox" : verdict;
        }

        /** What the student's code printed, after a note on threads it left running. */
        public String printedText() {
            String text = printed == null ? "" : printed;
            return lingeringThreads > 0
                    ? "(the submission left " + lingeringThreads + " thread(s) running after the test)\n" + text : text;
        }
    }

    /** A case's answer: the body to parse, then {@link #tail()} once the body is read. */
    public static final class Answer {
        private final DataInputStream in;

        Answer(DataInputStream in) {
            this.in = in;
        }

        public DataInputStream in() {
            return in;
        }

        public Tail tail() throws IOException {
            return Tail.read(in);
        }
    }

    /** Runs one request of a lab, answered by its runner ({@link org.m2mkit.grader.child.LabRunner}) in the child. */
    public Answer call(String runner, byte op, Child.Request request, Duration timeout) throws ChildFailure {
        return call(Wire.CASE, out -> {
            Wire.writeString(out, runner);
            out.writeByte(op);
            request.write(out);
        }, timeout);
    }

    /** Runs one request in a child holding the submission, starting one when needed. */
    public Answer call(byte type, Child.Request request, Duration timeout) throws ChildFailure {
        if (timeouts >= TIMEOUTS_BEFORE_GIVING_UP) {
            throw ChildFailure.notRun("not run: the code ran past the time limit on " + timeouts + " earlier tests "
                    + "(an endless loop, a wait that never ends, or a sleep?); fix that and submit again");
        }
        if (System.nanoTime() > deadline) {
            throw ChildFailure.notRun("not run: the grading used up its time budget of "
                    + limits().gradingBudget().toSeconds() + " s on earlier tests");
        }
        if (child == null) {
            try {
                child = pool.take();
            } catch (ChildFailure e) {
                // not the submission's doing: the machine cannot start a sandbox JVM at all
                throw new IllegalStateException("the grader could not start a sandbox JVM: " + e.getMessage(), e);
            }
            childrenUsed++;
            Child c = child;
            try {
                DataInputStream ok = c.call(Wire.LOAD, out -> {
                    out.writeInt(classes.size());
                    for (var e : classes.entrySet()) {
                        Wire.writeString(out, e.getKey());
                        out.writeInt(e.getValue().length);
                        out.write(e.getValue());
                    }
                    Wire.writeString(out, mainClass);
                }, Duration.ofSeconds(10));
                ok.readByte();
            } catch (ChildFailure | IOException e) {
                if (e instanceof ChildFailure f && f.timedOut()) {
                    timeouts++;
                }
                drop();
                throw new ChildFailure("the sandbox could not load the submission: " + e.getMessage());
            }
        }
        try {
            return new Answer(child.call(type, request, timeout));
        } catch (ChildFailure e) {
            if (e.timedOut()) {
                timeouts++;
            }
            drop();
            throw e;
        }
    }

    /** Ends the current child (after it failed, or when a case must not share it). */
    public void drop() {
        if (child != null) {
            pool.release(child);
            child = null;
        }
    }

    @Override
    public void close() {
        drop();
    }
}
