package org.m2mkit.grader.gateway.child;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.m2mkit.grader.child.Wire;
import org.m2mkit.labs.api.Alert;
import org.m2mkit.labs.api.AreaReport;
import org.m2mkit.labs.api.DemandResponse;
import org.m2mkit.labs.api.GatewayConfig;
import org.m2mkit.labs.api.HvacCommand;
import org.m2mkit.labs.api.HvacUnit;
import org.m2mkit.labs.api.MeterReading;

/** The gateway lab's values on the sandbox channel; both ends use it. */
public final class GatewayWire {
    private GatewayWire() {
    }

    public static void writeConfig(DataOutputStream out, GatewayConfig c) throws IOException {
        Wire.writeString(out, c.areaId());
        out.writeInt(c.meterIds().size());
        for (String id : c.meterIds()) {
            Wire.writeString(out, id);
        }
        out.writeInt(c.hvacUnits().size());
        for (HvacUnit u : c.hvacUnits()) {
            Wire.writeString(out, u.deviceId());
            out.writeDouble(u.shedKwPerDegreeC());
        }
        out.writeDouble(c.spikeThresholdKw());
        out.writeLong(c.alertCooldownMs());
        out.writeLong(c.silentAfterMs());
    }

    public static GatewayConfig readConfig(DataInputStream in) throws IOException {
        String area = Wire.readString(in);
        int n = Wire.readCount(in);
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            ids.add(Wire.readString(in));
        }
        int m = Wire.readCount(in);
        List<HvacUnit> units = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            units.add(new HvacUnit(Wire.readString(in), in.readDouble()));
        }
        return new GatewayConfig(area, java.util.Collections.unmodifiableSet(ids), List.copyOf(units),
                in.readDouble(), in.readLong(), in.readLong());
    }

    public static void writeReading(DataOutputStream out, MeterReading r) throws IOException {
        out.writeBoolean(r != null);
        if (r != null) {
            Wire.writeString(out, r.meterId());
            Wire.writeString(out, r.areaId());
            out.writeLong(r.timestampMs());
            out.writeDouble(r.kw());
        }
    }

    public static MeterReading readReading(DataInputStream in) throws IOException {
        return in.readBoolean() ? new MeterReading(Wire.readString(in), Wire.readString(in), in.readLong(), in.readDouble()) : null;
    }

    public static void writeDemand(DataOutputStream out, DemandResponse d) throws IOException {
        out.writeBoolean(d != null);
        if (d != null) {
            Wire.writeString(out, d.eventId());
            Wire.writeString(out, d.areaId());
            out.writeDouble(d.reduceKw());
            out.writeDouble(d.setpointDeltaC());
            out.writeLong(d.durationMs());
        }
    }

    public static DemandResponse readDemand(DataInputStream in) throws IOException {
        return in.readBoolean()
                ? new DemandResponse(Wire.readString(in), Wire.readString(in), in.readDouble(), in.readDouble(), in.readLong())
                : null;
    }

    public static void writeAlerts(DataOutputStream out, List<Alert> alerts) throws IOException {
        List<Alert> copy = Wire.boundedCopy(alerts);
        out.writeInt(copy == null ? -1 : copy.size());
        if (copy != null) {
            for (Alert a : copy) {
                out.writeBoolean(a != null);
                if (a != null) {
                    Wire.writeString(out, a.meterId());
                    out.writeLong(a.timestampMs());
                    out.writeDouble(a.kw());
                }
            }
        }
    }

    public static List<Alert> readAlerts(DataInputStream in) throws IOException {
        int n = Wire.readCount(in);
        if (n < 0) {
            return null;
        }
        List<Alert> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(in.readBoolean() ? new Alert(Wire.readString(in), in.readLong(), in.readDouble()) : null);
        }
        return list;
    }

    public static void writeReport(DataOutputStream out, AreaReport r) throws IOException {
        out.writeBoolean(r != null);
        if (r != null) {
            Wire.writeString(out, r.areaId());
            out.writeLong(r.periodStartMs());
            out.writeLong(r.periodEndMs());
            out.writeInt(r.metersReporting());
            out.writeInt(r.metersSilent());
            out.writeDouble(r.totalKw());
            out.writeDouble(r.peakKw());
            Wire.writeString(out, r.peakMeterId());
            out.writeInt(r.alerts());
            out.writeInt(r.rejected());
        }
    }

    public static AreaReport readReport(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return new AreaReport(Wire.readString(in), in.readLong(), in.readLong(), in.readInt(), in.readInt(),
                in.readDouble(), in.readDouble(), Wire.readString(in), in.readInt(), in.readInt());
    }

    public static void writeCommands(DataOutputStream out, List<HvacCommand> commands) throws IOException {
        List<HvacCommand> copy = Wire.boundedCopy(commands);
        out.writeInt(copy == null ? -1 : copy.size());
        if (copy != null) {
            for (HvacCommand c : copy) {
                out.writeBoolean(c != null);
                if (c != null) {
                    Wire.writeString(out, c.deviceId());
                    Wire.writeString(out, c.eventId());
                    out.writeDouble(c.setpointDeltaC());
                    out.writeLong(c.durationMs());
                }
            }
        }
    }

    public static List<HvacCommand> readCommands(DataInputStream in) throws IOException {
        int n = Wire.readCount(in);
        if (n < 0) {
            return null;
        }
        List<HvacCommand> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(in.readBoolean()
                    ? new HvacCommand(Wire.readString(in), Wire.readString(in), in.readDouble(), in.readLong()) : null);
        }
        return list;
    }
}
