package org.m2mkit.labs.wire;

import org.m2mkit.labs.api.Alert;
import org.m2mkit.labs.api.AreaReport;
import org.m2mkit.labs.api.DemandResponse;
import org.m2mkit.labs.api.HvacCommand;
import org.m2mkit.labs.api.MeterReading;

/**
 * The lab's messages and their SenML form (docs/labs.md has an example of each). Powers travel in W, set points
 * in Cel, set-point changes in K, durations and period starts in s, as RFC 8428 registers those units; the kit's
 * records use kW, °C and ms, and the conversion happens here only.
 */
public final class Messages {

    private Messages() {
    }

    /** Where a message sits in the gateway's uplink stream: the stream's epoch, its number, the oldest still held. */
    public record Seq(String epoch, long seq, long base) {
    }

    /** Something the gateway sends the cloud in order, once: an alert, a report or an opt-in. */
    public record Uplink<T>(Seq seq, T body) {
    }

    /** A demand-response event as sent: the event and when the cloud issued it. */
    public record DrEvent(DemandResponse event, long issuedMs) {
    }

    /** An HVAC command as sent by the gateway of {@code area}. */
    public record Command(String area, HvacCommand command, long issuedMs) {
    }

    /** The gateway's opt-in for an event: which units took part and the kW they shed. */
    public record OptIn(String area, String eventId, int units, double shedKw, long atMs) {
    }

    /** An HVAC unit's confirmation of a command: the set point it now holds. */
    public record Confirmation(String area, String device, String eventId, double setpointC, double indoorC,
                               double powerKw, long atMs) {
        public long setpointF() {
            return Math.round(Temperatures.toFahrenheit(setpointC));
        }

        /**
         * The figure's words with the exact set point, for instance "reduced to 74 °F (23.1 °C = 73.6 °F)": the
         * figure rounds to whole °F, the unit holds a tenth of a degree.
         */
        public String text() {
            return String.format(java.util.Locale.ROOT, "reduced to %d °F (%.1f °C = %.1f °F)", setpointF(), setpointC,
                    Temperatures.toFahrenheit(setpointC));
        }
    }

    /** The cloud's receipt: every uplink message of {@code epoch} up to {@code seq} arrived. */
    public record Ack(String area, String epoch, long seq) {
    }

    /** A device's retained state: online or offline. */
    public record Status(String area, String device, String state, long atMs) {
    }

    public static byte[] reading(MeterReading r) {
        return Pack.of(r.areaId(), r.meterId(), r.timestampMs()).value("power", "W", r.kw() * 1000).encode();
    }

    public static MeterReading reading(byte[] json) {
        Pack p = Pack.decode(json);
        return new MeterReading(p.device(), p.area(), p.timeMs(), p.number("power", "W") / 1000);
    }

    public static byte[] alert(String area, Seq seq, Alert a) {
        return seq(Pack.of(area, "gateway", a.timestampMs()), seq)
                .string("meter", a.meterId()).value("spike", "W", a.kw() * 1000).encode();
    }

    public static Uplink<Alert> alert(byte[] json) {
        Pack p = Pack.decode(json);
        return new Uplink<>(seq(p), new Alert(p.string("meter"), p.timeMs(), p.number("spike", "W") / 1000));
    }

    public static byte[] report(Seq seq, AreaReport r) {
        Pack p = seq(Pack.of(r.areaId(), "gateway", r.periodEndMs()), seq)
                .value("period-start", "s", r.periodStartMs() / 1000.0)
                .value("meters-reporting", null, r.metersReporting())
                .value("meters-silent", null, r.metersSilent())
                .value("total-power", "W", r.totalKw() * 1000)
                .value("peak-power", "W", r.peakKw() * 1000)
                .string("peak-meter", r.peakMeterId())
                .value("alerts", null, r.alerts())
                .value("rejected", null, r.rejected());
        return p.encode();
    }

    public static Uplink<AreaReport> report(byte[] json) {
        Pack p = Pack.decode(json);
        AreaReport r = new AreaReport(p.area(), Math.round(p.number("period-start", "s") * 1000), p.timeMs(),
                (int) p.integer("meters-reporting"), (int) p.integer("meters-silent"),
                p.number("total-power", "W") / 1000, p.number("peak-power", "W") / 1000,
                p.optionalString("peak-meter"), (int) p.integer("alerts"), (int) p.integer("rejected"));
        return new Uplink<>(seq(p), r);
    }

    public static byte[] optIn(Seq seq, OptIn o) {
        return seq(Pack.of(o.area(), "gateway", o.atMs()), seq).string("event", o.eventId()).string("opt", "in")
                .value("units", null, o.units()).value("shed-power", "W", o.shedKw() * 1000).encode();
    }

    public static Uplink<OptIn> optIn(byte[] json) {
        Pack p = Pack.decode(json);
        return new Uplink<>(seq(p), new OptIn(p.area(), p.string("event"), (int) p.integer("units"),
                p.number("shed-power", "W") / 1000, p.timeMs()));
    }

    public static byte[] dr(DrEvent e) {
        return drPack(e).encode();
    }

    /** The event signed by {@code signer} (a "sig" record over what the receiver will decode). */
    public static byte[] dr(DrEvent e, Signer signer) {
        String sig = signer.sign(canonical(dr(dr(e))));
        return sig == null ? dr(e) : drPack(e).string("sig", sig).encode();
    }

    /** Whether the event in {@code json} carries {@code signer}'s signature. */
    public static boolean drSignedBy(byte[] json, Signer signer) {
        return signer.verify(canonical(dr(json)), Pack.decode(json).optionalString("sig"));
    }

    private static Pack drPack(DrEvent e) {
        DemandResponse d = e.event();
        return Pack.of(d.areaId(), "cloud", e.issuedMs()).string("event", d.eventId())
                .value("reduce-power", "W", d.reduceKw() * 1000).value("setpoint-delta", "K", d.setpointDeltaC())
                .value("duration", "s", d.durationMs() / 1000.0);
    }

    private static String canonical(DrEvent e) {
        DemandResponse d = e.event();
        return "dr|" + d.areaId() + "|" + d.eventId() + "|" + d.reduceKw() + "|" + d.setpointDeltaC() + "|"
                + d.durationMs() + "|" + e.issuedMs();
    }

    public static DrEvent dr(byte[] json) {
        Pack p = Pack.decode(json);
        return new DrEvent(new DemandResponse(p.string("event"), p.area(), p.number("reduce-power", "W") / 1000,
                p.number("setpoint-delta", "K"), Math.round(p.number("duration", "s") * 1000)), p.timeMs());
    }

    public static byte[] command(Command c) {
        return commandPack(c).encode();
    }

    /** The command signed by {@code signer} (a "sig" record over what the receiver will decode). */
    public static byte[] command(Command c, Signer signer) {
        String sig = signer.sign(canonical(command(command(c))));
        return sig == null ? command(c) : commandPack(c).string("sig", sig).encode();
    }

    /** Whether the command in {@code json} carries {@code signer}'s signature. */
    public static boolean commandSignedBy(byte[] json, Signer signer) {
        return signer.verify(canonical(command(json)), Pack.decode(json).optionalString("sig"));
    }

    private static Pack commandPack(Command c) {
        HvacCommand h = c.command();
        return Pack.of(c.area(), h.deviceId(), c.issuedMs()).string("event", h.eventId())
                .value("setpoint-delta", "K", h.setpointDeltaC()).value("duration", "s", h.durationMs() / 1000.0);
    }

    private static String canonical(Command c) {
        HvacCommand h = c.command();
        return "command|" + c.area() + "|" + h.deviceId() + "|" + h.eventId() + "|" + h.setpointDeltaC() + "|"
                + h.durationMs() + "|" + c.issuedMs();
    }

    public static Command command(byte[] json) {
        Pack p = Pack.decode(json);
        return new Command(p.area(), new HvacCommand(p.device(), p.string("event"), p.number("setpoint-delta", "K"),
                Math.round(p.number("duration", "s") * 1000)), p.timeMs());
    }

    public static byte[] confirmation(Confirmation c) {
        return Pack.of(c.area(), c.device(), c.atMs()).string("event", c.eventId())
                .value("setpoint", "Cel", c.setpointC()).value("indoor", "Cel", c.indoorC())
                .value("power", "W", c.powerKw() * 1000).string("message", c.text()).encode();
    }

    public static Confirmation confirmation(byte[] json) {
        Pack p = Pack.decode(json);
        return new Confirmation(p.area(), p.device(), p.string("event"), p.number("setpoint", "Cel"),
                p.number("indoor", "Cel"), p.number("power", "W") / 1000, p.timeMs());
    }

    public static byte[] ack(Ack a, long atMs) {
        return Pack.of(a.area(), "cloud", atMs).string("epoch", a.epoch()).value("ack", null, a.seq()).encode();
    }

    public static Ack ack(byte[] json) {
        Pack p = Pack.decode(json);
        return new Ack(p.area(), p.string("epoch"), p.integer("ack"));
    }

    public static byte[] status(Status s) {
        return Pack.of(s.area(), s.device(), s.atMs()).string("status", s.state()).encode();
    }

    public static Status status(byte[] json) {
        Pack p = Pack.decode(json);
        return new Status(p.area(), p.device(), p.string("status"), p.timeMs());
    }

    private static Pack seq(Pack p, Seq seq) {
        return p.string("epoch", seq.epoch()).value("seq", null, seq.seq()).value("base-seq", null, seq.base());
    }

    private static Seq seq(Pack p) {
        return new Seq(p.string("epoch"), p.integer("seq"), p.integer("base-seq"));
    }
}
