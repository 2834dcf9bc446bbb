package org.m2mkit.labs.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.m2mkit.labs.Threads;
import org.m2mkit.labs.api.Alert;
import org.m2mkit.labs.api.AreaReport;
import org.m2mkit.labs.api.Gateway;
import org.m2mkit.labs.api.HvacCommand;
import org.m2mkit.labs.api.MeterReading;
import org.m2mkit.labs.net.NetworkLink;
import org.m2mkit.labs.run.LabRunConfig;
import org.m2mkit.labs.run.Milestone;
import org.m2mkit.labs.run.Pacing;
import org.m2mkit.labs.run.Recorder;
import org.m2mkit.labs.wire.Messages;
import org.m2mkit.labs.wire.Senml;
import org.m2mkit.labs.wire.Signer;
import org.m2mkit.labs.wire.Topics;

/**
 * Runs any {@link Gateway} in the live lab. It feeds the logic the area's meter readings, publishes the alerts it
 * returns at once and its area reports every period (and shortly after an alert), turns demand-response events into
 * HVAC commands, resends commands until each unit confirms, and opts in to the event once all have. Everything for
 * the cloud goes through a bounded {@link StoreAndForward} queue, so it survives an uplink cut or a broker restart
 * and arrives in order. The logic runs on one thread; what it throws is shown on the timeline and the run goes on.
 */
public final class GatewayRuntime implements AutoCloseable {

    private static final int WINDOW = 256;
    private static final int COMMAND_ATTEMPTS = 20;

    /** A message for the cloud, encoded when it is sent (the header changes as the queue moves). */
    private record Outgoing(String topic, Function<Messages.Seq, byte[]> encode) {
    }

    /** An event being carried out: the units still to confirm. */
    private static final class Pending {
        final List<HvacCommand> commands;
        final Set<String> waiting = new LinkedHashSet<>();
        double shedKw;
        int attempts;
        ScheduledFuture<?> retry;

        Pending(List<HvacCommand> commands) {
            this.commands = commands;
            commands.forEach(c -> waiting.add(c.deviceId()));
        }
    }

    private final LabRunConfig config;
    private final Gateway logic;
    private final String name;
    private final NetworkLink field;
    private final NetworkLink uplink;
    private final Recorder recorder;
    private final ScheduledExecutorService exec;
    private final StoreAndForward<Outgoing> queue;
    private final String epoch = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Pending> events = new LinkedHashMap<>();
    private final Set<String> done = new LinkedHashSet<>();
    private final Map<String, Double> shedPerDegree = new LinkedHashMap<>();
    private final long ackTimeoutMs;
    private final long commandRetryMs;
    private ScheduledFuture<?> triggeredReport;
    private long lastReportMs;
    private long lastAckProgressMs;
    private boolean uplinkWasUp = true;
    private long droppedNoted;
    private volatile long readings;
    private volatile long reportsSent;
    private volatile long alertsSent;
    private volatile int errors;
    private final Signer signer;

    public GatewayRuntime(LabRunConfig config, Gateway logic, String name, NetworkLink field, NetworkLink uplink,
                          Recorder recorder) {
        this(config, logic, name, field, uplink, recorder, Signer.NONE);
    }

    /**
     * @param signer checks that demand-response events come from the run's cloud, and signs the HVAC commands so
     *               that the units can tell them from forged ones
     */
    public GatewayRuntime(LabRunConfig config, Gateway logic, String name, NetworkLink field, NetworkLink uplink,
                          Recorder recorder, Signer signer) {
        this.signer = signer;
        this.config = config;
        this.logic = logic;
        this.name = name;
        this.field = field;
        this.uplink = uplink;
        this.recorder = recorder;
        this.queue = new StoreAndForward<>(config.queueCapacity());
        this.ackTimeoutMs = Math.max(500, 2 * uplink.profile().roundTripAllowanceMs());
        this.commandRetryMs = Math.max(config.drRetryMs(), 2 * field.profile().roundTripAllowanceMs())
                + config.pacing().confirmMs();
        config.hvacUnits().forEach(u -> shedPerDegree.put(u.deviceId(), u.shedKwPerDegreeC()));
        this.exec = Threads.single("lab-gateway");
    }

    /** Subscribes and starts the report period. */
    public void start() {
        String area = config.areaId();
        lastAckProgressMs = System.currentTimeMillis();
        field.subscribe(Topics.meterReadings(area), 1, (topic, payload) -> onReadingMessage(payload));
        field.subscribe(Topics.hvacAll(area, Topics.CONFIRM), 1, (topic, payload) -> run(() -> onConfirm(payload)));
        uplink.subscribe(Topics.cloud(area, Topics.DR), 1, (topic, payload) -> run(() -> onDr(payload)));
        uplink.subscribe(Topics.cloud(area, Topics.ACK), 1, (topic, payload) -> run(() -> onAck(payload)));
        uplink.onUp(() -> run(this::uplinkBack));
        uplink.onDrop(topic -> recorder.note("gateway", "uplink down: dropped " + topic));
        exec.scheduleAtFixedRate(this::sendReport, config.reportPeriodMs(), config.reportPeriodMs(),
                TimeUnit.MILLISECONDS);
        exec.scheduleWithFixedDelay(this::checkAcks, ackTimeoutMs, Math.max(100, ackTimeoutMs / 4), TimeUnit.MILLISECONDS);
    }

    private void onReadingMessage(byte[] payload) {
        MeterReading reading;
        try {
            reading = Messages.reading(payload);
        } catch (Senml.SenmlException e) {
            recorder.error("gateway", "a meter reading is not valid SenML (" + e.getMessage() + "); passed on as null");
            reading = null;
        }
        MeterReading r = reading;
        long wait = r == null ? 0 : Pacing.waitMs(r.timestampMs(), config.pacing().fieldMs());
        if (wait == 0) {
            run(() -> onReading(r));
        } else {
            try {
                exec.schedule(() -> onReading(r), wait, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                // the run is stopping
            }
        }
    }

    /** Runs {@code task} on the gateway's thread; after {@link #close()} it is dropped. */
    private void run(Runnable task) {
        try {
            exec.execute(task);
        } catch (RejectedExecutionException closed) {
            // the run is stopping: late messages are dropped
        }
    }

    private void onReading(MeterReading reading) {
        readings++;
        List<Alert> alerts = call("onReading(" + (reading == null ? "null" : reading.meterId()) + ")",
                () -> logic.onReading(reading));
        if (alerts == null) {
            return;
        }
        for (Alert a : alerts) {
            if (a == null) {
                recorder.error("gateway", name + " returned a null alert; skipped");
                continue;
            }
            recorder.milestone(Milestone.ALERT, "gateway", a.meterId(), null,
                    a.meterId() + " at " + String.format(Locale.ROOT, "%.1f", a.kw()) + " kW: alert raised, on its way to the cloud");
            alertsSent++;
            enqueue(new Outgoing(Topics.gateway(config.areaId(), Topics.ALERT),
                    seq -> Messages.alert(config.areaId(), seq, a)));
            triggerReport(a.timestampMs());
        }
    }

    /** After an alert, the area report goes out early: at once in a fast run, at the figure's time when paced. */
    private void triggerReport(long alertMs) {
        if (triggeredReport != null && !triggeredReport.isDone()) {
            return;
        }
        long wait = Pacing.waitMs(alertMs, config.pacing().reportMs());
        // paced: the report is for the figure's time, so that a late thread does not make every later step late
        long planned = config.pacing().reportMs() > 0 ? alertMs + config.pacing().reportMs() : 0;
        if (wait == 0) {
            sendReport(planned);
        } else {
            triggeredReport = exec.schedule(() -> sendReport(planned), wait, TimeUnit.MILLISECONDS);
        }
    }

    private void sendReport() {
        sendReport(0);
    }

    /** Closes the period at {@code plannedMs} (paced), or now; never earlier than the previous report. */
    private void sendReport(long plannedMs) {
        long now = Math.max(Pacing.stamp(plannedMs, System.currentTimeMillis()), lastReportMs);
        lastReportMs = now;
        AreaReport report = call("report(" + now + ")", () -> logic.report(now));
        if (report == null) {
            return;
        }
        reportsSent++;
        enqueue(new Outgoing(Topics.gateway(config.areaId(), Topics.REPORT), seq -> Messages.report(seq, report)));
    }

    /** Decodes a message; a malformed one is shown on the timeline and gives null. */
    private <T> T decode(String what, Function<byte[], T> decoder, byte[] payload) {
        try {
            return decoder.apply(payload);
        } catch (Senml.SenmlException e) {
            recorder.error("gateway", what + " is not valid SenML: " + e.getMessage());
            return null;
        }
    }

    private void onDr(byte[] payload) {
        Messages.DrEvent dr = decode("a demand-response event", Messages::dr, payload);
        if (dr == null) {
            return;
        }
        if (!Messages.drSignedBy(payload, signer)) {
            recorder.error("gateway", "ignored demand-response event " + dr.event().eventId() + ": it does not "
                    + "carry the run's cloud's signature (forged?)");
            return;
        }
        List<HvacCommand> commands = call("onDemandResponse(" + dr.event().eventId() + ")",
                () -> logic.onDemandResponse(dr.event()));
        String id = dr.event().eventId();
        if (commands == null || commands.isEmpty() || events.containsKey(id) || done.contains(id)) {
            if (done.contains(id)) {
                optIn(id, 0, 0); // the cloud missed the opt-in; say it again
            }
            return;
        }
        List<HvacCommand> valid = new ArrayList<>();
        for (HvacCommand c : commands) {
            if (c == null || !shedPerDegree.containsKey(c.deviceId())) {
                recorder.error("gateway", name + " returned a command for an unknown HVAC unit: " + c);
            } else {
                valid.add(c);
            }
        }
        if (valid.isEmpty()) {
            return;
        }
        Pending p = new Pending(valid);
        p.shedKw = valid.stream().mapToDouble(c -> shedPerDegree.get(c.deviceId()) * c.setpointDeltaC()).sum();
        events.put(id, p);
        long wait = Pacing.waitMs(dr.issuedMs(), config.pacing().commandMs());
        long planned = config.pacing().commandMs() > 0 ? dr.issuedMs() + config.pacing().commandMs() : 0;
        exec.schedule(() -> sendCommands(id, planned), wait, TimeUnit.MILLISECONDS);
    }

    /** Sends the event's commands not yet confirmed, stamped with the figure's time when paced (else now). */
    private void sendCommands(String eventId, long plannedMs) {
        Pending p = events.get(eventId);
        if (p == null) {
            return;
        }
        long now = Pacing.stamp(p.attempts == 0 ? plannedMs : 0, System.currentTimeMillis());
        for (HvacCommand c : p.commands) {
            if (p.waiting.contains(c.deviceId())) {
                field.publish(Topics.hvac(config.areaId(), c.deviceId(), Topics.COMMAND),
                        Messages.command(new Messages.Command(config.areaId(), c, now), signer), 1, false);
            }
        }
        if (++p.attempts < COMMAND_ATTEMPTS) {
            p.retry = exec.schedule(() -> sendCommands(eventId, 0), commandRetryMs, TimeUnit.MILLISECONDS);
        } else {
            recorder.error("gateway", "HVAC units " + p.waiting + " never confirmed " + eventId);
            events.remove(eventId);
        }
    }

    private void onConfirm(byte[] payload) {
        Messages.Confirmation c = decode("an HVAC confirmation", Messages::confirmation, payload);
        if (c == null) {
            return;
        }
        Pending p = events.get(c.eventId());
        if (p == null || !p.waiting.remove(c.device())) {
            return;
        }
        if (p.waiting.isEmpty()) {
            if (p.retry != null) {
                p.retry.cancel(false);
            }
            events.remove(c.eventId());
            done.add(c.eventId());
            recorder.milestone(Milestone.CONFIRMATION, "gateway", c.eventId(), c.eventId(),
                    c.device() + ": " + c.text() + (p.commands.size() > 1 ? " (all " + p.commands.size()
                            + " units confirmed)" : ""));
            optIn(c.eventId(), p.commands.size(), p.shedKw);
        }
    }

    private void optIn(String eventId, int units, double shedKw) {
        Messages.OptIn o = new Messages.OptIn(config.areaId(), eventId, units, shedKw, System.currentTimeMillis());
        enqueue(new Outgoing(Topics.gateway(config.areaId(), Topics.OPT_IN), seq -> Messages.optIn(seq, o)));
    }

    private void onAck(byte[] payload) {
        Messages.Ack ack = decode("a cloud receipt", Messages::ack, payload);
        if (ack == null) {
            return;
        }
        if (!ack.epoch().equals(epoch)) {
            return;
        }
        if (queue.acknowledge(ack.seq()) > 0) {
            lastAckProgressMs = System.currentTimeMillis();
        }
        pump();
    }

    private void enqueue(Outgoing o) {
        queue.offer(o);
        if (queue.dropped() > droppedNoted) {
            droppedNoted = queue.dropped();
            recorder.error("gateway", "store-and-forward queue full (" + queue.capacity() + "): "
                    + droppedNoted + " oldest messages dropped so far");
        }
        pump();
    }

    private void pump() {
        boolean up = uplink.isUp();
        if (!up) {
            if (uplinkWasUp) {
                uplinkWasUp = false;
                recorder.note("gateway", "uplink down: keeping messages for the cloud in the store-and-forward queue");
            }
            return;
        }
        if (queue.inFlight() == 0) {
            lastAckProgressMs = System.currentTimeMillis();
        }
        for (StoreAndForward.Entry<Outgoing> e : queue.nextToSend(WINDOW)) {
            byte[] payload = e.item().encode().apply(new Messages.Seq(epoch, e.seq(), queue.base()));
            uplink.publish(e.item().topic(), payload, 1, false);
        }
    }

    private void uplinkBack() {
        if (!uplink.isUp()) {
            return;
        }
        if (!uplinkWasUp || queue.size() > 0) {
            recorder.note("gateway", "uplink up: sending " + queue.size() + " queued messages in order");
        }
        uplinkWasUp = true;
        queue.rewind();
        pump();
    }

    private void checkAcks() {
        if (queue.inFlight() > 0 && System.currentTimeMillis() - lastAckProgressMs > ackTimeoutMs && uplink.isUp()) {
            queue.rewind();
            lastAckProgressMs = System.currentTimeMillis();
        }
        pump();
    }

    private <T> T call(String what, Supplier<T> body) {
        try {
            return body.get();
        } catch (Throwable e) { // NOPMD: a student's gateway may throw anything; the run goes on
            errors++;
            recorder.error("gateway", name + " threw " + e + " in " + what);
            return null;
        }
    }

    /** Runs {@code task} on the gateway's thread (tests and the run use it to read state safely). */
    public void execute(Runnable task) {
        run(task);
    }

    public NetworkLink uplink() {
        return uplink;
    }

    public int queued() {
        return queue.size();
    }

    public long readings() {
        return readings;
    }

    public long reportsSent() {
        return reportsSent;
    }

    public long alertsSent() {
        return alertsSent;
    }

    public int errors() {
        return errors;
    }

    @Override
    public void close() {
        Threads.stop(exec);
        field.close();
        uplink.close();
    }
}
