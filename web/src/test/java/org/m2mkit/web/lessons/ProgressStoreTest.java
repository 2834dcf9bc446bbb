package org.m2mkit.web.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.m2mkit.web.accounts.AccountRepository;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.db.Database;
import org.m2mkit.web.testing.TestDatabase;

/** Visits and knowledge-check answers on a real database: H2 and PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ProgressStoreTest {

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    @Test
    void visitsAreRecordedOnceAndTheBestAnswerCounts() {
        try (Database db = database.open(dir)) {
            AccountRepository accounts = new AccountRepository(db.dataSource());
            long ada = accounts.create("ada", "Ada", Role.STUDENT, "pw-ada-123", false).id();
            long bob = accounts.create("bob", "Bob", Role.STUDENT, "pw-bob-1234", false).id();
            ProgressStore progress = new ProgressStore(db.dataSource());

            progress.visited(ada, "m2m-vs-iot");
            progress.visited(ada, "m2m-vs-iot");
            progress.visited(ada, "protocols");
            progress.answered(ada, "m2m-vs-iot", 0, 1.0, null);
            progress.answered(ada, "m2m-vs-iot", 0, 0.0, null); // a worse answer later keeps the best
            progress.answered(ada, "m2m-vs-iot", 1, 0.5, null);
            progress.answered(ada, "protocols", 0, 0.0, null);
            progress.answered(ada, "protocols", 0, 1.0, null);

            ProgressStore.Progress p = progress.of(ada);
            assertThat(p.visited()).isEqualTo(Set.of("m2m-vs-iot", "protocols"));
            assertThat(p.checksRight()).isEqualTo(Map.of("m2m-vs-iot", 1, "protocols", 1));
            assertThat(p.right("elsewhere")).isZero();
            assertThat(progress.of(bob).visited()).isEmpty();
        }
    }
}
