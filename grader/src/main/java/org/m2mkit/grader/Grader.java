package org.m2mkit.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.m2mkit.grader.compile.CompileOutcome;
import org.m2mkit.grader.compile.SubmissionCompiler;
import org.m2mkit.grader.child.ChildMain;
import org.m2mkit.grader.live.SandboxedGateway;
import org.m2mkit.grader.sandbox.ChildLauncher;
import org.m2mkit.grader.sandbox.ChildPool;
import org.m2mkit.grader.sandbox.SandboxSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The autograder as a service: submit a lab submission, watch its progress (queued, compiling, testing, done),
 * get its result. A bounded queue holds waiting submissions; {@link GraderConfig#concurrency()} gradings run
 * at once; a warm pool of sandbox JVMs makes each one take about a second. Thread-safe; close it to stop the
 * pool's JVMs.
 */
public final class Grader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Grader.class);

    private final GraderConfig config;
    private final SubmissionCompiler compiler;
    private final ChildPool pool;
    private final ThreadPoolExecutor workers;
    private final AtomicInteger running = new AtomicInteger();

    private Grader(GraderConfig config) {
        this.config = config.validate();
        this.compiler = new SubmissionCompiler();
        List<String> args = new ArrayList<>(List.of(Long.toString(config.limits().outputBytes())));
        args.addAll(Labs.runnerNames());
        ChildLauncher launcher = new ChildLauncher(config.limits(), config.workDir(), config.sandbox(),
                Labs.sandboxClasses(), ChildMain.class.getName(), args);
        this.pool = new ChildPool(launcher, config.poolSize());
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(config.concurrency(), config.concurrency(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.queueCapacity()), r -> {
                    Thread t = new Thread(r, "grader-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Starts a grader with the given settings and begins filling its warm pool in the background. */
    public static Grader start(GraderConfig config) {
        Grader grader = new Grader(config);
        grader.warmUp();
        return grader;
    }

    /**
     * A grader whose warm pool stays empty until {@link #warmUp()}: for a program that wants its own start to
     * finish before sandbox JVMs boot on the same cores. It grades meanwhile, starting children as needed.
     */
    public static Grader startLater(GraderConfig config) {
        return new Grader(config);
    }

    /** Begins filling the warm pool in the background. */
    public void warmUp() {
        pool.fill();
    }

    public GraderConfig config() {
        return config;
    }

    /** Grades and waits for the result. */
    public GradeResult grade(Lab lab, Submission submission) {
        return grade(lab, submission, false);
    }

    public GradeResult grade(Lab lab, Submission submission, boolean visibleOnly) {
        try {
            return submit(lab, submission, visibleOnly, p -> { }).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /**
     * Queues a submission. {@code progress} hears QUEUED at once, then COMPILING, TESTING and DONE from a
     * grading thread.
     *
     * @throws GraderBusyException when the queue is full
     */
    public CompletableFuture<GradeResult> submit(Lab lab, Submission submission, boolean visibleOnly,
                                                 Consumer<Progress> progress) {
        return submit(null, lab, submission, visibleOnly, progress);
    }

    /**
     * Queues a submission of {@code owner} (a student; {@code null} for none). The queue is fair: an owner has at
     * most one submission waiting, so one student's resubmissions cannot push everyone else back.
     *
     * @throws GraderBusyException when the queue is full, or when the owner already has a submission waiting
     */
    public CompletableFuture<GradeResult> submit(String owner, Lab lab, Submission submission, boolean visibleOnly,
                                                 Consumer<Progress> progress) {
        CompletableFuture<GradeResult> result = new CompletableFuture<>();
        Consumer<Progress> listener = p -> {
            try {
                progress.accept(p);
            } catch (RuntimeException e) {
                LOG.warn("a progress listener failed on {}: {}", p, e.toString());
            }
        };
        Job job = new Job(owner, () -> {
            running.incrementAndGet();
            GradeResult graded = null;
            Throwable failure = null;
            try {
                graded = run(lab, submission, visibleOnly, listener);
            } catch (RuntimeException | Error e) {
                LOG.error("grading failed", e);
                failure = e;
            } finally {
                running.decrementAndGet();
                listener.accept(Progress.DONE);
            }
            if (failure == null) {
                result.complete(graded);
            } else {
                result.completeExceptionally(failure);
            }
        });
        synchronized (workers) {
            int waiting = queuePosition(owner);
            if (waiting > 0) {
                throw new GraderBusyException("your earlier submission is still waiting to be graded (place " + waiting
                        + " in the queue); it is graded first, then you can submit again");
            }
            listener.accept(Progress.QUEUED);
            try {
                workers.execute(job);
            } catch (RejectedExecutionException e) {
                throw new GraderBusyException("the grader's queue is full (" + config.queueCapacity()
                        + " submissions waiting); try again in a minute");
            }
        }
        return result;
    }

    /** Where the owner's waiting submission stands in the queue (1 = next), or 0 when none is waiting. */
    public int queuePosition(String owner) {
        if (owner == null) {
            return 0;
        }
        int place = 0;
        for (Runnable r : workers.getQueue()) {
            place++;
            if (r instanceof Job j && owner.equals(j.owner)) {
                return place;
            }
        }
        return 0;
    }

    /** A queued grading and whose it is. */
    private record Job(String owner, Runnable work) implements Runnable {
        @Override
        public void run() {
            work.run();
        }
    }

    private GradeResult run(Lab lab, Submission submission, boolean visibleOnly, Consumer<Progress> progress) {
        long start = System.nanoTime();
        progress.accept(Progress.COMPILING);
        CompileOutcome compiled = compiler.compile(lab, submission.files());
        String mode = pool.launcher().mode().name().toLowerCase(Locale.ROOT);
        if (!compiled.gradable()) {
            String output = "Not graded (this costs no attempt): the submission "
                    + (compiled.mainClass() == null && compiled.problems().stream().noneMatch(p -> p.contains(": error:"))
                    ? "is incomplete" : "does not compile") + ".\n" + String.join("\n", compiled.problems());
            return new GradeResult(lab, false, 0, maxScore(lab), seconds(start), output, List.of(), mode);
        }
        String unavailable = pool.launcher().unavailable();
        if (unavailable != null) {
            return new GradeResult(lab, false, 0, maxScore(lab), seconds(start),
                    "Not graded (this costs no attempt): " + unavailable + ".", List.of(), mode);
        }
        long compiledAt = System.nanoTime();
        LOG.debug("compiled {} in {} ms", lab.id(), (compiledAt - start) / 1_000_000);
        progress.accept(Progress.TESTING);
        List<TestResult> tests;
        try (SandboxSession session = new SandboxSession(pool, compiled.classes(), compiled.mainClass())) {
            tests = lab.grade(session, visibleOnly);
        }
        LOG.debug("tested {} in {} ms", lab.id(), (System.nanoTime() - compiledAt) / 1_000_000);
        double score = 0;
        double max = 0;
        for (TestResult t : tests) {
            score += t.score();
            max += t.maxScore();
        }
        score = Math.round(score * 100) / 100.0;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s: %s / %s points%s", lab.title(), fmt(score), fmt(max),
                visibleOnly ? " (visible tests only)" : ""));
        long passed = tests.stream().filter(TestResult::passed).count();
        lines.add(passed + " of " + tests.size() + " tests passed. Sandbox: " + pool.launcher().mode().description() + ".");
        if (!compiled.warnings().isEmpty()) {
            lines.add("Compiler warnings:");
            lines.addAll(compiled.warnings());
        }
        return new GradeResult(lab, true, score, max, seconds(start), String.join("\n", lines), tests, mode);
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    private static double maxScore(Lab lab) {
        return lab.maxScore();
    }

    private static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e6) / 1000.0;
    }

    /**
     * Runs a gateway submission in a sandbox child for the live lab, in place of the reference gateway; the
     * caller closes it when the run ends.
     *
     * @throws InvalidSubmissionException when it does not compile or its constructor throws
     */
    public SandboxedGateway liveGateway(Submission submission, org.m2mkit.labs.api.GatewayConfig config) {
        return SandboxedGateway.open(compiler, pool, submission, config);
    }

    /** Why this grader runs no student code (no isolating sandbox here), or {@code null} when it does. */
    public String unavailable() {
        return pool.launcher().unavailable();
    }

    /** Whether the grader can grade, and how. */
    public GraderHealth health() {
        return new GraderHealth(SubmissionCompiler.available(), pool.launcher().mode().name().toLowerCase(Locale.ROOT),
                pool.launcher().mode().description(), pool.size(), pool.readyCount(), workers.getQueue().size(),
                running.get());
    }

    /** Waits until the warm pool is full; for benchmarks and start-up checks. */
    public boolean awaitWarm(java.time.Duration timeout) throws InterruptedException {
        return pool.awaitWarm(timeout);
    }

    /** Stops taking submissions, lets running gradings finish (up to a minute), and ends every child JVM. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(60, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        pool.close();
        compiler.close();
    }
}
