package org.m2mkit.labs.cloud;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.m2mkit.labs.Threads;
import org.m2mkit.labs.api.AreaReport;
import org.m2mkit.labs.api.DemandResponse;
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
 * The utility's analytics, OpenADR style: it takes each gateway's sequenced messages once and in order (and
 * acknowledges them), forecasts the area's load from its reports with Holt's linear smoothing, and when the
 * forecast exceeds the feeder's capacity issues a demand-response event. The event is resent until the gateway
 * opts in (after its HVAC units confirmed), so it arrives at least once.
 */
public final class UtilityCloud implements AutoCloseable {

    private static final int EVENT_ATTEMPTS = 30;

    /** One area's state. */
    private final class Area {
        final String id;
        final InOrderReceiver receiver = new InOrderReceiver();
        final HoltForecast forecast = new HoltForecast(config.forecastAlpha(), config.forecastBeta());
        Event active;
        int events;

        Area(String id) {
            this.id = id;
        }
    }

    /** An issued event. */
    private static final class Event {
        final Messages.DrEvent dr;
        final long untilMs;
        boolean optedIn;
        int attempts;
        ScheduledFuture<?> retry;

        Event(Messages.DrEvent dr) {
            this.dr = dr;
            this.untilMs = dr.issuedMs() + dr.event().durationMs();
        }
    }

    private final LabRunConfig config;
    private final NetworkLink link;
    private final Recorder recorder;
    private final ScheduledExecutorService exec;
    private final Signer signer;
    private final Map<String, Area> areas = new HashMap<>();
    private final long retryMs;
    private final java.util.List<AreaReport> delivered = new java.util.ArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong alerts = new java.util.concurrent.atomic.AtomicLong();

    public UtilityCloud(LabRunConfig config, NetworkLink link, Recorder recorder) {
        this(config, link, recorder, Signer.NONE);
    }

    /** @param signer signs the demand-response events, so that the gateway can tell them from forged ones */
    public UtilityCloud(LabRunConfig config, NetworkLink link, Recorder recorder, Signer signer) {
        this.signer = signer;
        this.config = config;
        this.link = link;
        this.recorder = recorder;
        Pacing pacing = config.pacing();
        this.retryMs = config.drRetryMs() + pacing.commandMs() + pacing.confirmMs()
                + 2 * link.profile().roundTripAllowanceMs() + 2 * config.fieldNetwork().roundTripAllowanceMs();
        this.exec = Threads.single("lab-cloud");
    }

    public void start() {
        // its own area only: runs of other areas may share the broker
        link.subscribe(Topics.gateway(config.areaId(), "+"), 1, (topic, payload) -> execute(() -> onUplink(topic, payload)));
    }

    private void onUplink(String topic, byte[] payload) {
        Topics.Parsed t = Topics.parse(topic);
        if (t == null || t.kind().equals(Topics.STATUS)) {
            return;
        }
        try {
            switch (t.kind()) {
                case Topics.ALERT -> accept(t.area(), Messages.alert(payload), body -> alerts.incrementAndGet());
                case Topics.REPORT -> accept(t.area(), Messages.report(payload), this::onReport);
                case Topics.OPT_IN -> accept(t.area(), Messages.optIn(payload), this::onOptIn);
                default -> recorder.error("cloud", "unexpected topic " + topic);
            }
        } catch (Senml.SenmlException e) {
            recorder.error("cloud", "a message on " + topic + " is not valid SenML: " + e.getMessage());
        }
    }

    private <T> void accept(String areaId, Messages.Uplink<T> message, java.util.function.Consumer<T> handler) {
        Area area = area(areaId);
        Messages.Seq s = message.seq();
        InOrderReceiver.Verdict verdict = area.receiver.accept(s.epoch(), s.seq(), s.base());
        if (verdict == InOrderReceiver.Verdict.DELIVER) {
            handler.accept(message.body());
        }
        Messages.Ack ack = new Messages.Ack(areaId, s.epoch(), area.receiver.acknowledged());
        link.publish(Topics.cloud(areaId, Topics.ACK), Messages.ack(ack, System.currentTimeMillis()), 1, false);
    }

    private Area area(String id) {
        return areas.computeIfAbsent(id, Area::new);
    }

    private void onReport(AreaReport report) {
        Area area = area(report.areaId());
        synchronized (delivered) {
            if (delivered.size() == 10_000) {
                delivered.remove(0);
            }
            delivered.add(report);
        }
        if (report.alerts() > 0) {
            recorder.milestone(Milestone.REPORT, "cloud", Long.toString(report.periodEndMs()), null,
                    report.metersReporting() + " meters, " + kw(report.totalKw()) + " kW in total, peak "
                            + kw(report.peakKw()) + " kW at " + report.peakMeterId() + ", " + report.alerts() + " alert(s)");
        }
        long wait = Pacing.waitMs(report.periodEndMs(), config.pacing().analysisMs());
        if (wait == 0) {
            evaluate(area, report);
        } else {
            exec.schedule(() -> evaluate(area, report), wait, TimeUnit.MILLISECONDS);
        }
    }

    private void evaluate(Area area, AreaReport report) {
        // a report with silent meters is scaled up to the whole area
        int configured = config.meters();
        int fresh = configured - report.metersSilent();
        if (fresh <= 0) {
            return; // no meter heard from lately: nothing to forecast from
        }
        double estimate = report.totalKw() * configured / fresh;
        area.forecast.observe(estimate);
        double predicted = area.forecast.forecast(config.forecastHorizon());
        long now = System.currentTimeMillis();
        if (predicted <= config.feederCapacityKw() || (area.active != null && now < area.active.untilMs)) {
            return;
        }
        String id = "dr-" + area.id + "-" + (++area.events);
        double reduce = predicted - config.feederCapacityKw();
        DemandResponse event = new DemandResponse(id, area.id, reduce, config.setpointDeltaC(), config.drDurationMs());
        // paced: the event is issued at the figure's time, so that a late thread does not delay the later steps
        long issued = Pacing.stamp(config.pacing().analysisMs() > 0
                ? report.periodEndMs() + config.pacing().analysisMs() : 0, now);
        Event e = new Event(new Messages.DrEvent(event, issued));
        area.active = e;
        recorder.milestone(Milestone.PREDICTION, "cloud", Long.toString(report.periodEndMs()), id,
                "forecast " + kw(predicted) + " kW > feeder capacity " + kw(config.feederCapacityKw())
                        + " kW: event " + id + " asks to shed " + kw(reduce) + " kW, set points +"
                        + config.setpointDeltaC() + " °C");
        send(e);
    }

    private void send(Event e) {
        if (e.optedIn) {
            return;
        }
        link.publish(Topics.cloud(e.dr.event().areaId(), Topics.DR), Messages.dr(e.dr, signer), 1, false);
        if (++e.attempts < EVENT_ATTEMPTS && System.currentTimeMillis() < e.untilMs) {
            e.retry = exec.schedule(() -> send(e), retryMs, TimeUnit.MILLISECONDS);
        }
    }

    private void onOptIn(Messages.OptIn optIn) {
        Event e = area(optIn.area()).active;
        if (e == null || !e.dr.event().eventId().equals(optIn.eventId()) || e.optedIn) {
            return;
        }
        e.optedIn = true;
        if (e.retry != null) {
            e.retry.cancel(false);
        }
        recorder.note("cloud", "opt-in for " + optIn.eventId() + ": " + optIn.units() + " HVAC unit(s) shed "
                + kw(optIn.shedKw()) + " kW (event sent " + e.attempts + " time(s))");
    }

    private static String kw(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Runs {@code task} on the cloud's thread. */
    public void execute(Runnable task) {
        try {
            exec.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the run is stopping: late messages are dropped
        }
    }

    /** The reports taken so far (each once, in order; the newest 10,000). */
    public java.util.List<AreaReport> reports() {
        synchronized (delivered) {
            return java.util.List.copyOf(delivered);
        }
    }

    /** Alerts taken so far (each once). */
    public long alerts() {
        return alerts.get();
    }

    @Override
    public void close() {
        Threads.stop(exec);
        link.close();
    }
}
