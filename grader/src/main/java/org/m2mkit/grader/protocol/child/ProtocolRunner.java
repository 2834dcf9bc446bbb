package org.m2mkit.grader.protocol.child;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.m2mkit.grader.child.LabRunner;
import org.m2mkit.grader.child.Submitted;
import org.m2mkit.grader.child.Wire;
import org.m2mkit.labs.api.ProtocolAdvisor;
import org.m2mkit.labs.api.Recommendation;
import org.m2mkit.labs.api.Scenario;

/** The protocol lab in the sandbox child: each scenario goes to a new advisor, its recommendation comes back. */
public final class ProtocolRunner implements LabRunner {
    /** Scenarios to advise on: a count, then each scenario. */
    public static final byte ADVISE = 1;

    @Override
    public void run(byte op, DataInputStream in, DataOutputStream res, Submitted submission) throws IOException {
        if (op != ADVISE) {
            throw new IOException("unknown protocol request " + op);
        }
        int n = in.readInt();
        Scenario[] scenarios = new Scenario[n];
        for (int i = 0; i < n; i++) {
            scenarios[i] = ProtocolWire.readScenario(in);
        }
        res.writeInt(scenarios.length);
        for (Scenario s : scenarios) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try {
                Recommendation r = submission.make(ProtocolAdvisor.class, null, null).recommend(s);
                DataOutputStream d = new DataOutputStream(buf);
                d.writeByte(Wire.OK);
                ProtocolWire.writeRecommendation(d, r);
                d.flush();
            } catch (Throwable t) {
                buf.reset();
                DataOutputStream d = new DataOutputStream(buf);
                Wire.writeThrown(d, t);
                d.flush();
            }
            res.write(buf.toByteArray());
        }
    }
}
