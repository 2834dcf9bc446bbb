package org.m2mkit.web.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.labs.UserError;
import org.m2mkit.web.config.ConfigLoader;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void theLatestVersionIsTheNewestMigrationFile() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            String newest = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V[0-9.]+__.+\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.'))
                    .max(Database::compare).orElseThrow();
            assertThat(Database.LATEST_VERSION).isEqualTo(newest);
        }
    }

    @Test
    void versionsCompareAsNumbers() {
        assertThat(Database.compare("30", "4")).isPositive();
        assertThat(Database.compare("1.2", "1.10")).isNegative();
        assertThat(Database.compare("2", "2.0")).isZero();
    }

    @Test
    void aDatabaseAtTheLatestVersionOpensAgainAndARecordedFailureIsLeftToFlyway() throws Exception {
        String url = ConfigLoader.defaultDbUrl(dir);
        try (Database db = Database.open(url)) {
            assertThat(count(db, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\"")).isPositive();
        }
        try (Database db = Database.open(url)) {
            assertThat(count(db, "SELECT COUNT(*) FROM account")).isZero();
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '"
                        + Database.LATEST_VERSION + "'");
            }
        }
        // Flyway, not the quick check, answers: it refuses a history with a failed migration
        assertThatThrownBy(() -> Database.open(url)).isInstanceOf(UserError.class)
                .hasMessageContaining("cannot be opened or migrated");
    }

    private static long count(Database db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
