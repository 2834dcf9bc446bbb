package org.m2mkit.web.config;

import java.nio.file.Path;
import java.time.Duration;
import org.m2mkit.grader.sandbox.SandboxPolicy;
import org.m2mkit.web.db.DbLogin;
import org.m2mkit.web.jshell.NotebookSettings;

/**
 * The validated settings the kit runs with.
 *
 * @param dbLogin   who the kit signs in to the database as
 * @param brokerUrl null for the embedded broker, else the external broker's URL
 * @param notebooks how the lesson notebooks' Java engines run
 * @param sandbox   where student code (lab submissions, notebook cells, code questions) runs
 * @param gradingBudget wall time one lab grading may take in all
 */
public record KitConfig(int port, String bind, Path dataDir, String dbUrl, DbLogin dbLogin, String brokerUrl,
                        int brokerPort, boolean demoAccounts, boolean publicLessons, NotebookSettings notebooks,
                        SandboxPolicy sandbox, Duration gradingBudget) {

    /** Where the grader's sandboxes work: private to the kit's user, beside the database. */
    public Path graderDir() {
        return dataDir.resolve("grader");
    }

    /** The same settings with another sandbox. */
    public KitConfig withSandbox(SandboxPolicy policy) {
        return new KitConfig(port, bind, dataDir, dbUrl, dbLogin, brokerUrl, brokerPort, demoAccounts, publicLessons,
                notebooks, policy, gradingBudget);
    }

    /** The same settings with another database. */
    public KitConfig withDatabase(String url, DbLogin login) {
        return new KitConfig(port, bind, dataDir, url, login, brokerUrl, brokerPort, demoAccounts, publicLessons,
                notebooks, sandbox, gradingBudget);
    }

    public boolean embeddedBroker() {
        return brokerUrl == null;
    }

    /** A configuration for tests: free ports, the given data directory, demo accounts on, public lessons. */
    public static KitConfig forTests(Path dataDir) {
        return new KitConfig(0, "127.0.0.1", dataDir, ConfigLoader.defaultDbUrl(dataDir), DbLogin.NONE, null, 0, true,
                true, NotebookSettings.defaults(), SandboxPolicy.BWRAP,
                Duration.ofSeconds(30));
    }
}
