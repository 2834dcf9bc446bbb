package org.m2mkit.grader.gateway;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.m2mkit.grader.TestResult;
import org.m2mkit.grader.child.Wire;
import org.m2mkit.grader.gateway.child.GatewayRunner;
import org.m2mkit.grader.gateway.child.GatewayWire;
import org.m2mkit.grader.gateway.child.ScaleRun;
import org.m2mkit.grader.sandbox.ChildFailure;
import org.m2mkit.grader.sandbox.SandboxSession;
import org.m2mkit.labs.api.Alert;
import org.m2mkit.labs.api.AreaReport;
import org.m2mkit.labs.api.Gateway;
import org.m2mkit.labs.api.HvacCommand;
import org.m2mkit.labs.gateway.ReferenceGateway;

/**
 * Grades a gateway submission: each case's calls run on the student's gateway in the sandbox, the same calls
 * run here on the reference gateway, and the checked answers are compared. Then the scale test.
 */
public final class GatewaySuite {
    static final byte OP_READING = 1;
    static final byte OP_REPORT = 2;
    static final byte OP_DEMAND = 3;
    static final int SCALE_READINGS = 200_000;
    static final int SCALE_REPORTS = 100;
    static final long SCALE_SEED = 46_032L;
    static final int SMALL_METERS = 100;
    static final int LARGE_METERS = 10_000;
    private static final String RUNNER = GatewayRunner.class.getName();

    private GatewaySuite() {
    }

    public static double maxScore() {
        return 100;
    }

    /** Runs every case ({@code visibleOnly}: only the visible ones) and the scale test. */
    public static List<TestResult> run(SandboxSession session, boolean visibleOnly) {
        List<TestResult> results = new ArrayList<>();
        for (GatewayCase c : GatewayCases.all()) {
            if (!visibleOnly || c.visible()) {
                results.add(runCase(session, c));
            }
        }
        if (!visibleOnly) {
            results.add(ScaleTest.run(session));
        }
        return results;
    }

    static List<Object> expected(GatewayCase c) {
        Gateway reference = new ReferenceGateway(c.config());
        List<Object> answers = new ArrayList<>();
        for (Step s : c.steps()) {
            if (s instanceof Step.Reading r) {
                answers.add(reference.onReading(r.reading()));
            } else if (s instanceof Step.Report r) {
                answers.add(reference.report(r.nowMs()));
            } else if (s instanceof Step.Demand d) {
                answers.add(reference.onDemandResponse(d.command()));
            }
        }
        return answers;
    }

    private static TestResult runCase(SandboxSession session, GatewayCase c) {
        List<Object> expected = expected(c);
        String title = c.rule().label() + ": " + c.name();
        try {
            SandboxSession.Answer answer = session.call(RUNNER, GatewayRunner.CASE, out -> {
                GatewayWire.writeConfig(out, c.config());
                out.writeInt(c.steps().size());
                for (Step s : c.steps()) {
                    byte[] op = encode(s);
                    out.writeInt(op.length);
                    out.write(op);
                }
            }, session.limits().caseTimeout());
            DataInputStream in = answer.in();
            int done = in.readInt();
            String verdict = null;
            if (done < 0) {
                verdict = "the constructor threw " + thrown(in);
            } else {
                for (int i = 0; i < c.steps().size(); i++) {
                    Step step = c.steps().get(i);
                    byte status = in.readByte();
                    if (status == Wire.THREW) {
                        String threw = "step " + (i + 1) + ", " + step.call() + " threw " + thrown(in);
                        verdict = verdict == null ? threw : verdict;
                        break;
                    }
                    Object actual = read(step, in);
                    if (step.checked() && verdict == null) {
                        verdict = compare(c, i, step, actual, expected.get(i));
                    }
                }
            }
            SandboxSession.Tail tail = answer.tail();
            return verdict(c, title, verdict, tail);
        } catch (ChildFailure e) {
            return fail(c, title, e.verdict(), "");
        } catch (IOException e) {
            session.drop();
            return fail(c, title, "the sandbox sent an answer the grader could not read (" + e.getMessage() + ")", "");
        }
    }

    static TestResult verdict(GatewayCase c, String title, String caseVerdict, SandboxSession.Tail tail) {
        String verdict = tail.verdict(caseVerdict);
        String printed = tail.printedText();
        if (verdict == null) {
            return new TestResult(title, c.number(), c.rule().label(), c.points(), c.points(), "passed", c.visible(), printed);
        }
        return fail(c, title, verdict, printed);
    }

    private static TestResult fail(GatewayCase c, String title, String message, String printed) {
        return new TestResult(title, c.number(), c.rule().label(), 0, c.points(), message, c.visible(), printed);
    }

    static String thrown(DataInputStream in) throws IOException {
        String type = Wire.readString(in);
        String text = Wire.readString(in);
        String where = Wire.readString(in);
        String hint = "";
        if ("java.lang.OutOfMemoryError".equals(type)) {
            hint = " (the heap limit of the sandbox was reached)";
        } else if ("java.lang.StackOverflowError".equals(type)) {
            hint = " (endless recursion?)";
        } else if (text != null && (text.contains("java.lang.ProcessImpl")
                || text.contains("Cannot run program") && text.contains("error=1,"))) {
            hint = " (it tried to start another process; submissions may not run programs)";
        }
        return text + (where == null ? "" : " at " + where) + hint;
    }

    private static byte[] encode(Step s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            if (s instanceof Step.Reading r) {
                d.writeByte(OP_READING);
                GatewayWire.writeReading(d, r.reading());
            } else if (s instanceof Step.Report r) {
                d.writeByte(OP_REPORT);
                d.writeLong(r.nowMs());
            } else if (s instanceof Step.Demand dr) {
                d.writeByte(OP_DEMAND);
                GatewayWire.writeDemand(d, dr.command());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Object read(Step s, DataInputStream in) throws IOException {
        if (s instanceof Step.Reading) {
            return GatewayWire.readAlerts(in);
        }
        if (s instanceof Step.Report) {
            return GatewayWire.readReport(in);
        }
        return GatewayWire.readCommands(in);
    }

    /** Null when the answer is right; else what is wrong, with expected values only for visible cases. */
    @SuppressWarnings("unchecked")
    static String compare(GatewayCase c, int index, Step step, Object actual, Object expected) {
        String at = "step " + (index + 1) + ", " + step.call();
        if (actual == null) {
            return at + " returned null" + (step instanceof Step.Report ? "" : " (return an empty list instead)");
        }
        if (step instanceof Step.Reading) {
            if (!sameAlerts((List<Alert>) actual, (List<Alert>) expected)) {
                return at + " returned " + Java.alerts((List<Alert>) actual)
                        + (c.visible() ? ", expected " + Java.alerts((List<Alert>) expected) : ", which " + c.rule().label()
                        + " does not allow here");
            }
            return null;
        }
        if (step instanceof Step.Demand) {
            if (!sameCommands((List<HvacCommand>) actual, (List<HvacCommand>) expected)) {
                return at + " returned " + Java.commands((List<HvacCommand>) actual)
                        + (c.visible() ? ", expected " + Java.commands((List<HvacCommand>) expected)
                        : ", which " + c.rule().label() + " does not allow here");
            }
            return null;
        }
        Step.Report r = (Step.Report) step;
        AreaReport a = (AreaReport) actual;
        AreaReport e = (AreaReport) expected;
        for (Step.ReportField f : r.fields()) {
            boolean same = switch (f) {
                case PERIOD -> Objects.equals(a.areaId(), e.areaId()) && a.periodStartMs() == e.periodStartMs()
                        && a.periodEndMs() == e.periodEndMs();
                case COUNTS -> a.metersReporting() == e.metersReporting() && a.metersSilent() == e.metersSilent();
                case TOTAL -> close(a.totalKw(), e.totalKw());
                case PEAK -> close(a.peakKw(), e.peakKw()) && Objects.equals(a.peakMeterId(), e.peakMeterId());
                case ALERTS_COUNT -> a.alerts() == e.alerts();
                case REJECTED -> a.rejected() == e.rejected();
            };
            if (!same) {
                return at + ": " + f.components() + " " + (c.visible()
                        ? "were " + fields(f, a) + ", expected " + fields(f, e)
                        : "were " + fields(f, a) + ", which " + c.rule().label() + " does not allow here");
            }
        }
        return null;
    }

    private static String fields(Step.ReportField f, AreaReport r) {
        return switch (f) {
            case PERIOD -> Java.str(r.areaId()) + ", " + r.periodStartMs() + ", " + r.periodEndMs();
            case COUNTS -> r.metersReporting() + ", " + r.metersSilent();
            case TOTAL -> Java.dbl(r.totalKw());
            case PEAK -> Java.dbl(r.peakKw()) + ", " + Java.str(r.peakMeterId());
            case ALERTS_COUNT -> Integer.toString(r.alerts());
            case REJECTED -> Integer.toString(r.rejected());
        };
    }

    static boolean close(double a, double b) {
        if (a == b || (Double.isNaN(a) && Double.isNaN(b))) {
            return true;
        }
        double diff = Math.abs(a - b);
        return diff <= 1e-9 || diff <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }

    private static boolean sameAlerts(List<Alert> a, List<Alert> e) {
        if (a.size() != e.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Alert x = a.get(i);
            Alert y = e.get(i);
            if (x == null || !Objects.equals(x.meterId(), y.meterId()) || x.timestampMs() != y.timestampMs()
                    || !close(x.kw(), y.kw())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameCommands(List<HvacCommand> a, List<HvacCommand> e) {
        if (a.size() != e.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            HvacCommand x = a.get(i);
            HvacCommand y = e.get(i);
            if (x == null || !Objects.equals(x.deviceId(), y.deviceId()) || !Objects.equals(x.eventId(), y.eventId())
                    || !close(x.setpointDeltaC(), y.setpointDeltaC()) || x.durationMs() != y.durationMs()) {
                return false;
            }
        }
        return true;
    }

    /** Rule 5: the same stream over 100 and over 10,000 meters; the larger may not take 8 times as long and over 1 s. */
    static final class ScaleTest {
        private ScaleTest() {
        }

        static TestResult run(SandboxSession session) {
            GatewayCase c = new GatewayCase("5.1", "200,000 readings and 100 reports over 100 and over 10,000 meters",
                    GatewayRule.SCALE, GatewayRule.SCALE.points(), false, ScaleRun.config(1), List.of());
            String title = c.rule().label() + ": " + c.name();
            try {
                // the yardstick: a simple constant-work gateway on the 100-meter stream, in this same JVM
                Run yard = once(session, SMALL_METERS, session.limits().scaleTimeout(), true);
                Run small = once(session, SMALL_METERS, session.limits().scaleTimeout(), false);
                if (small.problem != null) {
                    return fail(c, title, "with " + SMALL_METERS + " meters: " + small.problem, small.printed);
                }
                Duration budget = largeBudget(session, base(small, yard));
                Run large;
                try {
                    large = once(session, LARGE_METERS, budget, false);
                } catch (ChildFailure e) {
                    if (e.getMessage().contains("time limit")) {
                        return fail(c, title, String.format(java.util.Locale.ROOT,
                                "10,000 meters did not finish within %.1f s while 100 meters took %.2f s; the limit is "
                                        + "8 times as long or 1 s: onReading must do constant work per call",
                                budget.toMillis() / 1000.0, base(small, yard)), small.printed);
                    }
                    throw e;
                }
                if (large.problem != null) {
                    return fail(c, title, "with " + LARGE_METERS + " meters: " + large.problem, large.printed);
                }
                if (tooSlow(base(small, yard), large) && large.seconds < 3 * Math.max(1.0, 8 * base(small, yard))) {
                    // a close call, perhaps a busy machine: measure all three once more and keep the better pair
                    Run yard2 = once(session, SMALL_METERS, session.limits().scaleTimeout(), true);
                    Run small2 = once(session, SMALL_METERS, session.limits().scaleTimeout(), false);
                    Run large2 = once(session, LARGE_METERS, largeBudget(session, base(small2, yard2)), false);
                    if (small2.problem == null && large2.problem == null && !tooSlow(base(small2, yard2), large2)) {
                        yard = yard2;
                        small = small2;
                        large = large2;
                    }
                }
                double base = base(small, yard);
                if (tooSlow(base, large)) {
                    return fail(c, title, String.format(java.util.Locale.ROOT,
                            "10,000 meters took %.2f s, %.1f times as long as 100 meters (%.2f s%s); the limit is 8 "
                                    + "times or 1 s: onReading must do constant work per call",
                            large.seconds, large.seconds / base, base, base < small.seconds
                                    ? String.format(java.util.Locale.ROOT, ", counted as at most %d times a simple "
                                    + "gateway's time; it took %.2f s", YARDSTICK_FACTOR, small.seconds) : ""),
                            large.printed);
                }
                return new TestResult(title, c.number(), c.rule().label(), c.points(), c.points(),
                        String.format(java.util.Locale.ROOT, "passed (100 meters %.2f s, 10,000 meters %.2f s)",
                                small.seconds, large.seconds), false, large.printed);
            } catch (ChildFailure e) {
                return fail(c, title, e.verdict(), "");
            } catch (IOException e) {
                session.drop();
                return fail(c, title, "the sandbox sent an answer the grader could not read (" + e.getMessage() + ")", "");
            }
        }

        /** The 100-meter run counts as at most this many times the yardstick gateway's time on it. */
        static final int YARDSTICK_FACTOR = 8;

        /**
         * The base of the ratio: the submission's 100-meter time, but no more than {@link #YARDSTICK_FACTOR} times the
         * yardstick's, so that a 100-meter run slowed on purpose cannot hide a gateway that scans every meter.
         */
        private static double base(Run small, Run yard) {
            return yard.problem != null ? small.seconds : Math.min(small.seconds, YARDSTICK_FACTOR * yard.seconds);
        }

        private static boolean tooSlow(double base, Run large) {
            return large.seconds > 1.0 && large.seconds > 8 * base;
        }

        private record Run(double seconds, String problem, String printed) {}

        /** Long enough for any run that passes, with room for a busy machine; a slower run fails anyway. */
        private static Duration largeBudget(SandboxSession session, double base) {
            long ms = (long) (Math.max(1.0, 8 * base) * 3000);
            return Duration.ofMillis(Math.min(ms, session.limits().scaleTimeout().toMillis()));
        }

        private static Run once(SandboxSession session, int meters, Duration timeout, boolean yardstick)
                throws ChildFailure, IOException {
            long start = System.nanoTime();
            SandboxSession.Answer answer = session.call(RUNNER, GatewayRunner.SCALE, out -> {
                out.writeInt(meters);
                out.writeInt(SCALE_READINGS);
                out.writeInt(SCALE_REPORTS);
                out.writeLong(SCALE_SEED);
                out.writeBoolean(yardstick);
            }, timeout);
            double seconds = (System.nanoTime() - start) / 1e9;
            DataInputStream in = answer.in();
            String problem = null;
            if (in.readByte() == Wire.THREW) {
                problem = "threw " + thrown(in);
            } else {
                int n = Wire.readCount(in);
                int good = 0;
                for (int i = 0; i < n; i++) {
                    AreaReport r = GatewayWire.readReport(in);
                    if (r != null && ScaleRun.AREA.equals(r.areaId())) {
                        good++;
                    }
                }
                in.readInt();
                in.readLong();
                if (good != SCALE_REPORTS) {
                    problem = "only " + good + " of the " + SCALE_REPORTS + " reports were for the gateway's area";
                }
            }
            SandboxSession.Tail tail = answer.tail();
            if (problem == null && tail.overOutputLimit()) {
                problem = "printed more than the limit of the sandbox";
            }
            return new Run(seconds, problem, tail.printed() == null ? "" : tail.printed());
        }
    }
}
