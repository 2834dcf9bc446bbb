package org.m2mkit.grader.standards.child;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.m2mkit.grader.child.Wire;
import org.m2mkit.grader.standards.api.Lwm2mValue;
import org.m2mkit.grader.standards.api.RegisterBlock;
import org.m2mkit.grader.standards.api.SenmlRecord;
import org.m2mkit.grader.standards.api.WordOrder;

/** The standards lab's values on the sandbox channel; both ends use it. */
public final class StandardsWire {
    /** Most registers a block on the channel may hold. */
    static final int MAX_REGISTERS = 64;

    private StandardsWire() {
    }

    public static void writeBlock(DataOutputStream out, RegisterBlock b) throws IOException {
        Wire.writeString(out, b.area());
        Wire.writeString(out, b.device());
        out.writeInt(b.wordOrder() == null ? -1 : b.wordOrder().ordinal());
        out.writeLong(b.timeMs());
        int[] regs = b.registers();
        out.writeInt(regs == null ? -1 : regs.length);
        if (regs != null) {
            for (int r : regs) {
                out.writeInt(r);
            }
        }
    }

    public static RegisterBlock readBlock(DataInputStream in) throws IOException {
        String area = Wire.readString(in);
        String device = Wire.readString(in);
        int order = in.readInt();
        if (order < -1 || order >= WordOrder.values().length) {
            throw new IOException("word order out of range on the channel");
        }
        long time = in.readLong();
        int n = in.readInt();
        if (n < -1 || n > MAX_REGISTERS) {
            throw new IOException("block of " + n + " registers on the channel");
        }
        int[] regs = n < 0 ? null : new int[n];
        for (int i = 0; i < n; i++) {
            regs[i] = in.readInt();
        }
        return new RegisterBlock(area, device, order < 0 ? null : WordOrder.values()[order], time, regs);
    }

    public static void writeRecords(DataOutputStream out, List<SenmlRecord> records) throws IOException {
        List<SenmlRecord> copy = Wire.boundedCopy(records);
        out.writeInt(copy == null ? -1 : copy.size());
        if (copy != null) {
            for (SenmlRecord r : copy) {
                out.writeBoolean(r != null);
                if (r != null) {
                    Wire.writeString(out, r.bn());
                    writeDouble(out, r.bt());
                    Wire.writeString(out, r.n());
                    Wire.writeString(out, r.u());
                    writeDouble(out, r.v());
                    out.writeByte(r.vb() == null ? -1 : r.vb() ? 1 : 0);
                }
            }
        }
    }

    public static List<SenmlRecord> readRecords(DataInputStream in) throws IOException {
        int n = Wire.readCount(in);
        if (n < 0) {
            return null;
        }
        List<SenmlRecord> list = new ArrayList<>(Math.min(n, 1_000));
        for (int i = 0; i < n; i++) {
            if (!in.readBoolean()) {
                list.add(null);
                continue;
            }
            String bn = Wire.readString(in);
            Double bt = readDouble(in);
            String name = Wire.readString(in);
            String unit = Wire.readString(in);
            Double v = readDouble(in);
            byte vb = in.readByte();
            list.add(new SenmlRecord(bn, bt, name, unit, v, vb < 0 ? null : vb == 1));
        }
        return list;
    }

    public static void writeValues(DataOutputStream out, List<Lwm2mValue> values) throws IOException {
        List<Lwm2mValue> copy = Wire.boundedCopy(values);
        out.writeInt(copy == null ? -1 : copy.size());
        if (copy != null) {
            for (Lwm2mValue v : copy) {
                out.writeBoolean(v != null);
                if (v != null) {
                    Wire.writeString(out, v.path());
                    writeDouble(out, v.number());
                    Wire.writeString(out, v.text());
                }
            }
        }
    }

    public static List<Lwm2mValue> readValues(DataInputStream in) throws IOException {
        int n = Wire.readCount(in);
        if (n < 0) {
            return null;
        }
        List<Lwm2mValue> list = new ArrayList<>(Math.min(n, 1_000));
        for (int i = 0; i < n; i++) {
            list.add(in.readBoolean() ? new Lwm2mValue(Wire.readString(in), readDouble(in), Wire.readString(in)) : null);
        }
        return list;
    }

    private static void writeDouble(DataOutputStream out, Double d) throws IOException {
        out.writeBoolean(d != null);
        if (d != null) {
            out.writeDouble(d);
        }
    }

    private static Double readDouble(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }
}
