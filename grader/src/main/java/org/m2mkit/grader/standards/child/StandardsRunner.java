package org.m2mkit.grader.standards.child;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.m2mkit.grader.child.LabRunner;
import org.m2mkit.grader.child.Submitted;
import org.m2mkit.grader.child.Wire;
import org.m2mkit.grader.standards.api.MeterBridge;
import org.m2mkit.grader.standards.api.RegisterBlock;

/**
 * The standards lab in the sandbox child: one register block goes to a new bridge's {@code toSenml} and to another
 * new bridge's {@code toLwm2m}; what each returned or threw comes back.
 */
public final class StandardsRunner implements LabRunner {
    /** One block: both translations. */
    public static final byte TRANSLATE = 1;

    @Override
    public void run(byte op, DataInputStream in, DataOutputStream res, Submitted submission) throws IOException {
        if (op != TRANSLATE) {
            throw new IOException("unknown standards request " + op);
        }
        RegisterBlock block = StandardsWire.readBlock(in);
        res.write(answer(d -> StandardsWire.writeRecords(d, submission.make(MeterBridge.class, null, null).toSenml(block))));
        res.write(answer(d -> StandardsWire.writeValues(d, submission.make(MeterBridge.class, null, null).toLwm2m(block))));
    }

    /** One call of the student's code, writing what it returned. */
    private interface Call {
        void write(DataOutputStream d) throws Throwable;
    }

    /** {@link Wire#OK} and what the call wrote, or what it threw. */
    private static byte[] answer(Call call) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            DataOutputStream d = new DataOutputStream(buf);
            d.writeByte(Wire.OK);
            call.write(d);
            d.flush();
        } catch (Throwable t) {
            thrown(buf, t);
        }
        return buf.toByteArray();
    }

    /** What was thrown, whether it is an {@link IllegalArgumentException}, and its message. */
    private static void thrown(ByteArrayOutputStream buf, Throwable t) throws IOException {
        buf.reset();
        DataOutputStream d = new DataOutputStream(buf);
        Wire.writeThrown(d, t);
        d.writeBoolean(t instanceof IllegalArgumentException);
        String message;
        try {
            message = t.getMessage();
        } catch (Throwable inner) {
            message = null;
        }
        Wire.writeString(d, message);
        d.flush();
    }
}
