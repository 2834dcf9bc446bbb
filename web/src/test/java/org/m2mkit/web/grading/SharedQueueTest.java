package org.m2mkit.web.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.grader.GradeResult;
import org.m2mkit.grader.gateway.GatewayLab;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.accounts.AccountRepository;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.db.Database;
import org.m2mkit.web.testing.Poll;
import org.m2mkit.web.testing.TestDatabase;

/** The grading queue that kits and workers share, on a real PostgreSQL (the only database it runs on). */
class SharedQueueTest {

    @TempDir
    Path dir;

    Database db;
    SubmissionStore store;
    SharedQueue queue;
    Account ada;
    Account alan;

    @BeforeEach
    void open() {
        db = TestDatabase.POSTGRESQL.open(dir);
        store = new SubmissionStore(db.dataSource());
        queue = new SharedQueue(db.dataSource());
        AccountRepository accounts = new AccountRepository(db.dataSource());
        ada = accounts.create("ada", "Ada", Role.STUDENT, "pw-ada-123", false);
        alan = accounts.create("alan", "Alan", Role.STUDENT, "pw-alan-123", false);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long submit(Account who) {
        return store.insert(who.id(), GatewayLab.LAB, "editor", null, Map.of("G.java", "class G { }"));
    }

    private static GradeResult result(double score) {
        return new GradeResult(GatewayLab.LAB, true, score, 100, 1.0, "output", List.of(), "plain");
    }

    @Test
    void jobsAreClaimedOldestFirstAndAResultIsWrittenOnlyByItsHolder() {
        long first = submit(ada);
        long second = submit(alan);
        assertThat(queue.position(ada.id())).isEqualTo(1);
        assertThat(queue.position(alan.id())).isEqualTo(2);

        SharedQueue.Job a = queue.claim("w1", Duration.ofSeconds(30)).orElseThrow();
        assertThat(a.id()).isEqualTo(first);
        assertThat(a.attempt()).isEqualTo(1);
        assertThat(a.sources()).containsEntry("G.java", "class G { }");
        assertThat(queue.position(ada.id())).isZero();
        assertThat(queue.position(alan.id())).isEqualTo(1);
        assertThat(store.find(first).orElseThrow().status()).isEqualTo("COMPILING");

        SharedQueue.Job b = queue.claim("w2", Duration.ofSeconds(30)).orElseThrow();
        assertThat(b.id()).isEqualTo(second);
        assertThat(queue.claim("w3", Duration.ofSeconds(30))).isEmpty();

        SharedQueue.Job forged = new SharedQueue.Job(a.id(), a.accountId(), a.lab(), a.sources(), "w2", 1);
        assertThat(queue.finish(forged, result(1))).as("a worker that does not hold the job").isFalse();
        assertThat(queue.finish(a, result(80))).isTrue();
        assertThat(queue.finish(a, result(90))).as("written once").isFalse();
        StoredSubmission done = store.find(first).orElseThrow();
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.score()).isEqualTo(80.0);
        assertThat(queue.depth()).isEqualTo(new SharedQueue.Depth(0, 1));
    }

    @Test
    void anExpiredLeaseIsQueuedAgainAndTheFirstHolderCanNoLongerWrite() throws InterruptedException {
        long id = submit(ada);
        SharedQueue.Job dead = queue.claim("dies", Duration.ofSeconds(1)).orElseThrow();
        assertThat(Poll.until(() -> queue.requeueExpired() == 1)).as("the lease runs out").isTrue();
        assertThat(store.find(id).orElseThrow().status()).isEqualTo("QUEUED");

        SharedQueue.Job again = queue.claim("lives", Duration.ofSeconds(30)).orElseThrow();
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(queue.renew(dead, Duration.ofSeconds(30))).isFalse();
        assertThat(queue.finish(dead, result(10))).isFalse();
        assertThat(queue.renew(again, Duration.ofSeconds(30))).isTrue();
        assertThat(queue.finish(again, result(70))).isTrue();
        assertThat(store.find(id).orElseThrow().score()).isEqualTo(70.0);
    }

    @Test
    void aJobBegunTooOftenIsGivenUpWithAClearMessage() throws InterruptedException {
        long id = submit(ada);
        for (int i = 1; i <= SharedQueue.MAX_ATTEMPTS; i++) {
            assertThat(queue.claim("dies-" + i, Duration.ofSeconds(1))).isPresent();
            assertThat(Poll.until(() -> queue.requeueExpired() == 1)).isTrue();
        }
        StoredSubmission given = store.find(id).orElseThrow();
        assertThat(given.status()).isEqualTo("FAILED");
        assertThat(given.result().path("output").asText()).contains("could not be graded")
                .contains("cost no attempt");
        assertThat(queue.claim("late", Duration.ofSeconds(30))).isEmpty();
    }

    @Test
    void manyClaimersAtOnceNeverTakeTheSameJob() throws Exception {
        AccountRepository accounts = new AccountRepository(db.dataSource());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(submit(accounts.create("s" + i, "S " + i, Role.STUDENT, "pw-student-" + i, false)));
        }
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        List<Long> twice = new ArrayList<>();
        ExecutorService claimers = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            String worker = "w" + t;
            done.add(claimers.submit(() -> {
                for (var job = queue.claim(worker, Duration.ofSeconds(30)); job.isPresent();
                     job = queue.claim(worker, Duration.ofSeconds(30))) {
                    if (!claimed.add(job.get().id())) {
                        synchronized (twice) {
                            twice.add(job.get().id());
                        }
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        claimers.shutdown();
        assertThat(twice).isEmpty();
        assertThat(claimed).containsExactlyInAnyOrderElementsOf(ids);
    }
}
