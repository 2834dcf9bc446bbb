package org.m2mkit.labs.meter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.api.MeterReading;
import org.m2mkit.labs.net.NetworkLink;
import org.m2mkit.labs.run.LabRunConfig;
import org.m2mkit.labs.run.Milestone;
import org.m2mkit.labs.run.Mode;
import org.m2mkit.labs.run.Recorder;
import org.m2mkit.labs.wire.Messages;
import org.m2mkit.labs.wire.Topics;

/**
 * The area's smart meters. Each is its own MQTT client (with a last will that marks it offline) and publishes a
 * SenML reading every interval; the simulated time of day starts at the run's start hour and runs at real speed.
 * A spike makes one meter read the spike's load: for the figure's two seconds in a paced run (so that the area
 * report the alert brings on, half a second later, holds it whenever the regular readings fall), for one reading
 * in a fast run.
 */
public final class MeterFleet implements AutoCloseable {

    private final class Meter {
        final String id;
        final LoadModel model;
        final NetworkLink link;
        final SplittableRandom random;
        long lastTs;
        boolean spiking;
        long spikeUntil;

        Meter(String id, LoadModel model, NetworkLink link, long seed) {
            this.id = id;
            this.model = model;
            this.link = link;
            this.random = new SplittableRandom(seed);
        }

        synchronized void publish(double kw) {
            publish(kw, Math.max(System.currentTimeMillis(), lastTs + 1));
        }

        synchronized void publish(double kw, long ts) {
            lastTs = ts;
            MeterReading r = new MeterReading(id, config.areaId(), ts, kw);
            link.publish(Topics.meterReading(config.areaId(), id), Messages.reading(r), 0, false);
        }

        synchronized double sample() {
            return model.sample(hourNow(), random);
        }

        /** Announces, then publishes the spike reading; returns its timestamp. */
        synchronized long spike(Runnable announce) {
            spiking = config.mode() == Mode.PACED;
            long t0 = Math.max(System.currentTimeMillis(), lastTs + 1);
            spikeUntil = spiking ? t0 + Milestone.CONFIRMATION.figureMs() : 0;
            announce.run();
            publish(config.spikeKw(), t0);
            if (!spiking) {
                publish(sample());
            }
            return t0;
        }

        synchronized void tick() {
            if (spiking && System.currentTimeMillis() < spikeUntil) {
                publish(config.spikeKw());
                return;
            }
            spiking = false;
            publish(sample());
        }
    }

    private final LabRunConfig config;
    private final Recorder recorder;
    private final Map<String, Meter> meters = new LinkedHashMap<>();
    private final long startMs;
    private ScheduledFuture<?> ticks;

    /**
     * Connects every meter.
     *
     * @param connect opens a meter's link, given its id
     */
    public MeterFleet(LabRunConfig config, Function<String, NetworkLink> connect, Recorder recorder) {
        this.config = config;
        this.recorder = recorder;
        this.startMs = System.currentTimeMillis();
        List<LoadModel> models = LabRunConfig.loadModels(config.meters(), config.seed());
        List<String> ids = config.meterIds();
        try {
            for (int i = 0; i < ids.size(); i++) {
                meters.put(ids.get(i), new Meter(ids.get(i), models.get(i), connect.apply(ids.get(i)),
                        config.seed() * 31 + i));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts the readings: one from every meter now, then one every interval. */
    public void start(ScheduledExecutorService scheduler) {
        ticks = scheduler.scheduleAtFixedRate(() -> meters.values().forEach(Meter::tick), 0,
                config.readingIntervalMs(), TimeUnit.MILLISECONDS);
    }

    /** The simulated hour of the day. */
    public double hourNow() {
        return (config.startHour() + (System.currentTimeMillis() - startMs) / 3_600_000.0) % 24;
    }

    public List<String> ids() {
        return new ArrayList<>(meters.keySet());
    }

    /**
     * Makes {@code meterId} read the spike's load now.
     *
     * @return the spike reading's timestamp, t=0 of the cycle
     * @throws UserError when the area has no such meter
     */
    public long spike(String meterId) {
        Meter m = meters.get(meterId);
        if (m == null) {
            throw new UserError("no meter '" + meterId + "' in area " + config.areaId() + "; meters are "
                    + ids().get(0) + " to " + ids().get(ids().size() - 1));
        }
        return m.spike(() -> recorder.milestone(Milestone.SPIKE, meterId, meterId, null, meterId + " reads "
                + fmt(config.spikeKw()) + " kW (alert threshold " + fmt(config.spikeThresholdKw()) + " kW)"));
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    /** Ends a meter's connection without a goodbye: the broker publishes its last will (offline). */
    public void kill(String meterId) {
        Meter m = meters.remove(meterId);
        if (m != null) {
            m.link.kill();
        }
    }

    @Override
    public void close() {
        if (ticks != null) {
            ticks.cancel(false);
        }
        meters.values().forEach(m -> m.link.close());
    }
}
