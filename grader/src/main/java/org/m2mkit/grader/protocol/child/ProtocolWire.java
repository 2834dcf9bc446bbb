package org.m2mkit.grader.protocol.child;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.m2mkit.grader.child.Wire;
import org.m2mkit.labs.api.Link;
import org.m2mkit.labs.api.Need;
import org.m2mkit.labs.api.NodeClass;
import org.m2mkit.labs.api.PowerSource;
import org.m2mkit.labs.api.Protocol;
import org.m2mkit.labs.api.Recommendation;
import org.m2mkit.labs.api.Scenario;

/** The protocol lab's values on the sandbox channel; both ends use it. */
public final class ProtocolWire {
    private ProtocolWire() {
    }

    public static void writeScenario(DataOutputStream out, Scenario s) throws IOException {
        Wire.writeString(out, s.id());
        Wire.writeString(out, s.summary());
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
        String id = Wire.readString(in);
        String summary = Wire.readString(in);
        NodeClass nodeClass = NodeClass.values()[in.readInt()];
        PowerSource power = PowerSource.values()[in.readInt()];
        boolean ip = in.readBoolean();
        boolean mobile = in.readBoolean();
        double latency = in.readDouble();
        int payload = in.readInt();
        double perDay = in.readDouble();
        double range = in.readDouble();
        int n = Wire.readCount(in);
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
            Wire.writeString(out, r.rationale());
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
                Wire.readString(in));
    }
}
