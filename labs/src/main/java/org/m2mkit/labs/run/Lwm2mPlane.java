package org.m2mkit.labs.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.api.HvacUnit;
import org.m2mkit.labs.compare.WireLog;
import org.m2mkit.labs.lwm2m.EmbeddedLwm2mServer;
import org.m2mkit.labs.lwm2m.Lwm2mDevice;
import org.m2mkit.labs.lwm2m.Lwm2mObjects;
import org.m2mkit.labs.meter.LoadModel;
import org.m2mkit.labs.modbus.RegisterMap;
import org.m2mkit.labs.net.DatagramDelay;
import org.m2mkit.labs.wire.Temperatures;

/**
 * The cycle over LwM2M: the kit's Leshan server, on the cloud's side, observes the power resource (3305/0/5800)
 * of every LwM2M meter and the set point (3308/0/5900) of every HVAC unit; a spike notification is the alert, the
 * observed area power the report, and the demand response is a Write of the set point, which each unit confirms
 * by notifying the value it now holds. Each step is stamped on the run's timeline as a milestone of a cycle of
 * its own (numbered with the MQTT cycles). Meters and units are Leshan clients on loopback; every message goes
 * over UDP, delayed as the run's network profile says ({@link DatagramDelay}).
 */
final class Lwm2mPlane implements AutoCloseable {

    private static final Duration REGISTER_WAIT = Duration.ofSeconds(30);
    /** How many regular readings a paced spike lasts, as on the MQTT meters. */
    private static final int SPIKE_READINGS = 3;
    /** CoAP message sizes the network delay assumes before a message is sent (a notification or a write). */
    private static final int TYPICAL_MESSAGE_BYTES = 40;

    private final LabRunConfig config;
    private final Timeline timeline;
    private final CycleTracker tracker;
    private final ScheduledExecutorService scheduler;
    private final EmbeddedLwm2mServer server;
    private final Map<String, Lwm2mDevice> meters = new LinkedHashMap<>();
    private final Map<String, LoadModel> models = new LinkedHashMap<>();
    private final Map<String, Lwm2mDevice> hvac = new LinkedHashMap<>();
    private final Map<String, DatagramDelay> delays = new ConcurrentHashMap<>();
    private final Map<String, Double> latestW = new ConcurrentHashMap<>();
    private final Map<String, Long> spikes = new ConcurrentHashMap<>();
    private final Map<String, Long> spikeUntil = new ConcurrentHashMap<>();
    private final Map<String, String> hvacEvent = new ConcurrentHashMap<>();
    private final Map<String, Long> eventSpike = new ConcurrentHashMap<>();
    private final Map<String, Double> kwh = new ConcurrentHashMap<>();
    private final List<ScheduledFuture<?>> ticks = new ArrayList<>();
    private final AtomicInteger events = new AtomicInteger();
    private final SplittableRandom random;
    private final double normalSetpointC;
    private final long startMs = System.currentTimeMillis();
    private final boolean shared;
    /** Endpoint names are {@code <area>:<device>} on a server several runs share, else the device id. */
    private final String prefix;

    /**
     * Starts the server and every device, and waits until all have registered and are observed.
     *
     * @param meterIds  meters that are LwM2M devices of their own
     * @param bridged   legacy meters the gateway's bridge presents as LwM2M devices
     * @param numbers   cycle numbers, shared with the MQTT cycles
     */
    Lwm2mPlane(LabRunConfig config, List<String> meterIds, List<String> bridged, WireLog wire, Timeline timeline,
               AtomicInteger numbers, ScheduledExecutorService scheduler) {
        this.config = config;
        this.timeline = timeline;
        this.tracker = new CycleTracker(numbers);
        this.scheduler = scheduler;
        this.random = new SplittableRandom(config.seed() * 7_777);
        this.normalSetpointC = Temperatures.toCelsius(config.setpointF());
        EmbeddedLwm2mServer shared = config.standards().sharedServer();
        this.shared = shared != null;
        this.prefix = shared != null ? config.areaId() + ":" : "";
        server = shared != null ? shared : EmbeddedLwm2mServer.start("127.0.0.1", 0, wire);
        if (shared != null) {
            shared.route(prefix, wire);
        }
        try {
            List<String> all = config.meterIds();
            List<LoadModel> loads = LabRunConfig.loadModels(config.meters(), config.seed());
            List<String> devices = new ArrayList<>(meterIds);
            devices.addAll(bridged);
            for (String id : devices) {
                meters.put(id, Lwm2mDevice.meter(prefix + id, server.uri(), config.fieldNetwork()));
                models.put(id, loads.get(all.indexOf(id)));
                delays.put(id, new DatagramDelay(config.fieldNetwork(), config.seed() * 131 + id.hashCode()));
            }
            for (HvacUnit u : config.hvacUnits()) {
                String id = u.deviceId();
                hvac.put(id, Lwm2mDevice.hvac(prefix + id, server.uri(), config.fieldNetwork(), normalSetpointC,
                        c -> onWrite(id, c)));
                delays.put(id, new DatagramDelay(config.fieldNetwork(), config.seed() * 137 + id.hashCode()));
            }
            delays.put("cloud", new DatagramDelay(config.uplinkNetwork(), config.seed() * 139));
            meters.values().forEach(Lwm2mDevice::start);
            hvac.values().forEach(Lwm2mDevice::start);
            for (String id : meterIds) {
                meters.get(id).reading(sampleW(id), 0, 230.0);
            }
            List<CompletableFuture<Double>> observed = new ArrayList<>();
            for (Map.Entry<String, Lwm2mDevice> d : meters.entrySet()) {
                d.getValue().awaitRegistered(REGISTER_WAIT);
                observed.add(server.observe(prefix + d.getKey(), Lwm2mObjects.POWER, 0, Lwm2mObjects.ACTIVE_POWER,
                        w -> onPower(d.getKey(), w)));
            }
            for (Map.Entry<String, Lwm2mDevice> d : hvac.entrySet()) {
                d.getValue().awaitRegistered(REGISTER_WAIT);
                observed.add(server.observe(prefix + d.getKey(), Lwm2mObjects.SET_POINT, 0,
                        Lwm2mObjects.SET_POINT_VALUE, c -> onSetpoint(d.getKey(), c)));
            }
            CompletableFuture.allOf(observed.toArray(CompletableFuture[]::new))
                    .get(REGISTER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            for (String id : meterIds) {
                long interval = config.readingIntervalMs();
                ticks.add(scheduler.scheduleAtFixedRate(() -> tick(id), interval, interval, TimeUnit.MILLISECONDS));
            }
        } catch (Exception e) { // NOPMD: whatever failed, nothing half-started stays behind
            close();
            throw e instanceof UserError u ? u : new UserError("the LwM2M part of the run could not start: " + e, e);
        }
    }

    String serverUri() {
        return server.uri();
    }

    int port() {
        return server.port();
    }

    /** This run's devices registered now, by device id. */
    List<String> registered() {
        return server.registered().stream().filter(e -> e.startsWith(prefix) && (shared || e.indexOf(':') < 0))
                .map(e -> e.substring(prefix.length())).toList();
    }

    boolean hasMeter(String id) {
        return meters.containsKey(id);
    }

    List<Cycle> cycles() {
        return tracker.cycles();
    }

    private double sampleW(String id) {
        double hour = (config.startHour() + (System.currentTimeMillis() - startMs) / 3_600_000.0) % 24;
        synchronized (random) {
            return models.get(id).sample(hour, random) * 1000;
        }
    }

    private void tick(String id) {
        Long until = spikeUntil.get(id);
        double w = until != null && System.currentTimeMillis() < until ? config.spikeKw() * 1000 : sampleW(id);
        send(id, () -> meters.get(id).reading(w, kwh.merge(id, w * config.readingIntervalMs() / 3.6e9, Double::sum),
                230.0));
    }

    /** A bridged legacy meter's reading: the gateway sets its LwM2M resources, observers get a notification. */
    void bridged(String id, RegisterMap.Reading r) {
        Lwm2mDevice d = meters.get(id);
        if (d != null) {
            d.reading(r.watts(), r.wattHours() / 1000.0, r.volts());
        }
    }

    /**
     * Starts an LwM2M cycle for {@code meterId}'s spike at {@code t0}: its power resource reads the spike's load.
     * A bridged legacy meter's spike comes through the gateway's bridge instead ({@code viaBridge}).
     */
    CompletableFuture<Cycle> spike(String meterId, long t0, boolean viaBridge, boolean announce) {
        Lwm2mDevice d = meters.get(meterId);
        if (d == null) {
            throw new UserError("meter '" + meterId + "' is not an LwM2M device in this run; LwM2M meters are "
                    + meters.keySet());
        }
        Object open = tracker.spike(meterId, t0);
        int number = CycleTracker.number(open);
        spikes.put(meterId, t0);
        timeline.record(t0, announce ? TimelineEvent.Kind.MILESTONE : TimelineEvent.Kind.NOTE, meterId, "", null,
                null, 0, announce ? Milestone.SPIKE : null, announce ? number : 0, announce ? 0 : -1,
                "LwM2M cycle " + number + ": " + meterId + " reads " + fmt(config.spikeKw()) + " kW (3305/0/5800)");
        if (!viaBridge) {
            spikeUntil.put(meterId, config.mode() == Mode.PACED ? t0 + SPIKE_READINGS * config.readingIntervalMs()
                    : t0 + 1);
            double w = config.spikeKw() * 1000;
            send(meterId, () -> d.reading(w, kwh.getOrDefault(meterId, 0.0), 230.0));
        }
        return tracker.future(open);
    }

    /** Runs {@code action} once a datagram from {@code device} would have crossed its network. */
    private void send(String device, Runnable action) {
        long delay = delays.get(device).delayMs(TYPICAL_MESSAGE_BYTES);
        if (delay == 0) {
            action.run();
        } else {
            scheduler.schedule(action, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Runs {@code action} at {@code plannedMs} (now, when that is past or the run is fast) with the time to stamp. */
    private void at(long plannedMs, java.util.function.LongConsumer action) {
        long now = System.currentTimeMillis();
        if (config.mode() == Mode.FAST || plannedMs <= now) {
            action.accept(now);
        } else {
            scheduler.schedule(() -> action.accept(Pacing.stamp(plannedMs, System.currentTimeMillis())),
                    plannedMs - now, TimeUnit.MILLISECONDS);
        }
    }

    private void onPower(String meter, double w) {
        latestW.put(meter, w);
        if (w < config.spikeThresholdKw() * 1000) {
            return;
        }
        Long t0 = spikes.remove(meter);
        if (t0 == null) {
            return; // a spike of no cycle of this run, or its alert is under way
        }
        at(t0 + Milestone.ALERT.figureMs(), now -> {
            milestone(Milestone.ALERT, "lwm2m-server", meter, null, "notification of 3305/0/5800 from " + meter
                    + ": " + fmt(w / 1000) + " kW, above " + fmt(config.spikeThresholdKw()) + " kW", now);
            at(t0 + Milestone.REPORT.figureMs(), then -> report(t0, then));
        });
    }

    private void report(long t0, long now) {
        double areaKw = latestW.values().stream().mapToDouble(Double::doubleValue).sum() / 1000;
        milestone(Milestone.REPORT, "cloud", Long.toString(t0), null, "area power observed over LwM2M: "
                + fmt(areaKw) + " kW from " + latestW.size() + " meters", now);
        at(t0 + Milestone.PREDICTION.figureMs(), then -> predict(t0, areaKw, then));
    }

    private void predict(long t0, double areaKw, long now) {
        double hour = (config.startHour() + (now - startMs) / 3_600_000.0) % 24;
        double capacity = models.values().stream().mapToDouble(m -> m.expectedKw(hour)).sum() + 8;
        if (areaKw <= capacity) {
            timeline.record(now, TimelineEvent.Kind.NOTE, "cloud", "", null, null, 0, null, 0, -1, "LwM2M: area "
                    + fmt(areaKw) + " kW is within the feeder's " + fmt(capacity) + " kW; no event");
            return;
        }
        String event = "lwm2m-" + config.areaId() + "-" + events.incrementAndGet();
        eventSpike.put(event, t0);
        milestone(Milestone.PREDICTION, "cloud", Long.toString(t0), event, "overload predicted: " + fmt(areaKw)
                + " kW over the feeder's " + fmt(capacity) + " kW; event " + event, now);
        double target = normalSetpointC + config.setpointDeltaC();
        for (String unit : hvac.keySet()) {
            hvacEvent.put(unit, event);
            long delay = delays.get("cloud").delayMs(TYPICAL_MESSAGE_BYTES);
            scheduler.schedule(() -> server.write(prefix + unit, Lwm2mObjects.SET_POINT, 0, Lwm2mObjects.SET_POINT_VALUE,
                    target).whenComplete((v, e) -> {
                        if (e != null) {
                            timeline.record(System.currentTimeMillis(), TimelineEvent.Kind.ERROR, "cloud", "", null,
                                    null, 0, null, 0, -1, "LwM2M write to " + unit + " failed: " + e.getMessage());
                        }
                    }), delay, TimeUnit.MILLISECONDS);
        }
    }

    /** An HVAC unit takes a Write of its set point: the command; it applies it half a second later (paced). */
    private void onWrite(String unit, double targetC) {
        String event = hvacEvent.get(unit);
        Long t0 = event == null ? null : eventSpike.get(event);
        long base = t0 == null ? System.currentTimeMillis() : t0;
        at(base + Milestone.COMMAND.figureMs(), now -> {
            milestone(Milestone.COMMAND, unit, event, event, "Write 3308/0/5900 = " + fmt(targetC) + " °C ("
                    + event + ")", now);
            at(base + Milestone.HVAC_ACTION.figureMs(), then -> {
                milestone(Milestone.HVAC_ACTION, unit, event, event, "set point " + fmt(targetC) + " °C", then);
                send(unit, () -> hvac.get(unit).setpoint(targetC));
            });
        });
    }

    /** The server sees a unit's new set point: the confirmation. */
    private void onSetpoint(String unit, double c) {
        String event = hvacEvent.get(unit);
        if (event == null || c <= normalSetpointC) {
            return;
        }
        Long t0 = eventSpike.get(event);
        at((t0 == null ? 0 : t0) + Milestone.CONFIRMATION.figureMs(), now -> milestone(Milestone.CONFIRMATION,
                "lwm2m-server", event, event, unit + ": reduced to " + Math.round(Temperatures.toFahrenheit(c))
                        + " °F (" + fmt(c) + " °C), notified on 3308/0/5900", now));
    }

    private void milestone(Milestone m, String where, String key, String event, String detail, long now) {
        Cycle c = tracker.attach(m, key, event, now, detail);
        if (c == null) {
            return;
        }
        timeline.record(now, TimelineEvent.Kind.MILESTONE, where, "", null, null, 0, m, c.number(),
                now - c.spikeMs(), "LwM2M: " + detail);
        if (c.complete()) {
            tracker.completed(c);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    @Override
    public void close() {
        ticks.forEach(t -> t.cancel(false));
        tracker.cancelAll();
        meters.values().forEach(Lwm2mDevice::close);
        hvac.values().forEach(Lwm2mDevice::close);
        if (shared) {
            server.unroute(prefix);
        } else {
            server.close();
        }
    }
}
