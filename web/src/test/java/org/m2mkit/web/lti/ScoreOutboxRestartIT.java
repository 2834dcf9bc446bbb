package org.m2mkit.web.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.web.accounts.AccountRepository;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.db.Database;
import org.m2mkit.web.db.Sql;
import org.m2mkit.web.testing.Poll;
import org.m2mkit.web.testing.TestDatabase;

/**
 * A score waiting for a platform that is down when the kit stops is not lost: the next start of the grade passback
 * on the same database sends it once the platform answers again.
 */
class ScoreOutboxRestartIT {

    @TempDir
    Path dir;

    @Test
    void aScoreWaitingWhenTheKitStopsIsSentAfterTheNextStart() throws Exception {
        try (Database db = TestDatabase.H2.open(dir)) {
            DataSource ds = db.dataSource();
            ToolKeys keys = new ToolKeys(ds);
            Sql sql = new Sql(ds);
            try (FakePlatform platform = new FakePlatform(keys::publicKeys)) {
                Platforms platforms = new Platforms(ds);
                long platformId = platforms.add(new Platforms.Form(platform.issuer(), FakePlatform.CLIENT_ID,
                        FakePlatform.DEPLOYMENT, platform.url("/auth"), platform.url("/token"), platform.url("/jwks")));
                long ada = new AccountRepository(ds).create("ada", "Ada Lovelace", Role.STUDENT, "password-1", false)
                        .id();
                long score = sql.insert("INSERT INTO lti_score (account_id, target, platform_id, lineitem_url, "
                        + "subject, score_given, score_maximum, scored_at, status, next_try_at) VALUES (?, ?, ?, ?, ?, "
                        + "?, ?, ?, 'PENDING', ?)", ada, "/quizzes/1", platformId, platform.url("/lineitems/7"),
                        "ada-at-the-platform", 3.0, 4.0, Instant.now(), Instant.now());
                platform.stop();
                try (ScoreOutbox first = new ScoreOutbox(ds, platforms, new PlatformClient(keys),
                        ScoreOutbox.Backoff.defaults()).start()) {
                    assertThat(Poll.until(() -> attempts(sql, score) >= 1)).as("tried while the platform is down")
                            .isTrue();
                }
                assertThat(status(sql, score)).isEqualTo("PENDING");
                assertThat(platform.scores).isEmpty();

                platform.restart();
                try (ScoreOutbox second = new ScoreOutbox(ds, platforms, new PlatformClient(keys),
                        ScoreOutbox.Backoff.defaults()).start()) {
                    assertThat(Poll.until(() -> "SENT".equals(status(sql, score)))).isTrue();
                }
                assertThat(platform.scores).hasSize(1);
                assertThat(FakePlatform.json(platform.scores.get(0).body())).containsEntry("userId",
                        "ada-at-the-platform").containsEntry("scoreGiven", 3.0).containsEntry("scoreMaximum", 4.0);
            }
        }
    }

    private static int attempts(Sql sql, long id) {
        return sql.one("SELECT attempts FROM lti_score WHERE id = ?", rs -> rs.getInt(1), id);
    }

    private static String status(Sql sql, long id) {
        return sql.one("SELECT status FROM lti_score WHERE id = ?", rs -> rs.getString(1), id);
    }
}
