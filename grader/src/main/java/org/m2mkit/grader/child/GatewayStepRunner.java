package org.m2mkit.grader.child;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.m2mkit.labs.api.Gateway;
import org.m2mkit.labs.api.GatewayConfig;
import org.m2mkit.labs.api.ProtocolAdvisor;
import org.m2mkit.labs.api.Recommendation;
import org.m2mkit.labs.api.Scenario;

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
            writeThrown(res, t);
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
                    Wire.writeAlerts(d, gateway.onReading(Wire.readReading(in)));
                } else if (kind == OP_REPORT) {
                    Wire.writeReport(d, gateway.report(in.readLong()));
                } else {
                    Wire.writeCommands(d, gateway.onDemandResponse(Wire.readDemand(in)));
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
                Wire.writeReport(d, r);
            }
            d.writeInt(digest.alerts());
            d.writeLong(digest.alertHash());
            d.flush();
        } catch (Throwable t) {
            thrown(buf, t);
        }
        res.write(buf.toByteArray());
    }

    static void advise(Scenario[] scenarios, DataOutputStream res, Factory<ProtocolAdvisor> factory) throws IOException {
        res.writeInt(scenarios.length);
        for (Scenario s : scenarios) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try {
                Recommendation r = factory.make().recommend(s);
                DataOutputStream d = new DataOutputStream(buf);
                d.writeByte(Wire.OK);
                Wire.writeRecommendation(d, r);
                d.flush();
            } catch (Throwable t) {
                thrown(buf, t);
            }
            res.write(buf.toByteArray());
        }
    }

    /** Replaces what {@code buf} holds with the description of {@code t}; returns the bytes. */
    private static byte[] thrown(ByteArrayOutputStream buf, Throwable t) throws IOException {
        buf.reset();
        DataOutputStream d = new DataOutputStream(buf);
        writeThrown(d, t);
        d.flush();
        return buf.toByteArray();
    }

    /** Names what was thrown without trusting it: a student's toString may itself throw. */
    static void writeThrown(DataOutputStream d, Throwable t) throws IOException {
        d.writeByte(Wire.THREW);
        String text;
        try {
            text = String.valueOf(t);
        } catch (Throwable inner) {
            text = t.getClass().getName();
        }
        StackTraceElement where = null;
        try {
            for (StackTraceElement e : t.getStackTrace()) {
                if ("submission".equals(e.getClassLoaderName())) {
                    where = e;
                    break;
                }
            }
        } catch (Throwable ignored) {
            // no location then
        }
        Wire.writeString(d, t.getClass().getName());
        Wire.writeString(d, text);
        Wire.writeString(d, where == null ? null : where.getFileName() + ":" + where.getLineNumber()
                + " (" + where.getMethodName() + ")");
    }
}
