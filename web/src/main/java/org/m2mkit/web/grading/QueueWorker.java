package org.m2mkit.web.grading;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.m2mkit.grader.GradeResult;
import org.m2mkit.grader.Grader;
import org.m2mkit.grader.Progress;
import org.m2mkit.grader.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grades submissions from the {@link SharedQueue}: {@code slots} threads each claim the next job, grade it in
 * this process's sandbox with the {@link Grader}, and write its result; a timer renews the leases of the jobs in
 * hand. Runs in every kit whose grading queue is the database, and alone in {@code m2mkit worker}.
 */
public final class QueueWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueueWorker.class);

    /** How long a claim lasts without renewal: a dead worker's jobs wait this long before another takes them. */
    public static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration RENEW_EVERY = Duration.ofSeconds(10);
    private static final long IDLE_POLL_MS = 250;

    private final SharedQueue queue;
    private final Grader grader;
    private final String id;
    private final List<Thread> slots = new ArrayList<>();
    private final Map<Long, SharedQueue.Job> inHand = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewals;
    private final AtomicInteger graded = new AtomicInteger();
    private volatile boolean running = true;

    private QueueWorker(DataSource db, Grader grader, int slots, String id) {
        this.queue = new SharedQueue(db);
        this.grader = grader;
        this.id = id;
        this.renewals = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "grading-leases");
            t.setDaemon(true);
            return t;
        });
        renewals.scheduleWithFixedDelay(this::renew, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        for (int i = 1; i <= slots; i++) {
            Thread t = new Thread(this::loop, "grading-slot-" + i);
            t.setDaemon(true);
            this.slots.add(t);
        }
    }

    /** Starts {@code slots} grading threads on the queue in {@code db}, identified as {@code name}. */
    public static QueueWorker start(DataSource db, Grader grader, int slots, String name) {
        QueueWorker worker = new QueueWorker(db, grader, slots, name + "@" + host() + ":" + pid());
        worker.slots.forEach(Thread::start);
        LOG.info("grading from the database queue as {} with {} slot(s)", worker.id, slots);
        return worker;
    }

    /** How this worker signs its claims (and the results it writes): name, host and process. */
    public String id() {
        return id;
    }

    /** How many submissions this worker has graded since it started. */
    public int graded() {
        return graded.get();
    }

    public SharedQueue queue() {
        return queue;
    }

    private void loop() {
        while (running) {
            try {
                queue.requeueExpired();
                Optional<SharedQueue.Job> job = queue.claim(id, LEASE);
                if (job.isPresent()) {
                    grade(job.get());
                } else {
                    Thread.sleep(IDLE_POLL_MS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) { // the database is away for a moment: try again a little later
                LOG.warn("the grading queue could not be read: {}", e.getMessage());
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void grade(SharedQueue.Job job) {
        inHand.put(job.id(), job);
        try {
            GradeResult result;
            try {
                result = grader.submit(null, job.lab(), new Submission(job.sources()), false, p -> {
                    if (p == Progress.COMPILING || p == Progress.TESTING) {
                        queue.progress(job, p.name());
                    }
                }).join();
            } catch (CompletionException | IllegalStateException e) {
                LOG.error("grading submission {} failed", job.id(), e);
                queue.fail(job, "The grader could not grade this submission; it cost no attempt. Submit it again, "
                        + "and tell your instructor if this keeps happening.");
                return;
            }
            if (queue.finish(job, result)) {
                graded.incrementAndGet();
            } else {
                LOG.warn("submission {} was graded here after this worker's lease on it ran out; the result of "
                        + "its other grading counts", job.id());
            }
        } finally {
            inHand.remove(job.id());
        }
    }

    private void renew() {
        for (SharedQueue.Job job : inHand.values()) {
            try {
                if (!queue.renew(job, LEASE)) {
                    LOG.warn("the lease on submission {} ran out before it was renewed", job.id());
                }
            } catch (RuntimeException e) {
                LOG.warn("the lease on submission {} could not be renewed: {}", job.id(), e.getMessage());
            }
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    private static long pid() {
        return ProcessHandle.current().pid();
    }

    /** Takes no new jobs, lets those in hand finish (up to a minute), and gives back any still unfinished. */
    @Override
    public void close() {
        running = false;
        for (Thread t : slots) {
            try {
                t.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        renewals.shutdownNow();
        for (SharedQueue.Job job : inHand.values()) {
            try {
                queue.release(job);
            } catch (RuntimeException e) {
                LOG.warn("submission {} could not be given back to the queue; its lease will run out", job.id());
            }
        }
    }
}
