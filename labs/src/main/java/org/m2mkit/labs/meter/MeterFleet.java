package org.m2mkit.labs.meter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
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
 * A spike makes one meter read the spike's load: for three reading intervals in a paced run (so that the area
 * report half a second later still sees it), for one reading in a fast run.
 */
public final class MeterFleet implements AutoCloseable {

    /** How many regular readings a paced spike lasts. */
    private static final int SPIKE_READINGS = 3;

    private final class Meter {
        final String id;
        final LoadModel model;
        /** The meter's connection; a new one each time it is plugged back in. */
        volatile NetworkLink link;
        final SplittableRandom random;
        long lastTs;
        long spikeUntil;
        /** The meter's reading schedule; null while it is unplugged or before the fleet starts. */
        ScheduledFuture<?> tick;
        boolean unplugged;
        /** A connection for it is being made. */
        boolean reviving;

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
            link.publish(Topics.meterReading(config.areaId(), id), Messages.reading(r), 1, false);
        }

        synchronized double sample() {
            return model.sample(hourNow(), random);
        }

        /** Announces, then publishes the spike reading; returns its timestamp. */
        synchronized long spike(java.util.function.LongConsumer announce) {
            long t0 = Math.max(System.currentTimeMillis(), lastTs + 1);
            announce.accept(t0);
            publish(config.spikeKw(), t0);
            if (config.mode() == Mode.PACED) {
                spikeUntil = t0 + SPIKE_READINGS * config.readingIntervalMs();
            } else {
                publish(sample());
            }
            return t0;
        }

        synchronized void tick() {
            publish(System.currentTimeMillis() < spikeUntil ? config.spikeKw() : sample());
        }
    }

    private final LabRunConfig config;
    private final Recorder recorder;
    private final Map<String, Meter> meters = new LinkedHashMap<>();
    private final long startMs;
    private final Function<String, NetworkLink> connect;
    private ScheduledExecutorService scheduler;
    private long intervalMicros;
    private boolean closed;

    /**
     * Connects every meter.
     *
     * @param connect opens a meter's link, given its id
     */
    public MeterFleet(LabRunConfig config, Function<String, NetworkLink> connect, Recorder recorder,
                      ExecutorService connector) {
        this.config = config;
        this.recorder = recorder;
        this.connect = connect;
        this.startMs = System.currentTimeMillis();
        List<LoadModel> models = LabRunConfig.loadModels(config.meters(), config.seed());
        List<String> all = config.meterIds();
        java.util.Set<String> own = new java.util.HashSet<>(config.mqttMeterIds()); // the others are not MQTT clients
        // connecting takes a few hundred milliseconds of waiting per client: connect many at once
        List<CompletableFuture<NetworkLink>> links = new ArrayList<>();
        for (String id : all) {
            links.add(own.contains(id) ? CompletableFuture.supplyAsync(() -> connect.apply(id), connector) : null);
        }
        RuntimeException failure = null;
        for (int i = 0; i < all.size(); i++) {
            if (links.get(i) == null) {
                continue;
            }
            try {
                meters.put(all.get(i), new Meter(all.get(i), models.get(i), links.get(i).join(), config.seed() * 31 + i));
            } catch (CompletionException e) {
                failure = e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        if (failure != null) {
            close();
            throw failure;
        }
    }

    /** Starts the readings: one from every meter every interval, the meters spread evenly over it. */
    public synchronized void start(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
        this.intervalMicros = config.readingIntervalMs() * 1000;
        int i = 0;
        for (Meter m : meters.values()) {
            long phase = intervalMicros * i++ / meters.size();
            m.tick = scheduler.scheduleAtFixedRate(m::tick, phase, intervalMicros, TimeUnit.MICROSECONDS);
        }
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
        Meter m = meter(meterId);
        synchronized (this) {
            if (m.unplugged) {
                throw new UserError(meterId + " is unplugged and reads nothing; plug it back in first");
            }
        }
        return m.spike(t0 -> recorder.milestone(Milestone.SPIKE, meterId, meterId, null, meterId + " reads "
                + fmt(config.spikeKw()) + " kW (alert threshold " + fmt(config.spikeThresholdKw()) + " kW)", t0));
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private Meter meter(String meterId) {
        Meter m = meterId == null ? null : meters.get(meterId);
        if (m == null) {
            throw new UserError("no meter '" + meterId + "' in area " + config.areaId() + "; meters are "
                    + ids().get(0) + " to " + ids().get(ids().size() - 1));
        }
        return m;
    }

    /** Whether {@code meterId} is unplugged now. */
    public synchronized boolean isUnplugged(String meterId) {
        return meter(meterId).unplugged;
    }

    /**
     * Pulls a meter's plug: it stops reading and its connection ends without a goodbye (no DISCONNECT), so the
     * broker publishes its last will, a retained {@code offline} status.
     *
     * @throws UserError when the area has no such meter or it is unplugged already
     */
    public void kill(String meterId) {
        Meter m = meter(meterId);
        synchronized (this) {
            if (m.unplugged) {
                throw new UserError(meterId + " is unplugged already");
            }
            m.unplugged = true;
            if (m.tick != null) {
                m.tick.cancel(false);
                m.tick = null;
            }
        }
        m.link.kill();
    }

    /**
     * Plugs a meter back in: a new connection (with its last will set again), which publishes {@code online}, and
     * readings every interval as before.
     *
     * @throws UserError when the area has no such meter, it is not unplugged, or the broker does not take the
     *                   connection
     */
    public void revive(String meterId) {
        Meter m = meter(meterId);
        synchronized (this) {
            if (!m.unplugged || m.reviving) {
                throw new UserError(meterId + " is plugged in already");
            }
            m.reviving = true;
        }
        NetworkLink fresh;
        try {
            fresh = connect.apply(meterId); // waits for the broker: outside the lock
        } finally {
            synchronized (this) {
                m.reviving = false;
            }
        }
        synchronized (this) {
            if (closed) {
                fresh.close();
                return;
            }
            m.link = fresh;
            m.unplugged = false;
            if (scheduler != null) {
                m.tick = scheduler.scheduleAtFixedRate(m::tick, 0, intervalMicros, TimeUnit.MICROSECONDS);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            meters.values().forEach(m -> {
                if (m.tick != null) {
                    m.tick.cancel(false);
                }
            });
        }
        meters.values().forEach(m -> {
            if (!m.unplugged) {
                m.link.close();
            }
        });
    }
}
