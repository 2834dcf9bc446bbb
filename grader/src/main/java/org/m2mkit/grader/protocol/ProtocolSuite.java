package org.m2mkit.grader.protocol;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.m2mkit.grader.TestResult;
import org.m2mkit.grader.child.Wire;
import org.m2mkit.grader.protocol.child.ProtocolRunner;
import org.m2mkit.grader.protocol.child.ProtocolWire;
import org.m2mkit.grader.sandbox.ChildFailure;
import org.m2mkit.grader.sandbox.SandboxSession;
import org.m2mkit.labs.api.Recommendation;

/**
 * Grades a protocol advisor: each scenario of the bank goes to the student's advisor in the sandbox (only the
 * scenario, never its answers), and the grader scores what comes back: 0.6 of the scenario's points for the
 * protocol and 0.4 for the link, with the bank's partial credit.
 */
public final class ProtocolSuite {
    public static final double PROTOCOL_SHARE = 0.6;
    public static final double LINK_SHARE = 0.4;

    private ProtocolSuite() {
    }

    public static List<TestResult> run(SandboxSession session, boolean visibleOnly) {
        List<BankScenario> bank = ScenarioBank.load();
        double points = 100.0 / bank.size();
        List<TestResult> results = new ArrayList<>();
        int i = 0;
        for (BankScenario b : bank) {
            i++;
            if (visibleOnly && !b.visible()) {
                continue;
            }
            String name = "scenario " + b.scenario().id() + ": " + b.scenario().summary();
            String number = Integer.toString(i);
            String rule = b.section();
            try {
                SandboxSession.Answer answer = session.call(ProtocolRunner.class.getName(), ProtocolRunner.ADVISE, out -> {
                    out.writeInt(1);
                    ProtocolWire.writeScenario(out, b.scenario());
                }, session.limits().caseTimeout());
                DataInputStream in = answer.in();
                in.readInt();
                String problem = null;
                Recommendation r = null;
                if (in.readByte() == Wire.THREW) {
                    problem = "recommend threw " + thrown(in);
                } else {
                    r = ProtocolWire.readRecommendation(in);
                    if (r == null) {
                        problem = "recommend returned null";
                    }
                }
                SandboxSession.Tail tail = answer.tail();
                String printed = tail.printed() == null ? "" : tail.printed();
                if (problem == null && tail.overOutputLimit()) {
                    problem = "printed more than the limit of the sandbox";
                }
                if (problem != null) {
                    results.add(new TestResult(name, number, rule, 0, points, problem + "; 0 points. " + revisit(b),
                            b.visible(), printed));
                } else {
                    results.add(score(b, r, name, number, points, printed));
                }
            } catch (ChildFailure e) {
                results.add(new TestResult(name, number, rule, 0, points, e.verdict(), b.visible(), ""));
            } catch (IOException e) {
                session.drop();
                results.add(new TestResult(name, number, rule, 0, points,
                        "the sandbox sent an answer the grader could not read", b.visible(), ""));
            }
        }
        return results;
    }

    private static String thrown(DataInputStream in) throws IOException {
        String text = Wire.readString(in);
        text = Wire.readString(in);
        String where = Wire.readString(in);
        return text + (where == null ? "" : " at " + where);
    }

    /** The score and feedback for one answer. */
    static TestResult score(BankScenario b, Recommendation r, String name, String number, double points, String printed) {
        double pc = b.protocol().credit(r.protocol());
        double lc = b.link().credit(r.link());
        double won = (PROTOCOL_SHARE * pc + LINK_SHARE * lc) * points;
        StringBuilder m = new StringBuilder();
        m.append(String.format(Locale.ROOT, "%.2f of %.2f points. ", won, points));
        m.append(part("protocol", r.protocol(), pc, b.protocol(), b.visible()));
        m.append(' ');
        m.append(part("link", r.link(), lc, b.link(), b.visible()));
        if (!b.visible() && (pc < 1 || lc < 1)) {
            m.append(' ').append(revisit(b));
        }
        return new TestResult(name, number, b.section(), won, points, m.toString().strip(), b.visible(), printed);
    }

    private static <T> String part(String what, T answer, double credit, BankScenario.Answers<T> answers, boolean visible) {
        String verdict = credit >= 1 ? "right" : credit > 0 ? "partly right (" + Math.round(credit * 100) + "% credit)" : "wrong";
        StringBuilder s = new StringBuilder();
        s.append("The ").append(what).append(' ').append(answer).append(" is ").append(verdict).append('.');
        if (visible) {
            if (credit < 1) {
                s.append(" Expected ").append(ScenarioBank.names(answers.best(), String::valueOf)).append(": ")
                        .append(answers.reason());
            }
            String why = answers.wrong().get(answer);
            if (why != null) {
                s.append(' ').append(why);
            }
        }
        return s.toString();
    }

    private static String revisit(BankScenario b) {
        return "Revisit: " + b.topic() + " (section " + b.section() + ").";
    }
}
