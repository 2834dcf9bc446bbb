package org.m2mkit.web.labs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.m2mkit.grader.Grader;
import org.m2mkit.grader.Submission;
import org.m2mkit.grader.live.SandboxedGateway;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.run.LabRun;
import org.m2mkit.labs.run.LabRunConfig;
import org.m2mkit.web.accounts.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live lab runs of the kit: at most one per person, at most {@code maxRuns} at once, each on the kit's
 * broker in an area of its own. A run nobody watches (every console closed) stops after {@code idleTimeout}; a
 * run stops at the latest after {@code maxRunTime}.
 */
public final class LiveLab implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveLab.class);
    /** How long the broker stays down when a console restarts it. */
    static final Duration BROKER_DOWN = Duration.ofSeconds(2);
    /** Shortest time between two broker restarts: it interrupts every run in the class. */
    static final Duration BROKER_RESTART_GAP = Duration.ofSeconds(30);

    private final KitBroker broker;
    private final Grader grader;
    private final LongFunction<Optional<Submission>> latestGateway;
    private final int maxRuns;
    private final Duration idleTimeout;
    private final Duration maxRunTime;
    private final Map<Long, LiveRun> runs = new ConcurrentHashMap<>();
    private final AtomicLong areas = new AtomicLong();
    /**
     * Tells this kit's runs from those of other kits on the same external broker: a run's area, which names its
     * topics and its MQTT client ids, carries it, so two kits never share a client id or a topic.
     */
    private final String node = Long.toString(java.util.concurrent.ThreadLocalRandom.current()
            .nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
    private final AtomicLong lastBrokerRestart = new AtomicLong();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-lab-sweeper");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param latestGateway a person's latest gateway submission that compiled, by account id
     */
    public LiveLab(KitBroker broker, Grader grader, LongFunction<Optional<Submission>> latestGateway, int maxRuns,
                   Duration idleTimeout, Duration maxRunTime) {
        this.broker = broker;
        this.grader = grader;
        this.latestGateway = latestGateway;
        this.maxRuns = maxRuns;
        this.idleTimeout = idleTimeout;
        this.maxRunTime = maxRunTime;
        long period = Math.max(200, Math.min(5_000, idleTimeout.toMillis() / 3));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** The kit's defaults: six runs at once, stopped 20 s after the last console closed, or after 30 minutes. */
    public static LiveLab withDefaults(KitBroker broker, Grader grader, LongFunction<Optional<Submission>> latest) {
        return new LiveLab(broker, grader, latest, 6, Duration.ofSeconds(20), Duration.ofMinutes(30));
    }

    public int maxRuns() {
        return maxRuns;
    }

    public int running() {
        return runs.size();
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public boolean brokerRestartable() {
        return broker.isEmbedded();
    }

    Optional<LiveRun> current(long accountId) {
        return Optional.ofNullable(runs.get(accountId));
    }

    /**
     * Starts a run for {@code who}, stopping the one they had.
     *
     * @throws UserError when every run slot is taken, the person has no gateway of their own to run, or the
     *                   run cannot start
     */
    LiveRun start(Account who, RunOptions options) {
        stop(who.id(), "a new run was started");
        synchronized (runs) {
            if (runs.size() >= maxRuns) {
                throw new UserError("all " + maxRuns + " live-lab slots are in use; try again in a few minutes");
            }
            String area = "live-" + who.id() + "-" + node + "-" + areas.incrementAndGet();
            LabRunConfig.Builder config = LabRunConfig.builder().meters(options.meters()).mode(options.mode())
                    .network(options.network()).areaId(area).brokerUrl(broker.url()).brokerLogin(broker.login()).timelineCapacity(2_000);
            SandboxedGateway sandboxed = null;
            String label = "reference gateway";
            if (options.ownCode()) {
                Submission mine = latestGateway.apply(who.id()).orElseThrow(() -> new UserError(
                        "you have no gateway submission that compiles yet; submit one on the gateway lab page"));
                LabRunConfig probe = config.build();
                try {
                    sandboxed = grader.liveGateway(mine, probe.gatewayConfig());
                } catch (IllegalStateException e) {
                    LOG.warn("live run for {}: {}", who.username(), e.getMessage());
                    throw new UserError("the sandbox could not run your gateway (" + e.getMessage()
                            + "); try again, or run the reference gateway");
                }
                label = "your gateway (" + sandboxed.className() + "), in the sandbox";
                SandboxedGateway g = sandboxed;
                config.gateway(label, c -> g);
            }
            LabRun run;
            try {
                run = LabRun.start(config.build());
            } catch (RuntimeException e) {
                if (sandboxed != null) {
                    sandboxed.close();
                }
                throw e;
            }
            LiveRun live = new LiveRun(who, run, sandboxed, label);
            runs.put(who.id(), live);
            LOG.info("live run {} started for {} ({} meters, {}, {})", area, who.username(), options.meters(),
                    options.mode(), options.network().key());
            return live;
        }
    }

    /** Every live run, oldest first, as the instructor's list shows it. */
    List<Map<String, Object>> overview() {
        return runs.values().stream().sorted(java.util.Comparator.comparingLong(LiveRun::startedMs))
                .map(LiveRun::summary).toList();
    }

    /** Stops {@code accountId}'s run, if any. */
    void stop(long accountId, String reason) {
        LiveRun run = runs.remove(accountId);
        if (run != null) {
            stopRun(run, reason);
        }
    }

    /** Restarts the kit's embedded broker; every run notes it and reconnects. Instructors only. */
    void restartBroker(Account who) {
        if (who.role() != org.m2mkit.web.accounts.Role.INSTRUCTOR) {
            throw new UserError("only an instructor can restart the broker: it interrupts every run on this kit");
        }
        if (!broker.isEmbedded()) {
            throw new UserError("the kit uses an external broker (" + broker.url() + "); it cannot be restarted from here");
        }
        long now = System.currentTimeMillis();
        long last = lastBrokerRestart.get();
        long wait = last + BROKER_RESTART_GAP.toMillis() - now;
        if (wait > 0 || !lastBrokerRestart.compareAndSet(last, now)) {
            throw new UserError("the broker was restarted a moment ago; try again in " + Math.max(1, (wait + 999) / 1000) + " s");
        }
        runs.values().forEach(r -> r.notice("broker restart asked by " + who.displayName() + ": it is down for "
                + BROKER_DOWN.toSeconds() + " s, then every component reconnects"));
        broker.restart(BROKER_DOWN);
        runs.values().forEach(r -> r.notice("broker running again"));
    }

    private void sweep() {
        long now = System.currentTimeMillis();
        for (LiveRun run : List.copyOf(runs.values())) {
            try {
                if (!run.watched() && now - run.lastWatchedMs() > idleTimeout.toMillis()) {
                    stopIfSame(run, "stopped because no console watched it for " + idleTimeout.toSeconds() + " s");
                } else if (now - run.startedMs() > maxRunTime.toMillis()) {
                    stopIfSame(run, "stopped after " + maxRunTime.toMinutes() + " minutes; start a new run to go on");
                } else {
                    run.ping();
                }
            } catch (RuntimeException e) {
                LOG.warn("live-lab sweep: {}", e.toString());
            }
        }
    }

    private void stopIfSame(LiveRun run, String reason) {
        if (runs.remove(run.accountId(), run)) {
            stopRun(run, reason);
        }
    }

    /** Stops a run and lets the broker forget its area's retained messages (device statuses). */
    private void stopRun(LiveRun run, String reason) {
        run.stop(reason);
        try {
            broker.clearRetained(run.lab().config().areaId());
        } catch (RuntimeException e) {
            LOG.warn("retained messages of {} not cleared: {}", run.lab().config().areaId(), e.toString());
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        for (Long id : List.copyOf(runs.keySet())) {
            stop(id, "the kit is shutting down");
        }
    }
}
