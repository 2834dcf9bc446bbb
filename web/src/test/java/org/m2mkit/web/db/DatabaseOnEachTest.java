package org.m2mkit.web.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.m2mkit.labs.UserError;
import org.m2mkit.web.testing.TestDatabase;

/** Opening and migrating the database, on H2 and on PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class DatabaseOnEachTest {

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    @Test
    void aDatabaseAtTheLatestVersionOpensAgainAndARecordedFailureIsLeftToFlyway() throws Exception {
        String url = database.newUrl(dir);
        DbLogin login = database.login();
        try (Database db = Database.open(url, login)) {
            assertThat(count(db, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\"")).isPositive();
        }
        try (Database db = Database.connect(url, login)) {
            assertThat(db.upToDate()).as("the quick check reads the history on this database").isTrue();
        }
        try (Database db = Database.open(url, login)) {
            assertThat(count(db, "SELECT COUNT(*) FROM account")).isZero();
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '"
                        + Database.LATEST_VERSION + "'");
            }
        }
        // Flyway, not the quick check, answers: it refuses a history with a failed migration
        assertThatThrownBy(() -> Database.open(url, login)).isInstanceOf(UserError.class)
                .hasMessageContaining("cannot be opened or migrated");
    }

    @Test
    void attemptsTakenWhenDescriptionsCarriedAMarkAreScoredAgainWithoutIt() throws Exception {
        String url = database.newUrl(dir);
        DbLogin login = database.login();
        try (Database db = Database.connect(url, login)) {
            Flyway.configure(Database.class.getClassLoader()).dataSource(db.dataSource())
                    .locations(Database.locations(url)).target("30").load().migrate();
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                for (String sql : new String[] {
                        "INSERT INTO account (id, username, display_name, role, password_hash) "
                                + "VALUES (1, 'student', 'Student', 'STUDENT', 'x')",
                        "INSERT INTO quiz_bank (id, name) VALUES (1, 'Bank')",
                        "INSERT INTO quiz_category (id, bank_id, path) VALUES (1, 1, '')",
                        "INSERT INTO quiz_question (id, bank_id, category_id, position) VALUES (1, 1, 1, 1), (2, 1, 1, 2)",
                        "INSERT INTO quiz_question_version (id, question_id, version, name, qtype, gift) "
                                + "VALUES (1, 1, 1, 'Intro', 'description', 'Intro'), (2, 2, 1, 'Q', 'truefalse', 'Q{T}')",
                        "INSERT INTO quiz (id, title) VALUES (1, 'Quiz')",
                        // the description took a mark: right everywhere, and still only 50 %
                        "INSERT INTO quiz_attempt (id, quiz_id, account_id, started_at, submitted_at, score, max_score) "
                                + "VALUES (1, 1, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 2, 4), "
                                + "(2, 1, 1, CURRENT_TIMESTAMP, NULL, NULL, 4)",
                        "INSERT INTO quiz_attempt_item (attempt_id, position, question_version_id, mark, fraction) "
                                + "VALUES (1, 1, 1, 2, 0), (1, 2, 2, 2, 1), (2, 1, 1, 2, NULL), (2, 2, 2, 2, NULL)"}) {
                    st.executeUpdate(sql);
                }
            }
        }
        try (Database db = Database.open(url, login)) {
            assertThat(count(db, "SELECT COUNT(*) FROM quiz_attempt_item WHERE question_version_id = 1 AND mark = 0"))
                    .isEqualTo(2);
            assertThat(count(db, "SELECT COUNT(*) FROM quiz_attempt WHERE id = 1 AND score = 2 AND max_score = 2"))
                    .as("the submitted attempt scores 100 %").isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM quiz_attempt WHERE id = 2 AND score IS NULL AND max_score = 2"))
                    .as("the open attempt stays unscored").isEqualTo(1);
        }
    }

    @Test
    void aWrongPasswordStopsTheOpenWithAMessageThatDoesNotShowIt() {
        String url = database.newUrl(dir);
        Database.open(url, database.login()).close(); // H2 creates its user with the database
        DbLogin wrong = new DbLogin(database == TestDatabase.H2 ? Database.H2_USER : database.login().user(),
                "wrong-pw-4711");
        assertThatThrownBy(() -> Database.open(url, wrong)).isInstanceOf(UserError.class)
                .hasMessageContaining("cannot be opened or migrated")
                .message().doesNotContain("wrong-pw-4711");
    }

    private static long count(Database db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
