package org.m2mkit.grader.jshell;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.m2mkit.grader.child.NoProcesses;
import org.m2mkit.grader.jshell.agent.SandboxAgent;
import org.m2mkit.grader.sandbox.Child;
import org.m2mkit.grader.sandbox.ChildLauncher;
import org.m2mkit.grader.sandbox.ClassPathTree;
import org.m2mkit.grader.sandbox.SandboxMode;
import org.m2mkit.grader.sandbox.SandboxPolicy;
import org.m2mkit.grader.sandbox.Watchdog;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.api.Gateway;
import org.m2mkit.labs.net.NetworkProfile;
import org.m2mkit.labs.wire.SenmlRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JShell engines of the server: each runs its snippets in a sandbox child JVM under the grader's rules.
 * {@code poolSize} engines are kept started, connected and warmed up, so that a student's first cell does not
 * wait for a JVM; at most {@code maxEngines} are alive at once.
 */
public final class JShellEngines implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JShellEngines.class);

    private final JShellSettings settings;
    private final ChildLauncher launcher;
    private final Watchdog watchdog;
    private final BlockingQueue<Engine> ready = new LinkedBlockingQueue<>();
    private final ExecutorService starter;
    private final ScheduledExecutorService timer;
    private final AtomicInteger alive = new AtomicInteger();
    private final java.util.Set<JShellSession> sessions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Engines start one per core at a time: more at once only makes every one of them late. */
    private final Semaphore starting = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
    private volatile boolean closed;

    /**
     * @param workRoot   where the engines' class path and scratch directories go
     * @param policy     bubblewrap (or no engines at all where it does not work) or, by name, the unsafe plain mode
     */
    public JShellEngines(JShellSettings settings, Path workRoot, SandboxPolicy policy) {
        this.settings = settings.validate();
        this.launcher = new ChildLauncher(settings.sandbox(), workRoot, policy, childClassPath(),
                SandboxAgent.class.getName(), List.of(Integer.toString(settings.outputBytes())));
        // engines live for a whole lesson: checking them five times a second is enough and costs little
        this.watchdog = new Watchdog(settings.sandbox(), 200, "jshell-watchdog");
        this.starter = Executors.newSingleThreadExecutor(r -> daemon(r, "jshell-pool-starter"));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "jshell-timer"));
        long sweep = Math.max(1, Math.min(30, settings.parkAfter().toSeconds() / 2));
        timer.scheduleWithFixedDelay(() -> {
            try {
                parkIdle();
            } catch (RuntimeException e) {
                LOG.warn("parking idle notebook engines failed: {}", e.toString());
            }
        }, sweep, sweep, TimeUnit.SECONDS);
        for (int i = 0; i < settings.poolSize() && launcher.unavailable() == null; i++) {
            starter.execute(this::refill);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The labs API, the model types a lesson uses, and the engine's own agent: nothing else of the server. */
    static TreeMap<String, byte[]> childClassPath() {
        TreeMap<String, byte[]> files = ClassPathTree.read(Gateway.class, "org/m2mkit/labs/api/");
        files.putAll(only(ClassPathTree.read(SenmlRecord.class, "org/m2mkit/labs/wire/"), "SenmlRecord"));
        files.putAll(only(ClassPathTree.read(NetworkProfile.class, "org/m2mkit/labs/net/"), "NetworkProfile"));
        files.putAll(only(ClassPathTree.read(UserError.class, "org/m2mkit/labs/"), "labs/UserError"));
        files.putAll(ClassPathTree.read(SandboxAgent.class, "org/m2mkit/grader/jshell/agent/"));
        files.putAll(only(ClassPathTree.read(NoProcesses.class, "org/m2mkit/grader/child/"), "NoProcesses"));
        return files;
    }

    private static TreeMap<String, byte[]> only(TreeMap<String, byte[]> files, String name) {
        TreeMap<String, byte[]> kept = new TreeMap<>();
        files.forEach((k, v) -> {
            if (k.contains(name)) {
                kept.put(k, v);
            }
        });
        return kept;
    }

    /**
     * Whether a snippet past the time limit can be stopped with its engine kept (status "stopped"): the engines run
     * on this JVM, and Java 20 and newer no longer stop threads, so there such a snippet ends its engine ("ended").
     */
    public static boolean stopsRunawaySnippets() {
        return Runtime.version().feature() < 20;
    }

    public JShellSettings settings() {
        return settings;
    }

    public SandboxMode mode() {
        return launcher.mode();
    }

    /** Engines ready in the pool. */
    public int readyCount() {
        return ready.size();
    }

    /** Engines alive: in the pool or serving a session. */
    public int aliveCount() {
        return alive.get();
    }

    /** A new session for one student; it takes an engine on its first use. */
    public JShellSession open() {
        JShellSession session = new JShellSession(this);
        sessions.add(session);
        return session;
    }

    /** A closed session is no longer swept for parking. */
    void forget(JShellSession session) {
        sessions.remove(session);
    }

    /** Parks the engines of sessions unused for {@link JShellSettings#parkAfter()}; returns how many. */
    public int parkIdle() {
        int parked = 0;
        for (JShellSession s : sessions) {
            if (s.parkIfIdle(settings.parkAfter())) {
                parked++;
            }
        }
        if (parked > 0) {
            LOG.debug("parked the engines of {} idle notebook session(s)", parked);
        }
        return parked;
    }

    /**
     * Every engine is in use: parks the session that has gone unused longest, if it has rested for at least
     * {@link #shortestRest()} and is not running a call, so that a class with more open notebooks than engines keeps
     * working. The parked session gets a fresh engine and its cells again when it is next used, as after
     * {@link JShellSettings#parkAfter()}.
     *
     * @return whether an engine was given back
     */
    private boolean parkLeastRecentlyUsed() {
        java.time.Duration rest = shortestRest();
        java.util.List<JShellSession> byRest = new java.util.ArrayList<>(sessions);
        byRest.sort(java.util.Comparator.comparingLong(JShellSession::lastUseNanos));
        for (JShellSession s : byRest) {
            if (s.parkIfIdle(rest)) {
                LOG.debug("every engine was in use: parked the notebook session unused longest");
                return true;
            }
            if (System.nanoTime() - s.lastUseNanos() < rest.toNanos()) {
                return false; // the rest have been used more recently still
            }
        }
        return false;
    }

    /**
     * How long a session must have rested before another student's notebook may take its engine: a tenth of
     * {@link JShellSettings#parkAfter()}, at most 20 s (18 s with the kit's three minutes).
     */
    java.time.Duration shortestRest() {
        java.time.Duration tenth = settings.parkAfter().dividedBy(10);
        return tenth.compareTo(java.time.Duration.ofSeconds(20)) < 0 ? tenth : java.time.Duration.ofSeconds(20);
    }

    /** Waits until the pool is full (for tests and benchmarks); false if it did not fill in time. */
    public boolean awaitReady(java.time.Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (ready.size() < settings.poolSize()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** An engine for a session: a warm one from the pool when one is waiting, else one started now. */
    Engine take() {
        if (closed) {
            throw new JShellBusyException("the JShell engines are shut down");
        }
        if (launcher.unavailable() != null) {
            throw new JShellBusyException("Java cells do not run on this server: " + launcher.unavailable());
        }
        Engine engine;
        while ((engine = ready.poll()) != null && !engine.alive()) {
            drop(engine);
        }
        if (settings.poolSize() > 0) {
            starter.execute(this::refill);
        }
        if (engine == null) {
            if (alive.get() >= settings.maxEngines() && !parkLeastRecentlyUsed()) {
                throw new JShellBusyException("all " + settings.maxEngines() + " JShell engines of this server "
                        + "are in use; try again in a few minutes");
            }
            engine = startEngine();
        }
        // the limits are watched from the moment student code can run there: an engine waiting in the pool has
        // run only the kit's own warm-up, and looking at it five times a second would cost the server for nothing
        engine.child().watchFromNow();
        return engine;
    }

    /** Ends an engine a session no longer uses. */
    void release(Engine engine) {
        if (engine != null) {
            drop(engine);
        }
    }

    private void drop(Engine engine) {
        watchdog.forget(engine.child());
        engine.close();
        alive.decrementAndGet();
    }

    private Engine startEngine() {
        alive.incrementAndGet();
        try {
            starting.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            alive.decrementAndGet();
            throw new JShellBusyException("the server is shutting down");
        }
        try {
            return startChildEngine();
        } finally {
            starting.release();
        }
    }

    private Engine startChildEngine() {
        Child child = launcher.startStreaming();
        watchdog.watch(child);
        // a child that never connects must not hold the caller forever
        var guard = timer.schedule(() -> child.kill("the sandbox JVM did not start in time"), 60, TimeUnit.SECONDS);
        try {
            Engine engine = Engine.start(launcher, child, settings, timer);
            if (!engine.alive()) {
                throw new IllegalStateException("it ended while starting");
            }
            return engine;
        } catch (RuntimeException e) {
            String why = child.isAlive() ? e.getMessage() : child.endReason();
            watchdog.forget(child);
            child.close();
            alive.decrementAndGet();
            LOG.warn("a JShell engine did not start: {}", why);
            throw new JShellBusyException("a JShell engine could not be started (" + why + "); try again");
        } finally {
            guard.cancel(false);
        }
    }

    private void refill() {
        if (closed || ready.size() >= settings.poolSize() || alive.get() >= settings.maxEngines()) {
            return;
        }
        try {
            Engine engine = startEngine();
            if (closed) {
                drop(engine);
            } else {
                ready.add(engine);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not start a JShell engine for the pool: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        starter.shutdownNow();
        try {
            starter.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Engine e; (e = ready.poll()) != null; ) {
            drop(e);
        }
        timer.shutdownNow();
        watchdog.close();
        launcher.close();
    }
}
