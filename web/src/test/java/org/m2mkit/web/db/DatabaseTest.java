package org.m2mkit.web.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DatabaseTest {

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
    void postgresqlRunsItsTypeNamesBeforeTheSharedMigrations() {
        assertThat(Database.locations("jdbc:h2:file:/tmp/x")).containsExactly("classpath:db/migration");
        assertThat(Database.locations("jdbc:postgresql://h/db"))
                .containsExactly("classpath:db/migration", "classpath:db/postgresql");
    }

    @Test
    void noPasswordIsEverShown() {
        assertThat(Database.printable("jdbc:postgresql://h:5432/db?user=kit&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h:5432/db?user=kit&password=***&ssl=true");
        assertThat(new DbLogin("kit", "s3cret").toString()).contains("kit").doesNotContain("s3cret");
    }
}
