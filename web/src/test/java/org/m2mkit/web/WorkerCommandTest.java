package org.m2mkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code m2mkit worker}: a wrong value ends with one line that says what is accepted, before anything starts. */
class WorkerCommandTest {

    @TempDir
    Path dir;

    private String run(String... args) {
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(status).as(err.toString()).isEqualTo(2);
        return err.toString().strip();
    }

    @Test
    void theDatabaseMustBeTheKitsPostgreSql() {
        assertThat(run("worker", "--db-url", "jdbc:h2:mem:x", "--data", dir.toString()))
                .isEqualTo("m2mkit: --db-url jdbc:h2:mem:x is not a PostgreSQL URL; accepted: the kits' database, "
                        + "jdbc:postgresql://host:port/name (or M2MKIT_DB_URL)");
    }

    @Test
    void slotsAndBudgetAreChecked() {
        String url = "jdbc:postgresql://127.0.0.1:1/m2mkit";
        assertThat(run("worker", "--db-url", url, "--slots", "0", "--data", dir.toString()))
                .isEqualTo("m2mkit: --slots 0 is out of range; accepted: a whole number from 1 to 16");
        assertThat(run("worker", "--db-url", url, "--grading-budget", "5", "--data", dir.toString()))
                .startsWith("m2mkit: --grading-budget 5 is out of range");
        assertThat(run("worker", "--db-url", url, "--sandbox", "docker", "--data", dir.toString()))
                .startsWith("m2mkit: --sandbox docker is not a sandbox; accepted: bwrap");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsSaidWithoutItsPassword() {
        String err = run("worker", "--db-url", "jdbc:postgresql://127.0.0.1:1/m2mkit?password=s3cret",
                "--data", dir.toString());
        assertThat(err).startsWith("m2mkit: the database at jdbc:postgresql://127.0.0.1:1/m2mkit?password=*** "
                + "cannot be opened").doesNotContain("s3cret");
    }
}
