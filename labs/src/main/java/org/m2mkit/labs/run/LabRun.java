package org.m2mkit.labs.run;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.m2mkit.labs.Threads;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.api.Gateway;
import org.m2mkit.labs.api.HvacUnit;
import org.m2mkit.labs.broker.BrokerAccess;
import org.m2mkit.labs.broker.BrokerLogin;
import org.m2mkit.labs.broker.BrokerProbe;
import org.m2mkit.labs.broker.EmbeddedBroker;
import org.m2mkit.labs.broker.MqttLogin;
import org.m2mkit.labs.broker.Role;
import org.m2mkit.labs.cloud.UtilityCloud;
import org.m2mkit.labs.compare.Figures;
import org.m2mkit.labs.compare.ProtocolFigures;
import org.m2mkit.labs.compare.WireProtocol;
import org.m2mkit.labs.gateway.GatewayRuntime;
import org.m2mkit.labs.hvac.HvacDevice;
import org.m2mkit.labs.meter.MeterFleet;
import org.m2mkit.labs.mqtt.MqttLink;
import org.m2mkit.labs.net.NetworkLink;
import org.m2mkit.labs.net.NetworkProfile;
import org.m2mkit.labs.wire.Messages;
import org.m2mkit.labs.wire.Signer;
import org.m2mkit.labs.wire.Topics;

/**
 * A live run of the smart-metering lab: a broker (embedded, or external by URL), the area's meters, the gateway
 * running the chosen {@link Gateway}, the utility cloud and the HVAC units, each its own MQTT client. What the
 * web console and the command line drive: {@link #injectSpike}, {@link #cutUplink}, {@link #restoreUplink},
 * {@link #unplugMeter}, {@link #plugInMeter}, {@link #restartBroker}, {@link #close}; every message and step lands on the {@link #timeline()}.
 * Thread-safe; {@link #close()} releases every thread, connection and the embedded broker.
 */
public final class LabRun implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Each meter is an MQTT client with a few threads of its own. */
    public static final int MAX_METER_CLIENTS = 2000;

    private final LabRunConfig config;
    private final Timeline timeline;
    /** Cycle numbers, shared by the MQTT and the LwM2M cycles. */
    private final java.util.concurrent.atomic.AtomicInteger cycleNumbers = new java.util.concurrent.atomic.AtomicInteger();
    private final CycleTracker tracker = new CycleTracker(cycleNumbers);
    private final ScheduledExecutorService scheduler;
    /**
     * The meters' readings of every run in this JVM, one clock apart from the network's delays so that a burst of
     * readings never delays a command; a run's close cancels its own meters' ticks.
     */
    private static final ScheduledExecutorService METER_CLOCK = meterClock();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ThreadLocal<Object> lastSpike = new ThreadLocal<>();
    private final Recorder recorder = new RunRecorder();
    private volatile EmbeddedBroker broker;
    private final String url;
    private final BrokerLogin login;
    private MqttLink tap;
    private UtilityCloud cloud;
    private GatewayRuntime gateway;
    private final List<HvacDevice> hvac = new ArrayList<>();
    private MeterFleet meters;
    /** Each device's latest retained status, as the run's own watcher received it. */
    private final java.util.Map<String, Messages.Status> statuses = new java.util.concurrent.ConcurrentHashMap<>();
    private StandardsParts standards;

    private static ScheduledExecutorService meterClock() {
        ScheduledThreadPoolExecutor clock = new ScheduledThreadPoolExecutor(1, Threads.named("lab-meters"));
        clock.setRemoveOnCancelPolicy(true);
        return clock;
    }

    private LabRun(LabRunConfig config) {
        this.config = config;
        this.timeline = new Timeline(System.currentTimeMillis(), config.timelineCapacity(), 100_000);
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, Threads.named("lab-net"));
        pool.setRemoveOnCancelPolicy(true);
        this.scheduler = pool;
        if (config.embeddedBroker()) {
            broker = EmbeddedBroker.start("127.0.0.1", 0);
            url = broker.url();
            login = broker.access();
        } else {
            url = config.brokerUrl();
            login = config.brokerLogin();
            if (!BrokerProbe.reachable(url, Duration.ofSeconds(3))) {
                throw new UserError("MQTT broker " + url + " is not reachable; start it or use the embedded broker");
            }
        }
    }

    /**
     * Starts a run: connects every component and starts the meters.
     *
     * @throws UserError when the broker is unreachable or the gateway cannot be created
     */
    public static LabRun start(LabRunConfig config) {
        if (config.meters() > MAX_METER_CLIENTS) {
            throw new UserError("meters " + config.meters() + " is too many for a live run (each meter is its own MQTT "
                    + "client); use 1 to " + MAX_METER_CLIENTS);
        }
        LabRun run = new LabRun(config);
        try {
            run.startComponents();
            return run;
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
    }

    /** Signs this run's demand-response events and HVAC commands; a key of its own for every run. */
    private final Signer signer = Signer.random();

    private void startComponents() {
        Gateway logic;
        try {
            logic = config.gatewayFactory().apply(config.gatewayConfig());
        } catch (UserError e) {
            throw e;
        } catch (Throwable e) { // NOPMD: a student's constructor may throw anything
            throw new UserError("the gateway (" + config.gatewayName() + ") could not be created: " + e);
        }
        if (logic == null) {
            throw new UserError("the gateway (" + config.gatewayName() + ") factory returned no gateway");
        }
        String area = config.areaId();
        ExecutorService connector = Executors.newFixedThreadPool(16, Threads.named("lab-connect"));
        try {
            // each connection waits a few hundred milliseconds inside Paho: open them all at once
            CompletableFuture<MqttLink> tapLink = CompletableFuture.supplyAsync(() -> track(MqttLink.connect(url,
                    "lab-timeline-" + System.nanoTime(), login.login(Role.OBSERVER, area, null), null,
                    CONNECT_TIMEOUT)), connector);
            CompletableFuture<NetworkLink> cloudLink = CompletableFuture.supplyAsync(() -> link("cloud", Role.CLOUD,
                    config.uplinkNetwork(), Topics.cloud(area, Topics.STATUS), "cloud", 11), connector);
            CompletableFuture<NetworkLink> field = CompletableFuture.supplyAsync(() -> link("gateway-field",
                    Role.GATEWAY, config.fieldNetwork(), null, "gateway", 12), connector);
            CompletableFuture<NetworkLink> uplink = CompletableFuture.supplyAsync(() -> link("gateway-uplink",
                    Role.GATEWAY, config.uplinkNetwork(), Topics.gateway(area, Topics.STATUS), "gateway", 13), connector);
            List<CompletableFuture<NetworkLink>> hvacLinks = new ArrayList<>();
            int n = 0;
            for (HvacUnit unit : config.hvacUnits()) {
                long seed = 20 + n++;
                hvacLinks.add(CompletableFuture.supplyAsync(() -> link(unit.deviceId(), Role.HVAC, config.fieldNetwork(),
                        Topics.hvac(area, unit.deviceId(), Topics.STATUS), unit.deviceId(), seed), connector));
            }
            meters = new MeterFleet(config, id -> link(id, Role.METER, config.fieldNetwork(), Topics.meterStatus(area, id), id,
                    1000 + id.hashCode()), recorder, connector);
            track(meters);

            tap = join(tapLink);
            tap.subscribe(Topics.ROOT + "/" + area + "/#", 1, this::recordMessage); // other runs may share the broker
            cloud = new UtilityCloud(config, join(cloudLink), recorder, signer);
            track(cloud);
            cloud.start();
            gateway = new GatewayRuntime(config, logic, config.gatewayName(), join(field), join(uplink), recorder,
                    signer);
            track(gateway);
            gateway.start();
            for (int i = 0; i < hvacLinks.size(); i++) {
                HvacDevice d = new HvacDevice(config, config.hvacUnits().get(i), join(hvacLinks.get(i)), scheduler,
                        recorder, signer);
                hvac.add(d);
                track(d);
                d.start();
            }
        } finally {
            connector.shutdown();
        }
        standards = track(new StandardsParts(config, timeline, recorder));
        standards.start(id -> link(id, Role.METER, config.fieldNetwork(), Topics.meterStatus(area, id), id,
                2000 + id.hashCode()), cycleNumbers, scheduler, METER_CLOCK);
        meters.start(METER_CLOCK);
        recorder.note("lab", "started: " + config.meters() + " meters, " + config.hvacUnits().size() + " HVAC units, "
                + config.mode().name().toLowerCase(java.util.Locale.ROOT) + " mode, broker " + url + ", field network "
                + config.fieldNetwork().label() + ", uplink " + config.uplinkNetwork().label() + ", gateway: "
                + config.gatewayName() + ", feeder capacity " + String.format(java.util.Locale.ROOT, "%.1f",
                config.feederCapacityKw()) + " kW, protocol " + config.standards().protocol().key());
    }

    /**
     * Connects a component with the login of its role: last will "offline" (retained) on its status topic, "online"
     * after every connection.
     */
    private NetworkLink link(String clientId, Role role, NetworkProfile profile, String statusTopic, String device,
                             long seed) {
        MqttLink.Will will = statusTopic == null ? null : new MqttLink.Will(statusTopic,
                Messages.status(new Messages.Status(config.areaId(), device, "offline", System.currentTimeMillis())), 1, true);
        MqttLogin mqttLogin = login.login(role, config.areaId(), role == Role.METER || role == Role.HVAC ? device : null);
        MqttLink mqtt = MqttLink.connect(url, "lab-" + config.areaId() + "-" + clientId, mqttLogin, will, CONNECT_TIMEOUT);
        if (statusTopic != null) {
            Runnable online = () -> mqtt.publish(statusTopic, Messages.status(new Messages.Status(config.areaId(),
                    device, "online", System.currentTimeMillis())), 1, true);
            online.run();
            mqtt.onConnectionChange(up -> {
                if (up) {
                    online.run();
                }
            });
        }
        return track(new NetworkLink(clientId, mqtt, profile, scheduler, config.seed() * 7919 + seed));
    }

    /** Keeps {@code c} to close with the run, even when the start fails half-way. */
    private <T extends AutoCloseable> T track(T c) {
        synchronized (closeables) {
            closeables.add(c);
        }
        return c;
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void recordMessage(String topic, byte[] payload) {
        Topics.Parsed t = Topics.parse(topic);
        if (t == null) {
            return;
        }
        if (t.kind().equals(Topics.STATUS)) {
            recordStatus(topic, t, payload);
            return;
        }
        String from;
        String to;
        switch (t.kind()) {
            case Topics.READING -> { from = t.device(); to = "gateway"; }
            case Topics.ALERT, Topics.REPORT, Topics.OPT_IN -> { from = "gateway"; to = "cloud"; }
            case Topics.DR, Topics.ACK -> { from = "cloud"; to = "gateway"; }
            case Topics.COMMAND -> { from = "gateway"; to = t.device(); }
            case Topics.CONFIRM -> { from = t.device(); to = "gateway"; }
            default -> { from = t.device() != null ? t.device() : t.component(); to = ""; }
        }
        StandardsParts parts = standards;
        if (parts != null) {
            parts.mqttSeen(System.currentTimeMillis(), from, to, t.kind(), topic, payload.length, t.device());
        }
        if (!config.recordReadings() && t.kind().equals(Topics.READING)) {
            return;
        }
        timeline.record(System.currentTimeMillis(), TimelineEvent.Kind.MESSAGE, from, to, topic,
                new String(payload, StandardCharsets.UTF_8), payload.length, null, 0, -1, t.kind());
    }

    /**
     * A device's retained status: {@code online} from the device itself, {@code offline} only ever from the broker,
     * which publishes the device's last will when its connection ends without a goodbye.
     */
    private void recordStatus(String topic, Topics.Parsed t, byte[] payload) {
        String device = t.device() != null ? t.device() : t.component();
        String detail;
        try {
            Messages.Status s = Messages.status(payload);
            if (s.equals(statuses.put(device, s))) {
                return; // the same status again: the embedded broker sends a retained will twice (WillKeeper)
            }
            detail = s.state().equals("offline")
                    ? device + " is offline: the broker published its last will (retained)"
                    : device + " is " + s.state() + " (retained status)";
        } catch (RuntimeException e) {
            detail = "status of " + device + " that the lab cannot read: " + e.getMessage();
        }
        timeline.record(System.currentTimeMillis(), TimelineEvent.Kind.MESSAGE, device, "all (retained)", topic,
                new String(payload, StandardCharsets.UTF_8), payload.length, null, 0, -1, detail);
    }

    /** Turns what components report into timeline entries and cycle steps. */
    private final class RunRecorder implements Recorder {
        @Override
        public void milestone(Milestone m, String where, String key, String event, String detail, long now) {
            if (m == Milestone.SPIKE) {
                Object open = tracker.spike(key, now);
                lastSpike.set(open);
                timeline.record(now, TimelineEvent.Kind.MILESTONE, where, "", null, null, 0, m,
                        CycleTracker.number(open), 0, detail);
                return;
            }
            Cycle c = tracker.attach(m, key, event, now, detail);
            timeline.record(now, TimelineEvent.Kind.MILESTONE, where, "", null, null, 0, m,
                    c == null ? 0 : c.number(), c == null ? -1 : now - c.spikeMs(), detail);
            if (c != null && c.complete()) {
                tracker.completed(c);
            }
        }

        @Override
        public void error(String where, String detail) {
            timeline.record(System.currentTimeMillis(), TimelineEvent.Kind.ERROR, where, "", null, null, 0, null, 0, -1,
                    detail);
        }

        @Override
        public void note(String where, String detail) {
            timeline.record(System.currentTimeMillis(), TimelineEvent.Kind.NOTE, where, "", null, null, 0, null, 0, -1,
                    detail);
        }
    }

    public LabRunConfig config() {
        return config;
    }

    public Timeline timeline() {
        return timeline;
    }

    /** The broker's address, {@code tcp://host:port}. */
    public String brokerUrl() {
        return url;
    }

    /**
     * The login a student's own MQTT client (mosquitto_sub, Paho) uses on this run's area: it reads the area and
     * publishes on its meter and gateway topics. Empty on an external broker, whose accounts are its own affair.
     */
    public java.util.Optional<MqttLogin> studentLogin() {
        return login instanceof BrokerAccess access ? java.util.Optional.of(access.student(config.areaId()))
                : java.util.Optional.empty();
    }

    /** A mosquitto_sub command that watches this run's area with {@link #studentLogin()}; empty when there is none. */
    public java.util.Optional<String> watchCommand() {
        org.m2mkit.labs.broker.BrokerUrl at = org.m2mkit.labs.broker.BrokerUrl.parse(url);
        return studentLogin().map(l -> "mosquitto_sub -h " + at.host() + " -p " + at.port() + " -u '" + l.username()
                + "' -P '" + l.password() + "' -t '" + Topics.ROOT + "/" + config.areaId() + "/#' -v");
    }

    /** The area's meter ids. */
    public List<String> meterIds() {
        java.util.Set<String> here = new java.util.HashSet<>(meters.ids());
        here.addAll(config.legacyMeterIds()); // bridged by the gateway
        here.addAll(config.lwm2mMeterIds()); // LwM2M devices, some of them LwM2M alone
        return config.meterIds().stream().filter(here::contains).toList();
    }

    /** Cycles so far, finished and open, in order. */
    public List<Cycle> cycles() {
        return tracker.cycles();
    }

    /**
     * Makes {@code meterId} read the spike's load (15 kW by default): t=0 of a new cycle.
     *
     * @return completes with the cycle when the HVAC confirmation reaches the gateway
     * @throws UserError when the area has no such meter or the run has stopped
     */
    public CompletableFuture<Cycle> injectSpike(String meterId) {
        requireRunning();
        boolean legacy = standards.isLegacy(meterId);
        boolean overLwm2m = standards.hasLwm2m(meterId);
        boolean overMqtt = legacy ? config.standards().protocol().mqtt() : config.mqttMeterIds().contains(meterId);
        if (!overMqtt && !overLwm2m) {
            throw new UserError("no meter '" + meterId + "' in area " + config.areaId() + "; meters are "
                    + config.meterIds().get(0) + " to " + config.meterIds().get(config.meters() - 1));
        }
        long t0 = System.currentTimeMillis();
        Object open = null;
        if (overMqtt) {
            if (legacy) {
                recorder.milestone(Milestone.SPIKE, meterId, meterId, null, meterId + " (legacy, Modbus TCP) reads "
                        + StandardsParts.fmt(config.spikeKw()) + " kW", t0);
            } else {
                t0 = meters.spike(meterId);
            }
            open = lastSpike.get();
            lastSpike.remove();
        }
        CompletableFuture<Cycle> mqtt = open == null ? null : tracker.future(open);
        CompletableFuture<Cycle> lwm2m = overLwm2m ? standards.lwm2mSpike(meterId, t0, mqtt == null) : null;
        if (legacy) {
            standards.legacySpike(meterId, t0);
        }
        return mqtt == null ? lwm2m : lwm2m == null ? mqtt : mqtt.thenCombine(lwm2m, (m, l) -> m);
    }

    /** Cycles carried over LwM2M so far, finished and open, in order. */
    public List<Cycle> lwm2mCycles() {
        return standards == null ? List.of() : standards.lwm2mCycles();
    }

    /** The kit's LwM2M server, {@code coap://127.0.0.1:port}; empty when the run does not use LwM2M. */
    public java.util.Optional<String> lwm2mServerUri() {
        return java.util.Optional.ofNullable(standards == null ? null : standards.lwm2mUri());
    }

    /** LwM2M endpoints registered with the kit's server now. */
    public List<String> lwm2mRegistered() {
        return standards == null ? List.of() : standards.lwm2mRegistered();
    }

    /**
     * The bytes, packets and step times of the newest finished cycle of each protocol, and of Modbus polling when
     * the run has legacy meters: the comparison the console and the timeline show.
     */
    public List<ProtocolFigures> comparison() {
        List<ProtocolFigures> out = new ArrayList<>();
        if (standards == null) {
            return out;
        }
        Cycle mqtt = newestComplete(tracker.cycles());
        Cycle lwm2m = newestComplete(standards.lwm2mCycles());
        if (mqtt != null) {
            out.add(standards.figures(WireProtocol.MQTT, mqtt));
        }
        if (lwm2m != null) {
            out.add(standards.figures(WireProtocol.LWM2M, lwm2m));
        }
        if (standards.hasLegacy()) {
            Cycle c = mqtt != null && standards.isLegacy(mqtt.meterId()) ? mqtt
                    : lwm2m != null && standards.isLegacy(lwm2m.meterId()) ? lwm2m : mqtt != null ? mqtt : lwm2m;
            out.add(standards.modbus(c));
        }
        return out;
    }

    private static Cycle newestComplete(List<Cycle> cycles) {
        for (int i = cycles.size() - 1; i >= 0; i--) {
            if (cycles.get(i).complete()) {
                return cycles.get(i);
            }
        }
        return null;
    }

    /** The comparison as timeline notes, one per protocol, so that the CSV and JSON carry it. */
    private void noteComparison() {
        for (ProtocolFigures f : comparison()) {
            recorder.note("wire", Figures.describe(f, config.fieldNetwork()));
        }
    }

    /**
     * Pulls the plug on a meter: it stops reading and its connection drops without an MQTT DISCONNECT, so the broker
     * publishes its last will, a retained {@code offline} on its status topic. The rest of the area runs on; the
     * gateway's reports count the meter silent.
     *
     * @throws UserError when the area has no such meter, it is unplugged already, or the run has stopped
     */
    public void unplugMeter(String meterId) {
        requireRunning();
        meters.kill(meterId);
        recorder.note(meterId, "plug pulled: the connection dropped without a goodbye, so the broker sends its last will");
    }

    /**
     * Plugs a meter back in: it connects again (with its last will), publishes a retained {@code online} and reads
     * every interval as before.
     *
     * @throws UserError when the area has no such meter, it is not unplugged, or the run has stopped
     */
    public void plugInMeter(String meterId) {
        requireRunning();
        meters.revive(meterId);
        recorder.note(meterId, "plugged back in: connected again, status online");
    }

    /** Whether the meter is unplugged now. */
    public boolean isUnplugged(String meterId) {
        return meters.isUnplugged(meterId);
    }

    /**
     * The latest retained status of each device of the area that has one (meters, gateway, cloud, HVAC units), by
     * device id ({@code gateway} and {@code cloud} for those two), as the run's own watcher received them.
     */
    public java.util.Map<String, Messages.Status> deviceStatuses() {
        return new java.util.TreeMap<>(statuses);
    }

    /** Cuts the gateway's uplink: the gateway keeps what it has for the cloud until {@link #restoreUplink()}. */
    public void cutUplink() {
        requireRunning();
        gateway.uplink().cut();
        recorder.note("lab", "gateway uplink cut");
    }

    public void restoreUplink() {
        requireRunning();
        recorder.note("lab", "gateway uplink restored");
        gateway.uplink().restore();
    }

    /** The area reports the cloud has taken, each once, in order (the newest 10,000). */
    public List<org.m2mkit.labs.api.AreaReport> cloudReports() {
        return cloud.reports();
    }

    /** Alerts the cloud has taken, each once. */
    public long cloudAlerts() {
        return cloud.alerts();
    }

    /** Area reports the gateway has produced. */
    public long gatewayReports() {
        return gateway.reportsSent();
    }

    /** Alerts the gateway has raised. */
    public long gatewayAlerts() {
        return gateway.alertsSent();
    }

    /** For each HVAC unit, how many distinct events it has applied. */
    public java.util.Map<String, Integer> hvacEventsApplied() {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        hvac.forEach(h -> out.put(h.id(), h.eventsApplied()));
        return out;
    }

    /** Messages the gateway holds for the cloud (sent and not yet acknowledged, or waiting). */
    public int gatewayQueued() {
        return gateway.queued();
    }

    /** Readings the gateway has handled so far. */
    public long gatewayReadings() {
        return gateway.readings();
    }

    /**
     * Stops the embedded broker and starts it again on the same port after {@code downFor}; every component
     * reconnects and subscribes again by itself.
     *
     * @throws UserError with an external broker
     */
    public void restartBroker(Duration downFor) {
        requireRunning();
        if (broker == null) {
            throw new UserError("only the embedded broker can be restarted from the lab; restart " + url + " yourself");
        }
        EmbeddedBroker stopped = broker;
        int port = stopped.port();
        recorder.note("lab", "broker stopped");
        stopped.close();
        try {
            Thread.sleep(downFor.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        UserError last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                broker = stopped.startAgain();
                recorder.note("lab", "broker started again on port " + port);
                return;
            } catch (UserError e) {
                last = e; // the port may take a moment to free
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw last;
    }

    private void requireRunning() {
        if (closed.get()) {
            throw new UserError("the lab run has stopped");
        }
    }

    public boolean isRunning() {
        return !closed.get();
    }

    /** Stops every component, the embedded broker and the timeline's listener thread; calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            noteComparison();
        } catch (RuntimeException e) {
            recorder.error("wire", "the protocol comparison could not be made: " + e.getMessage());
        }
        recorder.note("lab", "stopped");
        tracker.cancelAll();
        if (meters != null) {
            meters.close(); // no new readings while the rest stops
        }
        List<AutoCloseable> reversed;
        synchronized (closeables) {
            reversed = new ArrayList<>(closeables);
        }
        java.util.Collections.reverse(reversed);
        for (AutoCloseable c : reversed) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing the rest anyway
            }
        }
        Threads.stop(scheduler);
        if (broker != null) {
            broker.close();
        }
        timeline.close();
    }
}
