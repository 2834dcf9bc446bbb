package org.m2mkit.grader.gateway.child;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.m2mkit.grader.child.LabRunner;
import org.m2mkit.grader.child.Submitted;
import org.m2mkit.grader.child.Wire;
import org.m2mkit.labs.api.Gateway;
import org.m2mkit.labs.api.GatewayConfig;

/** The gateway lab in the sandbox child: graded cases, the scale test, and the live lab's kept gateway. */
public final class GatewayRunner implements LabRunner {
    /** A graded case: a configuration and the calls to make on a new gateway. */
    public static final byte CASE = 1;
    /** The scale test: a seeded stream of readings and reports over many meters. */
    public static final byte SCALE = 2;
    /** Live lab: make the submission's gateway and keep it for the following {@link #LIVE_STEP}s. */
    public static final byte LIVE_OPEN = 3;
    /** Live lab: one call (a reading, a report or a demand response) on the kept gateway. */
    public static final byte LIVE_STEP = 4;

    /** The gateway a live-lab child keeps between calls. */
    private Gateway live;

    @Override
    public void warmUp() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        GatewayWire.writeConfig(new DataOutputStream(sink), ScaleRun.config(3));
        GatewayWire.readConfig(new DataInputStream(new ByteArrayInputStream(sink.toByteArray())));
    }

    @Override
    public void run(byte op, DataInputStream in, DataOutputStream res, Submitted submission) throws IOException {
        if (op == CASE) {
            GatewayConfig config = GatewayWire.readConfig(in);
            int steps = in.readInt();
            byte[][] ops = new byte[steps][];
            for (int i = 0; i < steps; i++) {
                ops[i] = in.readNBytes(in.readInt());
            }
            GatewayStepRunner.run(config, ops, res, () -> submission.make(Gateway.class, GatewayConfig.class, config));
        } else if (op == SCALE) {
            int meters = in.readInt();
            int readings = in.readInt();
            int reports = in.readInt();
            long seed = in.readLong();
            boolean baseline = in.readBoolean();
            GatewayStepRunner.scale(meters, readings, reports, seed, res, baseline
                    ? () -> new ScaleBaseline(ScaleRun.config(meters))
                    : () -> submission.make(Gateway.class, GatewayConfig.class, ScaleRun.config(meters)));
        } else if (op == LIVE_OPEN) {
            GatewayConfig config = GatewayWire.readConfig(in);
            try {
                live = submission.make(Gateway.class, GatewayConfig.class, config);
                res.writeByte(Wire.OK);
            } catch (Throwable t) {
                live = null;
                Wire.writeThrown(res, t);
            }
        } else if (op == LIVE_STEP) {
            byte[] step = in.readNBytes(in.readInt());
            Gateway kept = live;
            GatewayStepRunner.run(null, new byte[][] {step}, res, () -> {
                if (kept == null) {
                    throw new IllegalStateException("no live gateway was made");
                }
                return kept;
            });
        } else {
            throw new IOException("unknown gateway request " + op);
        }
    }
}
