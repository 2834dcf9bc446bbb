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
        ByteArrayOutputStream senml = new ByteArrayOutputStream();
        try {
            DataOutputStream d = new DataOutputStream(senml);
            d.writeByte(Wire.OK);
            StandardsWire.writeRecords(d, submission.make(MeterBridge.class, null, null).toSenml(block));
            d.flush();
        } catch (Throwable t) {
            thrown(senml, t);
        }
        res.write(senml.toByteArray());
        ByteArrayOutputStream lwm2m = new ByteArrayOutputStream();
        try {
            DataOutputStream d = new DataOutputStream(lwm2m);
            d.writeByte(Wire.OK);
            StandardsWire.writeValues(d, submission.make(MeterBridge.class, null, null).toLwm2m(block));
            d.flush();
        } catch (Throwable t) {
            thrown(lwm2m, t);
        }
        res.write(lwm2m.toByteArray());
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
