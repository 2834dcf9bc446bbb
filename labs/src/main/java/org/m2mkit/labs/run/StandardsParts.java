package org.m2mkit.labs.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.m2mkit.labs.compare.ProtocolFigures;
import org.m2mkit.labs.compare.WireComparison;
import org.m2mkit.labs.compare.WireEvent;
import org.m2mkit.labs.compare.WireLog;
import org.m2mkit.labs.compare.WireProtocol;
import org.m2mkit.labs.gateway.LegacyBridge;
import org.m2mkit.labs.meter.LoadModel;
import org.m2mkit.labs.modbus.ModbusMeter;
import org.m2mkit.labs.modbus.RegisterMap;
import org.m2mkit.labs.modbus.WordOrder;
import org.m2mkit.labs.net.NetworkLink;
import org.m2mkit.labs.wire.Topics;

/**
 * The standards parts of a live run beside its MQTT stack: the packets of every protocol on one {@link WireLog},
 * the legacy Modbus TCP meters and the gateway's bridge to them, and the LwM2M plane. Built by {@link LabRun}.
 */
final class StandardsParts implements AutoCloseable {

    /** After the confirmation, acknowledgements still belong to the cycle for this long. */
    private static final long GRACE_MS = 1000;

    private final LabRunConfig config;
    private final Timeline timeline;
    private final Recorder recorder;
    private final WireLog wire = new WireLog(200_000);
    private final Map<String, ModbusMeter> legacy = new LinkedHashMap<>();
    private final Map<String, NetworkLink> legacyLinks = new LinkedHashMap<>();
    private final Map<String, Long> legacySpikeUntil = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<ScheduledFuture<?>> ticks = new ArrayList<>();
    private final Set<String> meters;
    private final long startMs = System.currentTimeMillis();
    private LegacyBridge bridge;
    private Lwm2mPlane plane;

    StandardsParts(LabRunConfig config, Timeline timeline, Recorder recorder) {
        this.config = config;
        this.timeline = timeline;
        this.recorder = recorder;
        this.meters = Set.copyOf(config.meterIds());
    }

    /**
     * Starts the legacy meters with the bridge and the LwM2M plane, as the config asks.
     *
     * @param meterLink opens a legacy meter's MQTT link, which the bridge publishes its readings on
     */
    void start(Function<String, NetworkLink> meterLink, AtomicInteger numbers, ScheduledExecutorService scheduler,
               ScheduledExecutorService meterClock) {
        List<String> legacyIds = config.legacyMeterIds();
        List<LegacyBridge.Device> table = new ArrayList<>();
        List<LoadModel> loads = LabRunConfig.loadModels(config.meters(), config.seed());
        List<String> all = config.meterIds();
        SplittableRandom random = new SplittableRandom(config.seed() * 4_441);
        for (int i = 0; i < legacyIds.size(); i++) {
            String id = legacyIds.get(i);
            WordOrder order = i % 2 == 0 ? WordOrder.ABCD : WordOrder.CDAB;
            LoadModel load = loads.get(all.indexOf(id));
            ModbusMeter m = ModbusMeter.start(id, order, "127.0.0.1", new RegisterMap.Reading(
                    load.expectedKw(config.startHour()) * 1000, 0, 230.0, true, false));
            legacy.put(id, m);
            table.add(new LegacyBridge.Device(id, "127.0.0.1", m.port(), order));
            legacyLinks.put(id, meterLink.apply(id));
            long interval = config.readingIntervalMs();
            ticks.add(meterClock.scheduleAtFixedRate(() -> legacyTick(m, load, random), interval, interval,
                    TimeUnit.MILLISECONDS));
        }
        if (config.standards().protocol().lwm2m()) {
            plane = new Lwm2mPlane(config, config.lwm2mMeterIds(), legacyIds, wire, timeline, numbers, scheduler);
        }
        if (!legacyIds.isEmpty()) {
            bridge = new LegacyBridge(config.areaId(), table, wire, recorder, this::bridged);
            bridge.start(scheduler, config.readingIntervalMs());
            recorder.note("gateway", "bridging " + legacyIds.size() + " legacy Modbus TCP meters: " + describe());
        }
        if (plane != null) {
            recorder.note("lab", "LwM2M server " + plane.serverUri() + " (CoAP over UDP, SenML-CBOR): "
                    + plane.registered().size() + " devices registered");
        }
    }

    private String describe() {
        List<String> out = new ArrayList<>();
        legacy.forEach((id, m) -> out.add(id + " (" + m.wordOrder() + ", port " + m.port() + ")"));
        return String.join(", ", out);
    }

    private void legacyTick(ModbusMeter m, LoadModel load, SplittableRandom random) {
        Long until = legacySpikeUntil.get(m.id());
        double w;
        if (until != null && System.currentTimeMillis() < until) {
            w = config.spikeKw() * 1000;
        } else {
            double hour = (config.startHour() + (System.currentTimeMillis() - startMs) / 3_600_000.0) % 24;
            synchronized (random) {
                w = load.sample(hour, random) * 1000;
            }
        }
        RegisterMap.Reading last = m.reading();
        long wh = last.wattHours() + Math.round(w * config.readingIntervalMs() / 3_600_000.0);
        m.set(new RegisterMap.Reading(w, wh, 230.0, true, false));
    }

    /** The bridge's output: a SenML reading over MQTT on the meter's own topic, and its LwM2M resources. */
    private void bridged(String id, long atMs, org.m2mkit.labs.modbus.ModbusPoller.Poll poll) {
        NetworkLink link = legacyLinks.get(id);
        if (link != null && config.standards().protocol().mqtt()) {
            link.publish(Topics.meterReading(config.areaId(), id),
                    LegacyBridge.senml(config.areaId(), id, atMs, poll.reading()), 1, false);
        }
        if (plane != null) {
            plane.bridged(id, poll.reading());
        }
    }

    /** Counts an MQTT message the run's observer saw. */
    void mqttSeen(long atMs, String from, String to, String kind, String topic, int payloadBytes, String device) {
        WireComparison.recordPublish(wire, atMs, from, to.isEmpty() ? null : to, kind, topic, payloadBytes, device);
    }

    boolean isLegacy(String meterId) {
        return legacy.containsKey(meterId);
    }

    boolean hasLwm2m(String meterId) {
        return plane != null && plane.hasMeter(meterId);
    }

    /**
     * A legacy meter's spike: its power register reads the spike's load from {@code t0} (three readings in a
     * paced run, until the next poll in a fast one) and the bridge polls it at once.
     */
    void legacySpike(String meterId, long t0) {
        ModbusMeter m = legacy.get(meterId);
        legacySpikeUntil.put(meterId, t0 + (config.mode() == Mode.PACED ? 3 * config.readingIntervalMs() : 1));
        RegisterMap.Reading last = m.reading();
        m.set(new RegisterMap.Reading(config.spikeKw() * 1000, last.wattHours(), last.volts(), true, false));
        try {
            bridge.poll(meterId);
        } catch (org.m2mkit.labs.UserError e) {
            recorder.error("gateway", e.getMessage());
        }
    }

    /** Starts the LwM2M cycle of a spike; {@code announce} makes its t=0 a milestone (no MQTT cycle has it). */
    CompletableFuture<Cycle> lwm2mSpike(String meterId, long t0, boolean announce) {
        return plane.spike(meterId, t0, isLegacy(meterId), announce);
    }

    List<Cycle> lwm2mCycles() {
        return plane == null ? List.of() : plane.cycles();
    }

    WireLog wire() {
        return wire;
    }

    /** The LwM2M server's {@code coap://} address, or null when LwM2M is off. */
    String lwm2mUri() {
        return plane == null ? null : plane.serverUri();
    }

    List<String> lwm2mRegistered() {
        return plane == null ? List.of() : plane.registered();
    }

    /** The figures of a finished cycle over {@code protocol}. */
    ProtocolFigures figures(WireProtocol protocol, Cycle c) {
        Map<String, Long> steps = new LinkedHashMap<>();
        for (Milestone m : Milestone.values()) {
            steps.put(m.name(), c.offsetMs(m));
        }
        long alert = c.at().getOrDefault(Milestone.ALERT, c.spikeMs());
        long end = c.at().getOrDefault(Milestone.CONFIRMATION, System.currentTimeMillis()) + GRACE_MS;
        return WireComparison.cycle(wire, protocol, c.number(), c.meterId(), c.spikeMs(), alert, end, meters, steps);
    }

    /**
     * Modbus polling's figures for cycle {@code c}: the polls of its legacy meter up to the alert when a legacy
     * meter spiked, else every poll of the gateway from the spike to the confirmation; every poll so far without a
     * cycle.
     */
    ProtocolFigures modbus(Cycle c) {
        List<WireEvent> polls;
        if (c == null) {
            polls = wire.between(WireProtocol.MODBUS, 0, Long.MAX_VALUE);
        } else if (isLegacy(c.meterId())) {
            long alert = c.at().getOrDefault(Milestone.ALERT, c.spikeMs());
            polls = wire.between(WireProtocol.MODBUS, c.spikeMs(), alert).stream()
                    .filter(e -> c.meterId().equals(e.about())).toList();
        } else {
            polls = wire.between(WireProtocol.MODBUS, c.spikeMs(),
                    c.at().getOrDefault(Milestone.CONFIRMATION, System.currentTimeMillis()));
        }
        int reading = WireComparison.readingBytes(wire, WireProtocol.MODBUS, meters);
        return WireComparison.figures(WireProtocol.MODBUS, c == null ? 0 : c.number(), polls, reading, Map.of());
    }

    boolean hasLegacy() {
        return !legacy.isEmpty();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    @Override
    public void close() {
        ticks.forEach(t -> t.cancel(false));
        if (bridge != null) {
            bridge.close();
        }
        if (plane != null) {
            plane.close();
        }
        legacy.values().forEach(ModbusMeter::close);
        legacyLinks.values().forEach(NetworkLink::close);
    }

    Set<String> meters() {
        return new HashSet<>(meters);
    }
}
