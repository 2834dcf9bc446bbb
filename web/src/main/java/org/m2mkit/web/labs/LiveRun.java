package org.m2mkit.web.labs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.sse.SseClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.m2mkit.labs.api.AreaReport;
import org.m2mkit.labs.api.HvacUnit;
import org.m2mkit.labs.cloud.HoltForecast;
import org.m2mkit.labs.run.LabRun;
import org.m2mkit.labs.run.LabRunConfig;
import org.m2mkit.labs.compare.ProtocolFigures;
import org.m2mkit.labs.run.TimelineEvent;
import org.m2mkit.labs.wire.Messages;
import org.m2mkit.labs.wire.Temperatures;
import org.m2mkit.labs.wire.Topics;

/**
 * One student's live run as the console sees it: the {@link LabRun}, the consoles watching it over Server-Sent
 * Events, and what a console that connects late needs to catch up (the newest entries, the load chart's points,
 * the HVAC units' state). Events sent: {@code run} (what runs), {@code batch} (what happened since the last batch,
 * sent every {@link #BATCH_MS} ms at most: a JSON array of {@code [name, data]} pairs, where name is {@code entry}
 * for a timeline entry, {@code load} for the area load, forecast and capacity after an area report, {@code hvac}
 * for a unit's set point and temperature, {@code device} for a device's retained status (online, or offline from
 * its last will), {@code wire} for the per-protocol comparison after a cycle), {@code end} (the run stopped, and
 * why). A batch costs one write per console where each message once cost its own: a run's fifty meters read fifty
 * times a second.
 */
final class LiveRun implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Entries kept for a console that connects late. */
    private static final int REPLAY = 400;
    /** Load points kept for the chart. */
    private static final int POINTS = 120;
    /** How often the console's updates go out, at most: short beside the figure's 100 ms first step. */
    static final long BATCH_MS = 50;

    private final long accountId;
    private final String username;
    private final String displayName;
    private final LabRun run;
    private final AutoCloseable sandbox;
    private final String gatewayLabel;
    private final long startedMs = System.currentTimeMillis();
    private final HoltForecast forecast;
    private final ArrayDeque<String> recentEntries = new ArrayDeque<>();
    private final ArrayDeque<String> points = new ArrayDeque<>();
    private final Map<String, String> hvac = new LinkedHashMap<>();
    /** Each device's status for the console, in the table's order: gateway, cloud, HVAC units, meters. */
    private final Map<String, String> devices = new LinkedHashMap<>();
    private final Set<SseClient> clients = new CopyOnWriteArraySet<>();
    private final Consumer<TimelineEvent> listener = this::onEntry;
    private final String areaPrefix;
    private volatile long lastWatchedMs = System.currentTimeMillis();
    private volatile String endReason;
    private final SeenEntries seen = new SeenEntries();
    /** Updates not yet sent, each {@code ["name",data]}; guarded by this. */
    private final List<String> pending = new java.util.ArrayList<>();

    LiveRun(org.m2mkit.web.accounts.Account who, LabRun run, AutoCloseable sandbox, String gatewayLabel) {
        this.accountId = who.id();
        this.username = who.username();
        this.displayName = who.displayName();
        this.run = run;
        this.sandbox = sandbox;
        this.gatewayLabel = gatewayLabel;
        LabRunConfig c = run.config();
        this.forecast = new HoltForecast(c.forecastAlpha(), c.forecastBeta());
        this.areaPrefix = Topics.ROOT + "/" + c.areaId() + "/";
        double setpointC = Temperatures.toCelsius(c.setpointF());
        for (HvacUnit u : c.hvacUnits()) {
            hvac.put(u.deviceId(), json(hvacState(u.deviceId(), setpointC, setpointC, Double.NaN, "normal set point")));
        }
        devices.put("gateway", json(device("gateway", "gateway", "waiting", -1)));
        devices.put("cloud", json(device("cloud", "cloud", "waiting", -1)));
        c.hvacUnits().forEach(u -> devices.put(u.deviceId(), json(device(u.deviceId(), "hvac", "waiting", -1))));
        run.meterIds().forEach(m -> devices.put(m, json(device(m, "meter", "waiting", -1))));
        long t0 = run.timeline().startMs();
        run.deviceStatuses().forEach((id, st) -> {
            if (devices.containsKey(id)) {
                devices.put(id, json(device(id, kindOf(id), st.state(), Math.max(0, st.atMs() - t0))));
            }
        });
        synchronized (this) {
            run.timeline().addListener(listener);
            // what happened before the listener was added; the listener may bring some of it again
            run.timeline().events().forEach(e -> {
                if (seen.firstTime(e.seq())) {
                    show(e);
                }
            });
            seen.replayDone();
        }
    }

    long accountId() {
        return accountId;
    }

    LabRun lab() {
        return run;
    }

    long startedMs() {
        return startedMs;
    }

    boolean watched() {
        return !clients.isEmpty();
    }

    long lastWatchedMs() {
        return watched() ? System.currentTimeMillis() : lastWatchedMs;
    }

    /** What the console shows about the run. */
    Map<String, Object> info() {
        LabRunConfig c = run.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("area", c.areaId());
        m.put("meters", c.meters());
        m.put("meterIds", run.meterIds());
        m.put("mode", c.mode().name().toLowerCase(java.util.Locale.ROOT));
        m.put("network", c.fieldNetwork().label());
        m.put("protocol", c.standards().protocol() == org.m2mkit.labs.run.RunProtocol.BOTH ? "MQTT and LwM2M"
                : c.standards().protocol() == org.m2mkit.labs.run.RunProtocol.LWM2M ? "LwM2M" : "MQTT");
        m.put("legacyMeters", c.legacyMeterIds());
        run.lwm2mServerUri().ifPresent(u -> m.put("lwm2m", u));
        m.put("networkKey", c.fieldNetwork().key());
        m.put("gateway", gatewayLabel);
        m.put("broker", run.brokerUrl());
        // the student's own login for this area (mosquitto_sub, Paho), shown only to the run's owner
        run.studentLogin().ifPresent(l -> {
            m.put("mqttUser", l.username());
            m.put("mqttPassword", l.password());
        });
        run.watchCommand().ifPresent(w -> m.put("watch", w));
        m.put("capacityKw", round(c.feederCapacityKw()));
        m.put("spikeKw", c.spikeKw());
        m.put("hvacUnits", c.hvacUnits().stream().map(HvacUnit::deviceId).toList());
        m.put("startedMs", startedMs);
        m.put("running", run.isRunning());
        return m;
    }

    /** One line of the instructor's list of live runs: who, area, when it started, and its state. */
    Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountId", accountId);
        m.put("username", username);
        m.put("name", displayName);
        m.put("area", run.config().areaId());
        m.put("started", java.time.Instant.ofEpochMilli(startedMs).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString().replace('T', ' ').replace("Z", " UTC"));
        m.put("meters", run.config().meters());
        m.put("mode", run.config().mode().name().toLowerCase(java.util.Locale.ROOT));
        m.put("gateway", gatewayLabel);
        String state = endReason != null ? "stopping" : !run.isRunning() ? "stopped"
                : watched() ? "running, watched" : "running, nobody watching";
        m.put("state", state);
        return m;
    }

    /** Sends a new console the run and what it has missed, then everything from now on. */
    synchronized void attach(SseClient client) {
        flush(); // what the others have not been sent yet is in the replay below
        client.sendEvent("run", json(info()));
        List<String> replay = new java.util.ArrayList<>();
        points.forEach(p -> replay.add(item("load", p)));
        hvac.values().forEach(h -> replay.add(item("hvac", h)));
        devices.values().forEach(d -> replay.add(item("device", d)));
        if (lastWire != null) {
            replay.add(item("wire", lastWire));
        }
        recentEntries.forEach(e -> replay.add(item("entry", e)));
        if (!replay.isEmpty()) {
            client.sendEvent("batch", "[" + String.join(",", replay) + "]");
        }
        if (endReason != null) {
            client.sendEvent("end", json(Map.of("reason", endReason)));
            return;
        }
        clients.add(client);
    }

    void detach(SseClient client) {
        if (clients.remove(client) && clients.isEmpty()) {
            lastWatchedMs = System.currentTimeMillis();
        }
    }

    /** A line on every console's log from the console itself (not from the lab). */
    synchronized void notice(String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", 0);
        m.put("t", System.currentTimeMillis() - run.timeline().startMs());
        m.put("kind", "NOTE");
        m.put("from", "console");
        m.put("to", "");
        m.put("detail", text);
        String entry = json(m);
        keep(recentEntries, entry, REPLAY);
        broadcast("entry", entry);
    }

    /** A comment line to every console, so that one that has gone is noticed. */
    synchronized void ping() {
        for (SseClient c : clients) {
            try {
                c.sendComment("still running");
            } catch (RuntimeException e) {
                detach(c);
            }
            if (c.terminated()) {
                detach(c);
            }
        }
    }

    private void onEntry(TimelineEvent e) {
        synchronized (this) {
            if (seen.firstTime(e.seq())) {
                show(e);
            }
        }
    }

    private volatile String lastWire;

    /** The per-protocol comparison of the newest cycles, to every console. */
    private void sendWire() {
        if (!run.isRunning()) {
            return;
        }
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (ProtocolFigures f : run.comparison()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("protocol", f.protocol().label());
            r.put("counted", f.protocol().counted());
            r.put("cycle", f.cycle());
            r.put("messages", f.messages());
            r.put("packets", f.packets());
            r.put("bytes", f.bytes());
            r.put("bytesWithHeaders", f.bytesWithHeaders());
            r.put("readingBytes", f.readingBytes());
            r.put("airNbIotMs", Math.round(f.airtimeMs().getOrDefault("nb-iot", 0.0)));
            r.put("airLteMMs", Math.round(f.airtimeMs().getOrDefault("lte-m", 0.0)));
            r.put("steps", f.stepMs());
            rows.add(r);
        }
        String data = json(Map.of("network", run.config().fieldNetwork().label(), "rows", rows));
        synchronized (this) {
            lastWire = data;
            broadcast("wire", data);
        }
    }

    private void show(TimelineEvent e) {
        if (e.topic() != null && !e.topic().startsWith(areaPrefix)) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("t", e.offsetMs());
        m.put("kind", e.kind().name());
        m.put("from", e.from());
        m.put("to", e.to());
        m.put("topic", e.topic());
        m.put("payload", e.payload());
        m.put("size", e.size());
        m.put("milestone", e.milestone() == null ? null : e.milestone().name());
        m.put("cycle", e.cycle());
        m.put("cycleMs", e.cycleMs());
        m.put("detail", e.detail());
        String entry = json(m);
        keep(recentEntries, entry, REPLAY);
        broadcast("entry", entry);
        if (e.kind() == TimelineEvent.Kind.MESSAGE && e.payload() != null) {
            derived(e);
        }
        if (e.milestone() == org.m2mkit.labs.run.Milestone.CONFIRMATION) {
            // the acknowledgements that belong to the cycle come within a second
            java.util.concurrent.CompletableFuture.delayedExecutor(1200, java.util.concurrent.TimeUnit.MILLISECONDS)
                    .execute(this::sendWire);
        }
    }

    /** Chart points from area reports, HVAC state from confirmations. */
    private void derived(TimelineEvent e) {
        Topics.Parsed t = Topics.parse(e.topic());
        if (t == null) {
            return;
        }
        byte[] payload = e.payload().getBytes(StandardCharsets.UTF_8);
        try {
            if (t.kind().equals(Topics.REPORT)) {
                AreaReport r = Messages.report(payload).body();
                // the cloud's estimate: a report with silent meters is scaled up to the whole area
                int configured = r.metersReporting() + r.metersSilent();
                int fresh = configured - r.metersSilent();
                if (2 * fresh < configured) {
                    return; // the cloud does not forecast from a report in which most meters are silent
                }
                double load = fresh == 0 ? r.totalKw() : r.totalKw() * Math.max(configured, 1) / fresh;
                forecast.observe(load);
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("t", e.offsetMs());
                p.put("loadKw", round(load));
                p.put("forecastKw", round(forecast.forecast(run.config().forecastHorizon())));
                p.put("capacityKw", round(run.config().feederCapacityKw()));
                // what the report itself said, so that the page can tell how the cloud got from it to its load
                p.put("reportedKw", round(r.totalKw()));
                p.put("metersReporting", fresh);
                p.put("meters", configured);
                p.put("horizon", run.config().forecastHorizon());
                String point = json(p);
                keep(points, point, POINTS);
                broadcast("load", point);
            } else if (t.kind().equals(Topics.STATUS)) {
                Messages.Status st = Messages.status(payload);
                String id = t.device() != null ? t.device() : t.component();
                if (devices.containsKey(id) && id.equals(st.device())) {
                    String state = json(device(id, t.component(), st.state(), e.offsetMs()));
                    devices.put(id, state);
                    broadcast("device", state);
                }
            } else if (t.kind().equals(Topics.CONFIRM)) {
                Messages.Confirmation c = Messages.confirmation(payload);
                String state = json(hvacState(c.device(), c.setpointC(), c.indoorC(), c.powerKw(), c.eventId()));
                hvac.put(c.device(), state);
                broadcast("hvac", state);
            }
        } catch (RuntimeException ignored) {
            // a payload the lab's own codec cannot read is on the log already; nothing to chart
        }
    }

    private String kindOf(String id) {
        if (id.equals("gateway") || id.equals("cloud")) {
            return id;
        }
        return run.config().hvacUnits().stream().anyMatch(u -> u.deviceId().equals(id)) ? "hvac" : "meter";
    }

    /** A device's row: its state ({@code waiting} until its first status) and when the console learned it. */
    private static Map<String, Object> device(String id, String kind, String state, long t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", id);
        m.put("kind", kind);
        m.put("state", state);
        m.put("t", t < 0 ? null : t);
        return m;
    }

    private static Map<String, Object> hvacState(String device, double setpointC, double indoorC, double powerKw,
                                                 String event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", device);
        m.put("setpointC", round(setpointC));
        m.put("setpointF", Math.round(Temperatures.toFahrenheit(setpointC)));
        m.put("indoorC", round(indoorC));
        m.put("powerKw", Double.isNaN(powerKw) ? null : round(powerKw));
        m.put("event", event);
        return m;
    }

    /** Queues an update for the next batch. */
    private synchronized void broadcast(String event, String data) {
        if (!clients.isEmpty()) {
            pending.add(item(event, data));
        }
    }

    private static String item(String event, String data) {
        return "[\"" + event + "\"," + data + "]";
    }

    /** Sends the updates queued since the last batch to every console, as one event. */
    synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        String batch = "[" + String.join(",", pending) + "]";
        pending.clear();
        for (SseClient c : clients) {
            try {
                c.sendEvent("batch", batch);
            } catch (RuntimeException ex) {
                detach(c);
            }
        }
    }

    private static void keep(ArrayDeque<String> list, String item, int max) {
        if (list.size() == max) {
            list.pollFirst();
        }
        list.addLast(item);
    }

    static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("console data always serialises", e);
        }
    }

    /** Stops the run and tells every console why; calling it again does nothing. */
    void stop(String reason) {
        synchronized (this) {
            if (endReason != null) {
                return;
            }
            endReason = reason;
        }
        run.timeline().removeListener(listener);
        run.close();
        if (sandbox != null) {
            try {
                sandbox.close();
            } catch (Exception ignored) {
                // the child is ended either way
            }
        }
        flush();
        String end = json(Map.of("reason", reason));
        List<SseClient> all = List.copyOf(clients);
        clients.clear();
        for (SseClient c : all) {
            try {
                c.sendEvent("end", end);
                c.close();
            } catch (RuntimeException ignored) {
                // the console has gone already
            }
        }
    }

    @Override
    public void close() {
        stop("the kit is shutting down");
    }
}
