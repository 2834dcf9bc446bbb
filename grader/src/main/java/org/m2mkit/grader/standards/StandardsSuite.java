package org.m2mkit.grader.standards;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.m2mkit.grader.TestResult;
import org.m2mkit.grader.child.Wire;
import org.m2mkit.grader.sandbox.ChildFailure;
import org.m2mkit.grader.sandbox.SandboxSession;
import org.m2mkit.grader.standards.api.Lwm2mValue;
import org.m2mkit.grader.standards.api.RegisterBlock;
import org.m2mkit.grader.standards.api.SenmlRecord;
import org.m2mkit.grader.standards.child.StandardsRunner;
import org.m2mkit.grader.standards.child.StandardsWire;

/**
 * Grades a meter bridge: each case's block goes to the student's bridge in the sandbox (only the block, never the
 * answers), the same block goes here to the {@link ReferenceBridge}, and the case's rule alone is compared.
 */
public final class StandardsSuite {
    private static final String RUNNER = StandardsRunner.class.getName();
    /** The SenML records in order, with their names and units (null: a boolean record has no unit). */
    static final List<String> NAMES = List.of("power", "energy", "voltage", "supply", "tamper");
    static final List<String> UNITS = java.util.Arrays.asList("W", "Wh", "V", null, null);
    static final List<String> PATHS = List.of("/3305/0/5800", "/3305/0/5805", "/3316/0/5700", "/3316/0/5701");

    private StandardsSuite() {
    }

    public static List<TestResult> run(SandboxSession session, boolean visibleOnly) {
        List<TestResult> results = new ArrayList<>();
        for (BridgeCase c : StandardsCases.all()) {
            if (!visibleOnly || c.visible()) {
                results.add(runCase(session, c));
            }
        }
        return results;
    }

    /** What one translation returned, or what it threw. */
    record Outcome<T>(List<T> answer, String threw, boolean illegalArgument, String message) {
        static <T> Outcome<T> returned(List<T> answer) {
            return new Outcome<>(answer, null, false, null);
        }
    }

    private static TestResult runCase(SandboxSession session, BridgeCase c) {
        String title = c.rule().label() + ": " + c.name();
        try {
            SandboxSession.Answer answer = session.call(RUNNER, StandardsRunner.TRANSLATE,
                    out -> StandardsWire.writeBlock(out, c.block()), session.limits().caseTimeout());
            DataInputStream in = answer.in();
            Outcome<SenmlRecord> senml = in.readByte() == Wire.THREW ? thrown(in)
                    : Outcome.returned(StandardsWire.readRecords(in));
            Outcome<Lwm2mValue> lwm2m = in.readByte() == Wire.THREW ? thrown(in)
                    : Outcome.returned(StandardsWire.readValues(in));
            String verdict = check(c, senml, lwm2m);
            SandboxSession.Tail tail = answer.tail();
            return result(c, title, tail.verdict(verdict), tail.printedText());
        } catch (ChildFailure e) {
            return result(c, title, e.verdict(), "");
        } catch (IOException e) {
            session.drop();
            return result(c, title, "the sandbox sent an answer the grader could not read (" + e.getMessage() + ")", "");
        }
    }

    private static TestResult result(BridgeCase c, String title, String verdict, String printed) {
        return new TestResult(title, c.number(), c.rule().label(), verdict == null ? c.points() : 0, c.points(),
                verdict == null ? "passed" : verdict, c.visible(), printed);
    }

    private static <T> Outcome<T> thrown(DataInputStream in) throws IOException {
        String type = Wire.readString(in);
        String text = Wire.readString(in);
        String where = Wire.readString(in);
        boolean illegalArgument = in.readBoolean();
        String message = Wire.readString(in);
        String hint = "java.lang.OutOfMemoryError".equals(type) ? " (the heap limit of the sandbox was reached)"
                : "java.lang.StackOverflowError".equals(type) ? " (endless recursion?)" : "";
        return new Outcome<>(null, text + (where == null ? "" : " at " + where) + hint, illegalArgument, message);
    }

    /** Null when the case's rule holds; else what is wrong, with expected values only for visible cases. */
    static String check(BridgeCase c, Outcome<SenmlRecord> senml, Outcome<Lwm2mValue> lwm2m) {
        if (c.rule() == StandardsRule.REJECT) {
            String s = refused("toSenml", senml, c);
            return s != null ? s : refused("toLwm2m", lwm2m, c);
        }
        ReferenceBridge reference = new ReferenceBridge();
        if (c.rule() == StandardsRule.LWM2M) {
            return checkLwm2m(c, lwm2m, senml, reference.toLwm2m(c.block()));
        }
        String broken = usable("toSenml", senml);
        if (broken != null) {
            return broken;
        }
        List<SenmlRecord> got = senml.answer();
        List<SenmlRecord> want = reference.toSenml(c.block());
        return switch (c.rule()) {
            case WORD_ORDER_ABCD, WORD_ORDER_CDAB -> number(c, got, want, 0);
            case ENERGY -> number(c, got, want, 1);
            case VOLTAGE -> number(c, got, want, 2);
            case STATUS -> {
                String s = bool(c, got, want, 3);
                yield s != null ? s : bool(c, got, want, 4);
            }
            case NAMES_UNITS -> namesAndUnits(c, got);
            case BASE_NAME -> base(c, got, want.get(0).bn(), SenmlRecord::bn, "bn");
            case BASE_TIME -> base(c, got, want.get(0).bt(), SenmlRecord::bt, "bt");
            default -> throw new IllegalStateException("no check for " + c.rule());
        };
    }

    private static String refused(String method, Outcome<?> o, BridgeCase c) {
        String what = describe(c.block(), c.visible());
        if (o.threw() == null) {
            return method + " accepted " + what + "; it must throw IllegalArgumentException saying what is wrong";
        }
        if (!o.illegalArgument()) {
            return method + " threw " + o.threw() + " for " + what + "; throw IllegalArgumentException instead";
        }
        if (o.message() == null || o.message().isBlank()) {
            return method + " threw IllegalArgumentException without a message for " + what
                    + "; say what is wrong and what is accepted";
        }
        return null;
    }

    private static String describe(RegisterBlock b, boolean visible) {
        return b.registers() == null ? "a block without registers"
                : "a block of " + b.registers().length + " registers" + (visible ? " " + hex(b.registers()) : "");
    }

    static String hex(int[] registers) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < registers.length; i++) {
            s.append(i == 0 ? "" : ", ").append(registers[i] >= 0 && registers[i] <= 0xFFFF
                    ? String.format(Locale.ROOT, "0x%04X", registers[i]) : Integer.toString(registers[i]));
        }
        return s.append(']').toString();
    }

    private static String usable(String method, Outcome<?> o) {
        if (o.threw() != null) {
            return method + " threw " + o.threw();
        }
        if (o.answer() == null) {
            return method + " returned null";
        }
        return null;
    }

    private static String number(BridgeCase c, List<SenmlRecord> got, List<SenmlRecord> want, int index) {
        double expected = want.get(index).v();
        return value(c, got, index, SenmlRecord::v, v -> v != null && close(v, expected), expected + " "
                + UNITS.get(index) + " from registers " + hex(c.block().registers()) + " of a " + c.block().wordOrder()
                + " meter");
    }

    private static String bool(BridgeCase c, List<SenmlRecord> got, List<SenmlRecord> want, int index) {
        boolean expected = want.get(index).vb();
        return value(c, got, index, SenmlRecord::vb, vb -> vb != null && vb == expected, expected
                + " for status register " + c.block().registers()[5]);
    }

    /** Null when record {@code index} holds a right value; else what it held, and for a visible case what not. */
    private static <T> String value(BridgeCase c, List<SenmlRecord> got, int index,
                                    java.util.function.Function<SenmlRecord, T> field,
                                    java.util.function.Predicate<T> right, String expected) {
        String missing = record(got, index);
        if (missing != null) {
            return missing;
        }
        T actual = field.apply(got.get(index));
        if (right.test(actual)) {
            return null;
        }
        return NAMES.get(index) + " (record " + (index + 1) + ") was " + actual + (c.visible()
                ? ", expected " + expected : ", which " + c.rule().label() + " does not allow here");
    }

    private static String record(List<SenmlRecord> got, int index) {
        if (got.size() <= index) {
            return "toSenml returned " + got.size() + " records; record " + (index + 1) + " (" + NAMES.get(index)
                    + ") is missing";
        }
        if (got.get(index) == null) {
            return "record " + (index + 1) + " (" + NAMES.get(index) + ") is null";
        }
        return null;
    }

    private static String namesAndUnits(BridgeCase c, List<SenmlRecord> got) {
        if (got.size() != NAMES.size()) {
            return "toSenml returned " + got.size() + " records; expected " + NAMES.size() + ": " + NAMES;
        }
        for (int i = 0; i < NAMES.size(); i++) {
            SenmlRecord r = got.get(i);
            if (r == null) {
                return "record " + (i + 1) + " is null";
            }
            if (!NAMES.get(i).equals(r.n()) || !Objects.equals(UNITS.get(i), r.u())) {
                return "record " + (i + 1) + " has n=" + quoted(r.n()) + " and u=" + quoted(r.u()) + "; expected n="
                        + quoted(NAMES.get(i)) + " and u=" + quoted(UNITS.get(i));
            }
            boolean numeric = i < 3;
            if (numeric && (r.v() == null || r.vb() != null) || !numeric && (r.vb() == null || r.v() != null)) {
                return "record " + (i + 1) + " (" + NAMES.get(i) + ") must carry " + (numeric ? "a number in v" : "a boolean in vb")
                        + " and nothing in " + (numeric ? "vb" : "v");
            }
        }
        return null;
    }

    private static <T> String base(BridgeCase c, List<SenmlRecord> got, T expected,
                                   java.util.function.Function<SenmlRecord, T> field, String name) {
        String missing = record(got, 0);
        if (missing != null) {
            return missing;
        }
        T first = field.apply(got.get(0));
        boolean same = expected instanceof Double e ? first instanceof Double f && close(f, e) : Objects.equals(first, expected);
        if (!same) {
            return "the first record's " + name + " was " + quoted(first) + (c.visible() ? ", expected " + quoted(expected)
                    : ", which " + c.rule().label() + " does not allow here");
        }
        for (int i = 1; i < got.size(); i++) {
            if (got.get(i) != null && field.apply(got.get(i)) != null) {
                return "record " + (i + 1) + " also carries " + name + "; only the first record may";
            }
        }
        return null;
    }

    private static String checkLwm2m(BridgeCase c, Outcome<Lwm2mValue> lwm2m, Outcome<SenmlRecord> senml,
                                     List<Lwm2mValue> want) {
        String broken = usable("toLwm2m", lwm2m);
        if (broken != null) {
            return broken;
        }
        List<Lwm2mValue> got = lwm2m.answer();
        if (got.size() != PATHS.size()) {
            return "toLwm2m returned " + got.size() + " values; expected " + PATHS.size() + ": " + PATHS;
        }
        // the numbers are held against the submission's own SenML reading where it has one, so that a mistake in
        // R2 to R5 costs only its own rule
        double[] expected = {want.get(0).number(), want.get(1).number(), want.get(2).number()};
        if (senml.answer() != null && senml.answer().size() >= 3 && senml.answer().stream().limit(3)
                .allMatch(r -> r != null && r.v() != null)) {
            expected = new double[] {senml.answer().get(0).v(), senml.answer().get(1).v() / 1000.0,
                    senml.answer().get(2).v()};
        }
        for (int i = 0; i < PATHS.size(); i++) {
            Lwm2mValue v = got.get(i);
            if (v == null) {
                return "value " + (i + 1) + " is null";
            }
            if (!PATHS.get(i).equals(v.path())) {
                return "value " + (i + 1) + " has the path " + quoted(v.path()) + "; expected " + PATHS.get(i);
            }
            if (i < 3 && (v.number() == null || v.text() != null || !close(v.number(), expected[i]))) {
                return PATHS.get(i) + " was " + (v.number() != null ? v.number() : quoted(v.text()))
                        + (c.visible() ? ", expected " + expected[i] + (i == 1 ? " kWh" : i == 0 ? " W" : " V")
                        : ", which " + c.rule().label() + " does not allow here");
            }
            if (i == 3 && (!"V".equals(v.text()) || v.number() != null)) {
                return PATHS.get(i) + " (Sensor Units) was " + (v.number() != null ? v.number() : quoted(v.text()))
                        + "; expected the text \"V\"";
            }
        }
        return null;
    }

    private static String quoted(Object o) {
        return o instanceof String s ? '"' + s + '"' : String.valueOf(o);
    }

    static boolean close(double a, double b) {
        if (a == b || (Double.isNaN(a) && Double.isNaN(b))) {
            return true;
        }
        double diff = Math.abs(a - b);
        return diff <= 1e-9 || diff <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }
}
