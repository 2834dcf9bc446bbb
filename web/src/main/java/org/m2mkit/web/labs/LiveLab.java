package org.m2mkit.web.labs;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.m2mkit.grader.Grader;
import org.m2mkit.grader.Submission;
import org.m2mkit.grader.live.SandboxedGateway;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.mqtt.MqttLink;
import org.m2mkit.labs.run.LabRun;
import org.m2mkit.labs.run.LabRunConfig;
import org.m2mkit.web.accounts.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live lab runs of the kit: at most one per person, at most {@code maxRuns} at once, each on the kit's
 * broker in an area of its own. A start while every slot is taken waits in a queue (first come, first served,
 * one place per person) and starts by itself when a slot frees; the waiting consoles are told their place and
 * the expected wait. A run nobody watches (every console closed) stops after {@code idleTimeout}, and so does a
 * place in the queue; a run stops at the latest after {@code maxRunTime}.
 */
public final class LiveLab implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveLab.class);
    /** How long the broker stays down when a console restarts it. */
    static final Duration BROKER_DOWN = Duration.ofSeconds(2);
    /** Shortest time between two broker restarts: it interrupts every run in the class. */
    static final Duration BROKER_RESTART_GAP = Duration.ofSeconds(30);
    /** The most runs the setting allows at once. */
    public static final int MAX_RUNS = 500;
    /**
     * Paced 50-meter runs one core carries beside the rest of the kit, where the MQTT clients' loops run on
     * virtual threads (Java 24 and later) and where each client holds three platform threads (see
     * docs/performance.md, "Live runs at once").
     */
    static final int RUNS_PER_CORE = 20;
    static final int RUNS_PER_CORE_PLATFORM_THREADS = 8;
    /** Heap one paced 50-meter run holds, with its console's replay, rounded up (docs/performance.md). */
    static final long HEAP_PER_RUN = 16L << 20;
    /** Heap the rest of the kit keeps for itself before live runs are counted. */
    static final long HEAP_FOR_THE_REST = 256L << 20;
    /** Run lengths remembered to estimate how long the runs going now still take. */
    private static final int LENGTHS_KEPT = 20;
    /**
     * Runs shorter than this are not counted in the typical length (a student who restarts to change an option),
     * and a run that is past the typical length is still expected to take this long.
     */
    private static final long SHORTEST_COUNTED_MS = 30_000;

    private final KitBroker broker;
    private final Grader grader;
    private final LongFunction<Optional<Submission>> latestGateway;
    private final int maxRuns;
    private final Duration idleTimeout;
    private final Duration maxRunTime;
    private final Map<Long, LiveRun> runs = new ConcurrentHashMap<>();
    /** Guards {@link #queue}, {@link #starting} and the count of runs against the cap. */
    private final Object slots = new Object();
    private final Deque<QueuedRun> queue = new ArrayDeque<>();
    /** Starts taken from the queue whose runs are starting now, by account id. */
    private final Map<Long, QueuedRun> launching = new java.util.HashMap<>();
    private int starting;
    private final Deque<Long> lengths = new ArrayDeque<>();
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
     * Runs starting at once: a start connects some fifty MQTT clients, and a class pressing Start together would
     * otherwise open two thousand connections in the same second; the others wait their turn for a moment.
     */
    private final java.util.concurrent.Semaphore launches = new java.util.concurrent.Semaphore(
            Math.max(2, Runtime.getRuntime().availableProcessors()), true);
    /** Sends every run's console updates in batches. */
    private final ScheduledExecutorService consoles = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-lab-consoles");
        t.setDaemon(true);
        return t;
    });
    /** Starts the runs that waited in the queue, one after another. */
    private final ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-lab-queue");
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
        consoles.scheduleWithFixedDelay(this::flushConsoles, LiveRun.BATCH_MS, LiveRun.BATCH_MS, TimeUnit.MILLISECONDS);
    }

    private void flushConsoles() {
        for (LiveRun run : runs.values()) {
            try {
                run.flush();
            } catch (RuntimeException e) {
                LOG.warn("live console updates of {}: {}", run.lab().config().areaId(), e.toString());
            }
        }
    }

    /**
     * The kit's defaults: runs at once sized from the machine, stopped 20 s after the last console closed, or
     * after 30 minutes.
     */
    public static LiveLab withDefaults(KitBroker broker, Grader grader, LongFunction<Optional<Submission>> latest) {
        return withDefaults(broker, grader, latest, defaultMaxRuns());
    }

    /** The kit's defaults with {@code maxRuns} runs at once (the {@code live-runs} setting). */
    public static LiveLab withDefaults(KitBroker broker, Grader grader, LongFunction<Optional<Submission>> latest,
                                       int maxRuns) {
        return new LiveLab(broker, grader, latest, maxRuns, Duration.ofSeconds(20), Duration.ofMinutes(30));
    }

    /** Runs at once on this machine: {@link #defaultMaxRuns(int, long)} of its cores and the JVM's maximum heap. */
    public static int defaultMaxRuns() {
        return defaultMaxRuns(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(),
                MqttLink.lightClients() ? RUNS_PER_CORE : RUNS_PER_CORE_PLATFORM_THREADS);
    }

    /**
     * {@code perCore} runs per core, and no more than the heap beyond {@link #HEAP_FOR_THE_REST} holds at
     * {@link #HEAP_PER_RUN} each; at least one, at most {@link #MAX_RUNS}.
     */
    static int defaultMaxRuns(int cores, long maxHeap, int perCore) {
        long byCpu = (long) cores * perCore;
        long byHeap = (maxHeap - HEAP_FOR_THE_REST) / HEAP_PER_RUN;
        return (int) Math.max(1, Math.min(MAX_RUNS, Math.min(byCpu, byHeap)));
    }

    /** The kit's LwM2M server, which the runs' LwM2M devices register with; without it each run starts one. */
    public LiveLab withLwm2m(org.m2mkit.labs.lwm2m.EmbeddedLwm2mServer server) {
        this.lwm2m = server;
        return this;
    }

    private volatile org.m2mkit.labs.lwm2m.EmbeddedLwm2mServer lwm2m;

    public int maxRuns() {
        return maxRuns;
    }

    public int running() {
        return runs.size();
    }

    /** Starts waiting in the queue. */
    public int waiting() {
        synchronized (slots) {
            return queue.size();
        }
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
     * Starts a run for {@code who}, stopping the one they had, or puts the start in the queue when every slot is
     * taken (a second start while waiting keeps the place and takes the newer options).
     *
     * @return the run, or empty when the start waits in the queue (see {@link #queued(long)})
     * @throws UserError when the person has no gateway of their own to run, or the run cannot start
     */
    Optional<LiveRun> start(Account who, RunOptions options) {
        if (options.ownCode() && latestGateway.apply(who.id()).isEmpty()) {
            throw noGateway();
        }
        LiveRun old;
        synchronized (slots) {
            // a person who restarts their run keeps its slot
            old = runs.remove(who.id());
            if (old == null) {
                QueuedRun waiting = find(who.id());
                if (waiting != null) {
                    waiting.options(options);
                    return Optional.empty();
                }
                if (!queue.isEmpty() || runs.size() + starting >= maxRuns) {
                    queue.addLast(new QueuedRun(who, options));
                    LOG.info("live run of {} waits in the queue (place {}, {} runs going)", who.username(),
                            queue.size(), runs.size());
                    return Optional.empty();
                }
            }
            starting++;
        }
        if (old != null) {
            stopRun(old, "a new run was started");
        }
        return Optional.of(launchInSlot(who, options));
    }

    /** Starts a run in a slot reserved for it ({@link #starting}), and frees the reservation either way. */
    private LiveRun launchInSlot(Account who, RunOptions options) {
        LiveRun live = null;
        try {
            live = launch(who, options);
            return live;
        } finally {
            LiveRun replaced;
            synchronized (slots) {
                starting--;
                replaced = live == null ? null : runs.put(who.id(), live);
            }
            if (replaced != null) {
                stopRun(replaced, "a new run was started");
            }
            if (live == null) {
                promote(); // the reserved slot is free again
            }
        }
    }

    private static UserError noGateway() {
        return new UserError("you have no gateway submission that compiles yet; submit one on the gateway lab page");
    }

    private LiveRun launch(Account who, RunOptions options) {
        try {
            launches.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("the kit is shutting down; the run was not started");
        }
        try {
            return launchNow(who, options);
        } finally {
            launches.release();
        }
    }

    private LiveRun launchNow(Account who, RunOptions options) {
        String area = "live-" + who.id() + "-" + node + "-" + areas.incrementAndGet();
        LabRunConfig.Builder config = LabRunConfig.builder().meters(options.meters()).mode(options.mode())
                .network(options.network()).areaId(area).brokerUrl(broker.url()).brokerLogin(broker.login()).timelineCapacity(2_000)
                .protocol(options.protocol()).legacyMeters(options.legacyMeters()).lwm2mServer(lwm2m);
        SandboxedGateway sandboxed = null;
        String label = "reference gateway";
        if (options.ownCode()) {
            Submission mine = latestGateway.apply(who.id()).orElseThrow(LiveLab::noGateway);
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
        LOG.info("live run {} started for {} ({} meters, {}, {})", area, who.username(), options.meters(),
                options.mode(), options.network().key());
        return new LiveRun(who, run, sandboxed, label);
    }

    private QueuedRun find(long accountId) {
        for (QueuedRun q : queue) {
            if (q.who().id() == accountId) {
                return q;
            }
        }
        return null;
    }

    /**
     * Where {@code accountId}'s start waits: {@code position} (1 is next), {@code ahead} (starts before it),
     * {@code waitSeconds} (the expected wait, from how long the runs going now have left), {@code maxRuns} and a
     * {@code message} that says it all in words.
     */
    Optional<Map<String, Object>> queued(long accountId) {
        synchronized (slots) {
            if (launching.containsKey(accountId)) {
                return Optional.of(place(0));
            }
            int position = 0;
            for (QueuedRun q : queue) {
                position++;
                if (q.who().id() == accountId) {
                    return Optional.of(place(position));
                }
            }
            return Optional.empty();
        }
    }

    private Map<String, Object> place(int position) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (position == 0) {
            m.put("position", 0);
            m.put("ahead", 0);
            m.put("waitSeconds", 0);
            m.put("maxRuns", maxRuns);
            m.put("message", "A live-lab slot is free: your run is starting now.");
            return m;
        }
        long waitMs = expectedWaitMs(position);
        m.put("position", position);
        m.put("ahead", position - 1);
        m.put("waitSeconds", (waitMs + 999) / 1000);
        m.put("maxRuns", maxRuns);
        m.put("message", "All " + maxRuns + " live-lab " + (maxRuns == 1 ? "slot is" : "slots are") + " in use: "
                + "you are number " + position + " in the queue, expected wait " + words(waitMs) + " (from how long "
                + "the runs going now have left). Your run starts by itself when a slot frees; keep this page open.");
        return m;
    }

    /**
     * When the {@code position}-th start of the queue gets a slot: the runs going now end in the order of their
     * remaining times, each slot they free takes the next start, and a slot that has served a start already
     * serves the next after a typical run's length.
     */
    private long expectedWaitMs(int position) {
        long now = System.currentTimeMillis();
        long typical = typicalLengthMs();
        long[] left = runs.values().stream().mapToLong(r -> remainingMs(r, now, typical)).sorted().toArray();
        if (left.length == 0) {
            return 0; // a run is starting and its slot will free soon
        }
        int k = position - 1;
        return left[k % left.length] + (long) (k / left.length) * typical;
    }

    /** How long a run still takes: a typical run's length from its start, and no more than its limits allow. */
    private long remainingMs(LiveRun run, long now, long typical) {
        long limit = run.startedMs() + maxRunTime.toMillis() - now;
        if (!run.watched()) {
            limit = Math.min(limit, run.lastWatchedMs() + idleTimeout.toMillis() - now);
        }
        long expected = Math.max(SHORTEST_COUNTED_MS, run.startedMs() + typical - now);
        return Math.max(0, Math.min(limit, expected));
    }

    /** The median length of the last runs that ended; the longest a run may take while none has ended yet. */
    private long typicalLengthMs() {
        synchronized (lengths) {
            if (lengths.isEmpty()) {
                return maxRunTime.toMillis();
            }
            long[] sorted = lengths.stream().mapToLong(Long::longValue).sorted().toArray();
            return sorted[sorted.length / 2];
        }
    }

    private static String words(long ms) {
        if (ms < 5_000) {
            return "a few seconds";
        }
        if (ms < 90_000) {
            return "about " + (ms + 999) / 1000 + " s";
        }
        return "about " + (ms + 59_999) / 60_000 + " min";
    }

    /** Lets a console follow {@code accountId}'s run, or wait with the start in the queue; false when neither is. */
    boolean watch(long accountId, io.javalin.http.sse.SseClient console) {
        LiveRun run;
        synchronized (slots) {
            run = runs.get(accountId);
            if (run == null && launching.containsKey(accountId)) {
                launching.get(accountId).watch(console);
                console.sendEvent("queued", LiveRun.json(place(0)));
                return true;
            }
            if (run == null) {
                QueuedRun q = find(accountId);
                if (q == null) {
                    return false;
                }
                q.watch(console);
                int position = 0;
                for (QueuedRun other : queue) {
                    position++;
                    if (other == q) {
                        break;
                    }
                }
                console.sendEvent("queued", LiveRun.json(place(position)));
                return true;
            }
        }
        run.attach(console);
        return true;
    }

    /** A console has closed: it no longer watches a run or a waiting start. */
    void unwatch(long accountId, io.javalin.http.sse.SseClient console) {
        LiveRun run = runs.get(accountId);
        if (run != null) {
            run.detach(console);
        }
        synchronized (slots) {
            QueuedRun q = launching.containsKey(accountId) ? launching.get(accountId) : find(accountId);
            if (q != null) {
                q.unwatch(console);
            }
        }
    }

    /** Takes {@code accountId}'s start out of the queue; false when it was not waiting. */
    boolean leaveQueue(long accountId) {
        QueuedRun q;
        synchronized (slots) {
            q = find(accountId);
            if (q == null) {
                return false;
            }
            queue.remove(q);
        }
        end(q, "left the queue");
        tellPlaces();
        return true;
    }

    /** Tells a waiting start's consoles that it will not run, and why. */
    private static void end(QueuedRun q, String reason) {
        q.tell("end", LiveRun.json(Map.of("reason", reason)));
        for (io.javalin.http.sse.SseClient c : q.handOver()) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // gone already
            }
        }
    }

    /** Starts waiting runs while slots are free, on the queue's own thread (a start takes a moment). */
    private void promote() {
        try {
            starter.execute(this::startWaiting);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the kit is shutting down
        }
    }

    private void startWaiting() {
        while (true) {
            QueuedRun next;
            synchronized (slots) {
                if (queue.isEmpty() || runs.size() + starting >= maxRuns) {
                    break;
                }
                next = queue.pollFirst();
                launching.put(next.who().id(), next);
                starting++;
            }
            try {
                LiveRun live = launchInSlot(next.who(), next.options());
                LOG.info("live run of {} started from the queue after {} s", next.who().username(),
                        (System.currentTimeMillis() - next.sinceMs()) / 1000);
                live.notice("started from the queue after " + words(System.currentTimeMillis() - next.sinceMs()));
                synchronized (slots) {
                    launching.remove(next.who().id());
                }
                next.handOver().forEach(live::attach);
            } catch (UserError e) {
                forget(next);
                end(next, "could not start from the queue: " + e.getMessage());
            } catch (RuntimeException e) {
                forget(next);
                LOG.warn("live run of {} from the queue: {}", next.who().username(), e.toString());
                end(next, "could not start from the queue; start it again");
            }
        }
        tellPlaces();
    }

    private void forget(QueuedRun q) {
        synchronized (slots) {
            launching.remove(q.who().id(), q);
        }
    }

    /** Tells every waiting console its place and expected wait now. */
    private void tellPlaces() {
        synchronized (slots) {
            int position = 0;
            for (QueuedRun q : queue) {
                q.tell("queued", LiveRun.json(place(++position)));
            }
        }
    }

    /** Every live run, oldest first, as the instructor's list shows it. */
    List<Map<String, Object>> overview() {
        return runs.values().stream().sorted(java.util.Comparator.comparingLong(LiveRun::startedMs))
                .map(LiveRun::summary).toList();
    }

    /** Stops {@code accountId}'s run, if any; a start waiting in the queue takes its slot. */
    void stop(long accountId, String reason) {
        LiveRun run = runs.remove(accountId);
        if (run != null) {
            stopRun(run, reason);
            promote();
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
        List<QueuedRun> forgotten = new ArrayList<>();
        synchronized (slots) {
            queue.removeIf(q -> now - q.lastWatchedMs() > idleTimeout.toMillis() && forgotten.add(q));
        }
        forgotten.forEach(q -> end(q, "left the queue: no console watched it for " + idleTimeout.toSeconds() + " s"));
        tellPlaces();
        promote();
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
            promote();
        }
    }

    /** Stops a run and lets the broker forget its area's retained messages (device statuses). */
    private void stopRun(LiveRun run, String reason) {
        long length = System.currentTimeMillis() - run.startedMs();
        synchronized (lengths) {
            if (length >= SHORTEST_COUNTED_MS && lengths.size() == LENGTHS_KEPT) {
                lengths.pollFirst();
            }
            if (length >= SHORTEST_COUNTED_MS) {
                lengths.addLast(length);
            }
        }
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
        starter.shutdownNow();
        consoles.shutdownNow();
        List<QueuedRun> waiting;
        synchronized (slots) {
            waiting = List.copyOf(queue);
            queue.clear();
        }
        waiting.forEach(q -> end(q, "left the queue: the kit is shutting down"));
        for (Long id : List.copyOf(runs.keySet())) {
            stop(id, "the kit is shutting down");
        }
    }
}
