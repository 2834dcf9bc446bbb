package org.m2mkit.grader.child;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.m2mkit.labs.api.Alert;
import org.m2mkit.labs.api.AreaReport;
import org.m2mkit.labs.api.DemandResponse;
import org.m2mkit.labs.api.GatewayConfig;
import org.m2mkit.labs.api.HvacCommand;
import org.m2mkit.labs.api.HvacUnit;
import org.m2mkit.labs.api.Link;
import org.m2mkit.labs.api.MeterReading;
import org.m2mkit.labs.api.NodeClass;
import org.m2mkit.labs.api.PowerSource;
import org.m2mkit.labs.api.Protocol;
import org.m2mkit.labs.api.Recommendation;
import org.m2mkit.labs.api.Need;
import org.m2mkit.labs.api.Scenario;

/**
 * The binary messages between the grader and a sandbox child: the grader sends inputs of the student's code,
 * the child answers with what that code returned, nothing else. Both ends use this class; it depends only on
 * the JDK and the labs API, because it runs inside the sandbox.
 */
public final class Wire {
    /** First bytes of every frame; a frame without them means something else wrote to the channel. */
    public static final int MAGIC = 0x4D324D4B;

    public static final byte READY = 1;
    public static final byte LOAD = 2;
    public static final byte GATEWAY_CASE = 3;
    public static final byte SCALE = 4;
    public static final byte ADVISE = 5;
    /** Live lab: make the submission's gateway and keep it for the following {@link #LIVE_STEP}s. */
    public static final byte LIVE_OPEN = 6;
    /** Live lab: one call (a reading, a report or a demand response) on the kept gateway. */
    public static final byte LIVE_STEP = 7;
    /** Code question: run one test method of the loaded JUnit test class (class, method, parameter types, nonce). */
    public static final byte JUNIT = 8;
    public static final byte RESULT = 10;

    /** Outcome of one step of a case, as written by the child. */
    public static final byte OK = 0;
    public static final byte THREW = 1;

    /** Longest string the child passes back; longer ones are cut. */
    public static final int MAX_STRING = 2_000;
    /** Most elements a returned list may have. */
    public static final int MAX_LIST = 100_000;

    private Wire() {
    }

    public static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        String cut = s.length() > MAX_STRING ? s.substring(0, MAX_STRING) : s;
        byte[] bytes = cut.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        if (n > 4 * MAX_STRING) {
            throw new IOException("string of " + n + " bytes on the channel");
        }
        return new String(in.readNBytes(n), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static int readCount(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < -1 || n > MAX_LIST) {
            throw new IOException("list of " + n + " elements on the channel");
        }
        return n;
    }

    public static void writeConfig(DataOutputStream out, GatewayConfig c) throws IOException {
        writeString(out, c.areaId());
        out.writeInt(c.meterIds().size());
        for (String id : c.meterIds()) {
            writeString(out, id);
        }
        out.writeInt(c.hvacUnits().size());
        for (HvacUnit u : c.hvacUnits()) {
            writeString(out, u.deviceId());
            out.writeDouble(u.shedKwPerDegreeC());
        }
        out.writeDouble(c.spikeThresholdKw());
        out.writeLong(c.alertCooldownMs());
        out.writeLong(c.silentAfterMs());
    }

    public static GatewayConfig readConfig(DataInputStream in) throws IOException {
        String area = readString(in);
        int n = readCount(in);
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            ids.add(readString(in));
        }
        int m = readCount(in);
        List<HvacUnit> units = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            units.add(new HvacUnit(readString(in), in.readDouble()));
        }
        return new GatewayConfig(area, java.util.Collections.unmodifiableSet(ids), List.copyOf(units),
                in.readDouble(), in.readLong(), in.readLong());
    }

    public static void writeReading(DataOutputStream out, MeterReading r) throws IOException {
        out.writeBoolean(r != null);
        if (r != null) {
            writeString(out, r.meterId());
            writeString(out, r.areaId());
            out.writeLong(r.timestampMs());
            out.writeDouble(r.kw());
        }
    }

    public static MeterReading readReading(DataInputStream in) throws IOException {
        return in.readBoolean() ? new MeterReading(readString(in), readString(in), in.readLong(), in.readDouble()) : null;
    }

    public static void writeDemand(DataOutputStream out, DemandResponse d) throws IOException {
        out.writeBoolean(d != null);
        if (d != null) {
            writeString(out, d.eventId());
            writeString(out, d.areaId());
            out.writeDouble(d.reduceKw());
            out.writeDouble(d.setpointDeltaC());
            out.writeLong(d.durationMs());
        }
    }

    public static DemandResponse readDemand(DataInputStream in) throws IOException {
        return in.readBoolean()
                ? new DemandResponse(readString(in), readString(in), in.readDouble(), in.readDouble(), in.readLong())
                : null;
    }

    public static void writeAlerts(DataOutputStream out, List<Alert> alerts) throws IOException {
        List<Alert> copy = boundedCopy(alerts);
        out.writeInt(copy == null ? -1 : copy.size());
        if (copy != null) {
            for (Alert a : copy) {
                out.writeBoolean(a != null);
                if (a != null) {
                    writeString(out, a.meterId());
                    out.writeLong(a.timestampMs());
                    out.writeDouble(a.kw());
                }
            }
        }
    }

    public static List<Alert> readAlerts(DataInputStream in) throws IOException {
        int n = readCount(in);
        if (n < 0) {
            return null;
        }
        List<Alert> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(in.readBoolean() ? new Alert(readString(in), in.readLong(), in.readDouble()) : null);
        }
        return list;
    }

    public static void writeReport(DataOutputStream out, AreaReport r) throws IOException {
        out.writeBoolean(r != null);
        if (r != null) {
            writeString(out, r.areaId());
            out.writeLong(r.periodStartMs());
            out.writeLong(r.periodEndMs());
            out.writeInt(r.metersReporting());
            out.writeInt(r.metersSilent());
            out.writeDouble(r.totalKw());
            out.writeDouble(r.peakKw());
            writeString(out, r.peakMeterId());
            out.writeInt(r.alerts());
            out.writeInt(r.rejected());
        }
    }

    public static AreaReport readReport(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return new AreaReport(readString(in), in.readLong(), in.readLong(), in.readInt(), in.readInt(),
                in.readDouble(), in.readDouble(), readString(in), in.readInt(), in.readInt());
    }

    public static void writeCommands(DataOutputStream out, List<HvacCommand> commands) throws IOException {
        List<HvacCommand> copy = boundedCopy(commands);
        out.writeInt(copy == null ? -1 : copy.size());
        if (copy != null) {
            for (HvacCommand c : copy) {
                out.writeBoolean(c != null);
                if (c != null) {
                    writeString(out, c.deviceId());
                    writeString(out, c.eventId());
                    out.writeDouble(c.setpointDeltaC());
                    out.writeLong(c.durationMs());
                }
            }
        }
    }

    public static List<HvacCommand> readCommands(DataInputStream in) throws IOException {
        int n = readCount(in);
        if (n < 0) {
            return null;
        }
        List<HvacCommand> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(in.readBoolean()
                    ? new HvacCommand(readString(in), readString(in), in.readDouble(), in.readLong()) : null);
        }
        return list;
    }

    public static void writeScenario(DataOutputStream out, Scenario s) throws IOException {
        writeString(out, s.id());
        writeString(out, s.summary());
        out.writeInt(s.nodeClass().ordinal());
        out.writeInt(s.power().ordinal());
        out.writeBoolean(s.ipCapable());
        out.writeBoolean(s.mobile());
        out.writeDouble(s.maxLatencyMs());
        out.writeInt(s.payloadBytes());
        out.writeDouble(s.messagesPerDay());
        out.writeDouble(s.rangeKm());
        out.writeInt(s.needs().size());
        for (Need n : s.needs()) {
            out.writeInt(n.ordinal());
        }
        out.writeInt(s.inServiceUntilYear());
    }

    public static Scenario readScenario(DataInputStream in) throws IOException {
        String id = readString(in);
        String summary = readString(in);
        NodeClass nodeClass = NodeClass.values()[in.readInt()];
        PowerSource power = PowerSource.values()[in.readInt()];
        boolean ip = in.readBoolean();
        boolean mobile = in.readBoolean();
        double latency = in.readDouble();
        int payload = in.readInt();
        double perDay = in.readDouble();
        double range = in.readDouble();
        int n = readCount(in);
        Set<Need> needs = EnumSet.noneOf(Need.class);
        for (int i = 0; i < n; i++) {
            needs.add(Need.values()[in.readInt()]);
        }
        return new Scenario(id, summary, nodeClass, power, ip, mobile, latency, payload, perDay, range,
                java.util.Collections.unmodifiableSet(needs), in.readInt());
    }

    public static void writeRecommendation(DataOutputStream out, Recommendation r) throws IOException {
        out.writeBoolean(r != null);
        if (r != null) {
            out.writeInt(r.protocol() == null ? -1 : r.protocol().ordinal());
            out.writeInt(r.link() == null ? -1 : r.link().ordinal());
            writeString(out, r.rationale());
        }
    }

    public static Recommendation readRecommendation(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        int p = in.readInt();
        int l = in.readInt();
        if (p < -1 || p >= Protocol.values().length || l < -1 || l >= Link.values().length) {
            throw new IOException("enum constant out of range on the channel");
        }
        return new Recommendation(p < 0 ? null : Protocol.values()[p], l < 0 ? null : Link.values()[l],
                readString(in));
    }

    /** Copies what the student's code returned, so that a list changing under us or without end cannot stall. */
    private static <T> List<T> boundedCopy(List<T> list) {
        if (list == null) {
            return null;
        }
        List<T> copy = new ArrayList<>();
        for (T t : list) {
            if (copy.size() == MAX_LIST) {
                throw new IllegalStateException("returned a list of more than " + MAX_LIST + " elements");
            }
            copy.add(t);
        }
        return copy;
    }
}
