package org.m2mkit.grader.gateway.child;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.m2mkit.grader.child.Wire;
import org.m2mkit.labs.api.Gateway;
import org.m2mkit.labs.api.GatewayConfig;

/** Runs the steps of one case on the student's object and writes, per step, what came back or what was thrown. */
final class GatewayStepRunner {
    static final byte OP_READING = 1;
    static final byte OP_REPORT = 2;
    static final byte OP_DEMAND = 3;

    /** Makes the student's object; may throw anything the student's constructor throws. */
    interface Factory<T> {
        T make() throws Throwable;
    }

    private GatewayStepRunner() {
    }

    static void run(GatewayConfig config, byte[][] ops, DataOutputStream res, Factory<Gateway> factory)
            throws IOException {
        Gateway gateway;
        try {
            gateway = factory.make();
        } catch (Throwable t) {
            res.writeInt(-1);
            Wire.writeThrown(res, t);
            return;
        }
        res.writeInt(ops.length);
        for (byte[] op : ops) {
            ByteArrayOutputStream step = new ByteArrayOutputStream();
            try {
                DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(op));
                DataOutputStream d = new DataOutputStream(step);
                d.writeByte(Wire.OK);
                byte kind = in.readByte();
                if (kind == OP_READING) {
                    GatewayWire.writeAlerts(d, gateway.onReading(GatewayWire.readReading(in)));
                } else if (kind == OP_REPORT) {
                    GatewayWire.writeReport(d, gateway.report(in.readLong()));
                } else {
                    GatewayWire.writeCommands(d, gateway.onDemandResponse(GatewayWire.readDemand(in)));
                }
                d.flush();
            } catch (Throwable t) {
                res.write(thrown(step, t));
                return;
            }
            res.write(step.toByteArray());
        }
    }

    static void scale(int meters, int readings, int reports, long seed, DataOutputStream res, Factory<Gateway> factory)
            throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            ScaleRun.Digest digest = ScaleRun.run(factory.make(), meters, readings, reports, seed);
            DataOutputStream d = new DataOutputStream(buf);
            d.writeByte(Wire.OK);
            d.writeInt(digest.reports().size());
            for (var r : digest.reports()) {
                GatewayWire.writeReport(d, r);
            }
            d.writeInt(digest.alerts());
            d.writeLong(digest.alertHash());
            d.flush();
        } catch (Throwable t) {
            thrown(buf, t);
        }
        res.write(buf.toByteArray());
    }

    /** Replaces what {@code buf} holds with the description of {@code t}; returns the bytes. */
    private static byte[] thrown(ByteArrayOutputStream buf, Throwable t) throws IOException {
        buf.reset();
        DataOutputStream d = new DataOutputStream(buf);
        Wire.writeThrown(d, t);
        d.flush();
        return buf.toByteArray();
    }
}
