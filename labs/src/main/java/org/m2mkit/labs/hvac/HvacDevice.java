package org.m2mkit.labs.hvac;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.m2mkit.labs.api.HvacUnit;
import org.m2mkit.labs.net.NetworkLink;
import org.m2mkit.labs.run.LabRunConfig;
import org.m2mkit.labs.run.Milestone;
import org.m2mkit.labs.run.Pacing;
import org.m2mkit.labs.run.Recorder;
import org.m2mkit.labs.wire.Messages;
import org.m2mkit.labs.wire.Senml;
import org.m2mkit.labs.wire.Signer;
import org.m2mkit.labs.wire.Temperatures;
import org.m2mkit.labs.wire.Topics;

/**
 * An HVAC unit of the area: its building's thermal model, an MQTT client of its own, and the commands it takes
 * from the gateway. It applies each event once (commands come at least once), confirms with the set point it
 * now holds in °C and °F, and goes back to its old set point when the event ends.
 */
public final class HvacDevice implements AutoCloseable {

    private final LabRunConfig config;
    private final HvacUnit unit;
    private final NetworkLink link;
    private final ScheduledExecutorService scheduler;
    private final Recorder recorder;
    private final ThermalModel model;
    private final double normalSetpointC;
    private final Map<String, Messages.Confirmation> applied = new HashMap<>();
    private final java.util.Set<String> scheduled = new java.util.HashSet<>();
    private long modelTimeMs;
    private final Signer signer;

    public HvacDevice(LabRunConfig config, HvacUnit unit, NetworkLink link, ScheduledExecutorService scheduler,
                      Recorder recorder) {
        this(config, unit, link, scheduler, recorder, Signer.NONE);
    }

    /** @param signer checks that commands come from the run's gateway runtime */
    public HvacDevice(LabRunConfig config, HvacUnit unit, NetworkLink link, ScheduledExecutorService scheduler,
                      Recorder recorder, Signer signer) {
        this.signer = signer;
        this.config = config;
        this.unit = unit;
        this.link = link;
        this.scheduler = scheduler;
        this.recorder = recorder;
        this.normalSetpointC = Temperatures.toCelsius(config.setpointF());
        // a 3-hour building time constant; the unit can draw twice what holding the set point takes
        double hold = unit.shedKwPerDegreeC() * Math.max(1, config.outdoorC() - normalSetpointC);
        this.model = new ThermalModel(unit.shedKwPerDegreeC(), 2 * hold, 3 * 3_600_000.0, config.outdoorC(),
                normalSetpointC, normalSetpointC);
        this.modelTimeMs = System.currentTimeMillis();
    }

    public void start() {
        link.subscribe(Topics.hvac(config.areaId(), unit.deviceId(), Topics.COMMAND), 1, this::onCommand);
    }

    public String id() {
        return unit.deviceId();
    }

    private void onCommand(String topic, byte[] payload) {
        Messages.Command c;
        try {
            c = Messages.command(payload);
        } catch (Senml.SenmlException e) {
            recorder.error(unit.deviceId(), "ignored a malformed command: " + e.getMessage());
            return;
        }
        if (!c.area().equals(config.areaId()) || !c.command().deviceId().equals(unit.deviceId())) {
            return;
        }
        if (!Messages.commandSignedBy(payload, signer)) {
            recorder.error(unit.deviceId(), "ignored command " + c.command().eventId() + ": it does not carry the "
                    + "run's gateway's signature (forged?)");
            return;
        }
        String event = c.command().eventId();
        Messages.Confirmation done;
        boolean first;
        synchronized (this) {
            done = applied.get(event);
            first = done == null && scheduled.add(event);
        }
        if (done != null) {
            confirm(done); // a repeated command: confirm again, change nothing
            return;
        }
        if (!first) {
            return; // being applied already
        }
        recorder.milestone(Milestone.COMMAND, unit.deviceId(), event, event, "raise the set point by "
                + c.command().setpointDeltaC() + " °C for " + c.command().durationMs() / 1000 + " s (" + event + ")");
        long wait = Pacing.waitMs(c.issuedMs(), config.pacing().confirmMs());
        if (wait == 0) {
            apply(c);
        } else {
            scheduler.schedule(() -> apply(c), wait, TimeUnit.MILLISECONDS);
        }
    }

    private void apply(Messages.Command c) {
        Messages.Confirmation conf;
        synchronized (this) {
            advance();
            model.raiseSetpoint(c.command().setpointDeltaC());
            conf = confirmation(c.command().eventId());
            applied.put(c.command().eventId(), conf);
        }
        recorder.milestone(Milestone.HVAC_ACTION, unit.deviceId(), c.command().eventId(), c.command().eventId(),
                "set point " + String.format(java.util.Locale.ROOT, "%.1f", conf.setpointC()) + " °C, drawing "
                        + String.format(java.util.Locale.ROOT, "%.2f", conf.powerKw()) + " kW");
        confirm(conf);
        scheduler.schedule(() -> end(c), c.command().durationMs(), TimeUnit.MILLISECONDS);
    }

    private void end(Messages.Command c) {
        synchronized (this) {
            advance();
            model.raiseSetpoint(-c.command().setpointDeltaC());
        }
        recorder.note(unit.deviceId(), "event " + c.command().eventId() + " ended: set point back to "
                + Math.round(Temperatures.toFahrenheit(model.setpointC())) + " °F");
    }

    private void confirm(Messages.Confirmation conf) {
        link.publish(Topics.hvac(config.areaId(), unit.deviceId(), Topics.CONFIRM), Messages.confirmation(conf), 1, false);
    }

    private Messages.Confirmation confirmation(String event) {
        return new Messages.Confirmation(config.areaId(), unit.deviceId(), event, model.setpointC(), model.indoorC(),
                model.powerKw(), System.currentTimeMillis());
    }

    private void advance() {
        long now = System.currentTimeMillis();
        model.advance(now - modelTimeMs);
        modelTimeMs = now;
    }

    /** The unit's set point now, in °C. */
    public synchronized double setpointC() {
        return model.setpointC();
    }

    /** How many distinct events the unit has applied. */
    public synchronized int eventsApplied() {
        return applied.size();
    }

    @Override
    public void close() {
        link.close();
    }
}
