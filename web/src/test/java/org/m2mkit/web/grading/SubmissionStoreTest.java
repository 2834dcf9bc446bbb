package org.m2mkit.web.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.m2mkit.grader.GradeResult;
import org.m2mkit.grader.Lab;
import org.m2mkit.grader.gateway.GatewayLab;
import org.m2mkit.grader.protocol.ProtocolLab;
import org.m2mkit.grader.standards.StandardsLab;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.accounts.AccountRepository;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.db.Database;
import org.m2mkit.web.testing.TestDatabase;

/** Lab submissions and their results on a real database: H2 and PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SubmissionStoreTest {

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    Database db;
    SubmissionStore store;
    Account ada;

    @BeforeEach
    void open() {
        db = database.open(dir);
        store = new SubmissionStore(db.dataSource());
        ada = new AccountRepository(db.dataSource()).create("ada", "Ada", Role.STUDENT, "pw-ada-123", false);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static GradeResult result(boolean gradable, double score) {
        return new GradeResult(GatewayLab.LAB, gradable, score, 10, 1.5, "output", List.of(), "plain");
    }

    @Test
    void aSubmissionIsQueuedTestedAndGradedWithItsSourcesAndResult() {
        Map<String, String> sources = Map.of("MyGateway.java", "class MyGateway { /* \u00e9 */ }");
        long id = store.insert(ada.id(), GatewayLab.LAB, "upload", "MyGateway.java", sources);
        StoredSubmission queued = store.find(id).orElseThrow();
        assertThat(queued.status()).isEqualTo("QUEUED");
        assertThat(queued.sources()).isEqualTo(sources);
        assertThat(queued.username()).isEqualTo("ada");
        assertThat(queued.gradable()).isNull();
        assertThat(queued.score()).isNull();
        assertThat(queued.gradedAt()).isNull();
        assertThat(queued.submittedAt()).isNotNull();

        store.status(id, "TESTING");
        assertThat(store.find(id).orElseThrow().status()).isEqualTo("TESTING");
        store.result(id, result(true, 7.5));
        StoredSubmission done = store.find(id).orElseThrow();
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.gradable()).isTrue();
        assertThat(done.score()).isEqualTo(7.5);
        assertThat(done.maxScore()).isEqualTo(10);
        assertThat(done.result().get("output").asText()).isEqualTo("output");
        assertThat(done.gradedAt()).isNotNull();
        store.status(id, "TESTING"); // a finished submission keeps its status
        assertThat(store.find(id).orElseThrow().status()).isEqualTo("DONE");
        assertThat(store.find(id + 1000)).isEmpty();
    }

    @Test
    void historyNewestFirstLatestGradableScoresAndUnfinishedOnesFailed() {
        long first = store.insert(ada.id(), GatewayLab.LAB, "editor", null, Map.of("A.java", "a"));
        store.result(first, result(true, 8));
        long second = store.insert(ada.id(), GatewayLab.LAB, "editor", null, Map.of("A.java", "b"));
        store.result(second, result(true, 5));
        long broken = store.insert(ada.id(), GatewayLab.LAB, "editor", null, Map.of("A.java", "c"));
        store.result(broken, result(false, 0));
        long failed = store.insert(ada.id(), GatewayLab.LAB, "editor", null, Map.of("A.java", "d"));
        store.failed(failed, "the grader stopped");
        long waiting = store.insert(ada.id(), GatewayLab.LAB, "editor", null, Map.of("A.java", "e"));
        long other = store.insert(ada.id(), ProtocolLab.LAB, "editor", null, Map.of("B.java", "f"));
        // any registered lab is stored: the table does not list the labs
        long bridge = store.insert(ada.id(), StandardsLab.LAB, "upload", "MyBridge.java", Map.of("MyBridge.java", "g"));
        assertThat(store.find(bridge).orElseThrow().lab()).isSameAs(StandardsLab.LAB);

        assertThat(store.history(ada.id(), GatewayLab.LAB, 3)).extracting(StoredSubmission::id)
                .containsExactly(waiting, failed, broken);
        assertThat(store.latestGradable(ada.id(), GatewayLab.LAB).orElseThrow().id()).isEqualTo(second);
        assertThat(store.latestGradable(ada.id(), ProtocolLab.LAB)).isEmpty();
        StoredSubmission f = store.find(failed).orElseThrow();
        assertThat(f.status()).isEqualTo("FAILED");
        assertThat(f.gradable()).isNull();
        assertThat(f.result().get("output").asText()).isEqualTo("the grader stopped");

        assertThat(store.scores()).containsExactly(
                new SubmissionStore.LabScores(ada.id(), GatewayLab.LAB, 2, 8, 5, second, first));

        assertThat(store.failUnfinished()).isEqualTo(3);
        assertThat(store.find(waiting).orElseThrow().status()).isEqualTo("FAILED");
        assertThat(store.find(other).orElseThrow().result().get("output").asText()).contains("Submit it again");
        assertThat(store.find(second).orElseThrow().status()).isEqualTo("DONE");
    }
}
