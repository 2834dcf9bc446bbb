package org.m2mkit.web.grading;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.m2mkit.grader.GradeResult;
import org.m2mkit.grader.Grader;
import org.m2mkit.grader.GraderBusyException;
import org.m2mkit.grader.Lab;
import org.m2mkit.grader.Submission;
import org.m2mkit.grader.SubmissionRateLimiter;
import org.m2mkit.grader.gateway.GatewayLab;
import org.m2mkit.labs.UserError;
import org.m2mkit.web.accounts.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lab submissions: stores each one, queues it on the grader, follows its progress into the database, and keeps the
 * per-person rate limit (a submission that does not compile is given back: it costs no attempt). With a shared
 * queue (several kits and workers on one PostgreSQL) a submission is only stored as queued: whichever
 * {@link QueueWorker} claims it grades it, and the queue's place comes from the database.
 */
public final class Grading {

    private static final Logger LOG = LoggerFactory.getLogger(Grading.class);

    private final SubmissionStore store;
    private final Grader grader;
    private final SubmissionRateLimiter limiter;
    private volatile java.util.function.ObjLongConsumer<String> onScored = (page, accountId) -> { };
    private final SharedQueue shared;

    /** Grading in this kit's own process. */
    public Grading(DataSource db, Grader grader, SubmissionRateLimiter limiter) {
        this(db, grader, limiter, false);
    }

    /** Grading in this process, or, when {@code sharedQueue}, by whichever worker claims it from the database. */
    public Grading(DataSource db, Grader grader, SubmissionRateLimiter limiter, boolean sharedQueue) {
        this.store = new SubmissionStore(db);
        this.grader = grader;
        this.limiter = limiter;
        this.shared = sharedQueue ? new SharedQueue(db) : null;
    }

    /** Told the lab page ({@code /labs/gateway}) and the account each time a submission's score is final. */
    public void whenScored(java.util.function.ObjLongConsumer<String> listener) {
        this.onScored = listener;
    }

    /**
     * At start, before anyone submits: submissions a stopped kit left ungraded are marked as not graded. With a
     * shared queue nothing is touched: other kits may be grading, and leases bring back what a dead one held.
     */
    public Grading recover() {
        if (shared != null) {
            return this;
        }
        int left = store.failUnfinished();
        if (left > 0) {
            LOG.info("{} submission(s) left ungraded by the last run of the kit were marked as not graded", left);
        }
        return this;
    }

    /** Refused because the person has used up their submissions for now. */
    public static final class RateLimited extends UserError {
        private final Duration retryAfter;

        RateLimited(Duration retryAfter) {
            super("You have used your submissions for now; the next one is allowed in " + Allowance.words(retryAfter)
                    + ". Test your code with the starter kit's tests meanwhile.");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /**
     * Stores and queues a submission.
     *
     * @return its id
     * @throws RateLimited when the person must wait
     * @throws UserError   when the grader's queue is full
     */
    public long submit(Account who, Lab lab, Submission submission, String origin, String fileName) {
        if (shared != null) {
            // every kit reads the same allowance from the database; a worker claims the submission from there
            return store.insertChecked(who.id(), lab, origin, fileName, submission.files(),
                    Instant.now().minus(CountedAllowance.WINDOW), (waiting, counted) -> {
                        if (waiting) {
                            throw stillWaiting(shared.position(who.id()));
                        }
                        SubmissionRateLimiter.Decision d = CountedAllowance.at(limiter, counted, Instant.now(), true);
                        if (!d.allowed()) {
                            throw new RateLimited(d.retryAfter());
                        }
                    });
        }
        String key = Long.toString(who.id());
        int waiting = queuePosition(who.id());
        if (waiting > 0) {
            throw stillWaiting(waiting);
        }
        SubmissionRateLimiter.Decision decision = limiter.tryAcquire(key, lab);
        if (!decision.allowed()) {
            throw new RateLimited(decision.retryAfter());
        }
        long id = store.insert(who.id(), lab, origin, fileName, submission.files());
        try {
            grader.submit(key, lab, submission, false, p -> {
                if (p != org.m2mkit.grader.Progress.QUEUED && p != org.m2mkit.grader.Progress.DONE) {
                    store.status(id, p.name());
                }
            }).whenComplete((result, failure) -> finish(id, key, lab, result, failure));
        } catch (GraderBusyException e) {
            limiter.refund(key, lab);
            store.failed(id, e.getMessage());
            throw new UserError(e.getMessage());
        }
        return id;
    }

    private static UserError stillWaiting(int place) {
        return new UserError("Your earlier submission is still waiting to be graded" + (place > 0 ? " (place "
                + place + " in the queue)" : "") + ". It is graded first; submit again once it is done.");
    }

    private void finish(long id, String key, Lab lab, GradeResult result, Throwable failure) {
        try {
            if (failure != null) {
                LOG.error("grading submission {} failed", id, failure);
                limiter.refund(key, lab);
                store.failed(id, "The grader could not grade this submission; it cost no attempt. Submit it again, "
                        + "and tell your instructor if this keeps happening.");
                return;
            }
            if (!result.gradable()) {
                limiter.refund(key, lab);
            }
            store.result(id, result);
            if (result.gradable()) {
                onScored.accept("/labs/" + lab.id(), Long.parseLong(key));
            }
        } catch (RuntimeException e) {
            LOG.error("could not record the result of submission {}", id, e);
        }
    }

    /** Where the person's waiting submission stands in the grader's queue (1 = next), or 0. */
    public int queuePosition(long accountId) {
        if (shared != null) {
            return shared.position(accountId);
        }
        return grader.queuePosition(Long.toString(accountId));
    }

    /** How many submissions a person may make now, or how long until the next. */
    public Allowance allowance(Account who, Lab lab) {
        SubmissionRateLimiter.Decision d = shared != null
                ? CountedAllowance.at(limiter, store.counted(who.id(), lab, Instant.now().minus(CountedAllowance.WINDOW)),
                        Instant.now(), false)
                : limiter.peek(Long.toString(who.id()), lab);
        return Allowance.of(d.allowed(), d.remaining(), d.retryAfter());
    }

    public Optional<StoredSubmission> find(long id) {
        return store.find(id);
    }

    public List<StoredSubmission> history(Account who, Lab lab) {
        return store.history(who.id(), lab, 200);
    }

    /** The source of a person's newest gateway submission that compiled, for the live lab. */
    public Optional<Submission> latestGateway(long accountId) {
        return store.latestGradable(accountId, GatewayLab.LAB).map(s -> new Submission(s.sources()));
    }

    public boolean hasGateway(long accountId) {
        return store.latestGradable(accountId, GatewayLab.LAB).isPresent();
    }

    List<SubmissionStore.LabScores> scores() {
        return store.scores();
    }
}
