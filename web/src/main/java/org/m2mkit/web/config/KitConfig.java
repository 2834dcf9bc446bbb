package org.m2mkit.web.config;

import java.nio.file.Path;
import java.time.Duration;
import org.m2mkit.grader.sandbox.SandboxPolicy;
import org.m2mkit.web.jshell.NotebookSettings;

/**
 * The validated settings the kit runs with.
 *
 * @param brokerUrl      null for the embedded broker, else the external broker's URL
 * @param brokerBind     the address the embedded broker listens on
 * @param brokerUser     the user name for an external broker, or null for none
 * @param brokerPassword its password, or null
 * @param notebooks      how the lesson notebooks' Java engines run
 * @param sandbox        where student code (lab submissions, notebook cells, code questions) runs
 * @param gradingBudget  wall time one lab grading may take in all
 */
public record KitConfig(int port, String bind, Path dataDir, String dbUrl, String brokerUrl, int brokerPort,
                        String brokerBind, String brokerUser, String brokerPassword,
                        boolean demoAccounts, boolean publicLessons, NotebookSettings notebooks,
                        SandboxPolicy sandbox, Duration gradingBudget) {

    /** Where the grader's sandboxes work: private to the kit's user, beside the database. */
    public Path graderDir() {
        return dataDir.resolve("grader");
    }

    /** The same settings with another sandbox. */
    public KitConfig withSandbox(SandboxPolicy policy) {
        return new KitConfig(port, bind, dataDir, dbUrl, brokerUrl, brokerPort, brokerBind, brokerUser, brokerPassword,
                demoAccounts, publicLessons, notebooks, policy, gradingBudget);
    }

    /** The same settings with other notebook settings. */
    public KitConfig withNotebooks(NotebookSettings settings) {
        return new KitConfig(port, bind, dataDir, dbUrl, brokerUrl, brokerPort, brokerBind, brokerUser, brokerPassword,
                demoAccounts, publicLessons, settings, sandbox, gradingBudget);
    }

    public boolean embeddedBroker() {
        return brokerUrl == null;
    }

    /** Keeps the external broker's password out of logs and error messages. */
    @Override
    public String toString() {
        return "KitConfig[port=" + port + ", bind=" + bind + ", dataDir=" + dataDir + ", dbUrl=" + dbUrl
                + ", brokerUrl=" + brokerUrl + ", brokerPort=" + brokerPort + ", brokerBind=" + brokerBind
                + ", brokerUser=" + brokerUser + ", brokerPassword=" + (brokerPassword == null ? "none" : "(set)")
                + ", demoAccounts=" + demoAccounts + ", publicLessons=" + publicLessons + ", notebooks=" + notebooks
                + ", sandbox=" + sandbox + ", gradingBudget=" + gradingBudget + "]";
    }

    /** A configuration for tests: free ports, the given data directory, demo accounts on, public lessons. */
    public static KitConfig forTests(Path dataDir) {
        return new KitConfig(0, "127.0.0.1", dataDir, ConfigLoader.defaultDbUrl(dataDir), null, 0, "127.0.0.1", null,
                null, true, true, NotebookSettings.defaults(), SandboxPolicy.BWRAP, Duration.ofSeconds(30));
    }
}
