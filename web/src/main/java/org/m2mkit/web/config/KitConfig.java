package org.m2mkit.web.config;

import java.nio.file.Path;
import org.m2mkit.web.accounts.ClientAddress;
import java.time.Duration;
import org.m2mkit.grader.sandbox.SandboxPolicy;
import org.m2mkit.web.db.DbLogin;
import org.m2mkit.web.jshell.NotebookSettings;

/**
 * The validated settings the kit runs with.
 *
 * @param dbLogin        who the kit signs in to the database as
 * @param brokerUrl      null for the embedded broker, else the external broker's URL
 * @param brokerBind     the address the embedded broker listens on
 * @param brokerUser     the user name for an external broker, or null for none
 * @param brokerPassword its password, or null
 * @param notebooks      how the lesson notebooks' Java engines run
 * @param sandbox        where student code (lab submissions, notebook cells, code questions) runs
 * @param gradingBudget  wall time one lab grading may take in all
 * @param clients        which reverse proxies are believed about the client's address
 * @param secureCookies  whether the session and CSRF cookies are sent over HTTPS only
 * @param sharedQueue    whether submissions are graded from the database queue that several kits and
 *                       {@code m2mkit worker} processes share (PostgreSQL), rather than in this kit's process
 * @param gradingSlots   with the shared queue, how many submissions this kit grades at once (0: none, it leaves
 *                       grading to workers)
 * @param liveRuns       how many live lab runs go at once; more wait in a queue
 */
public record KitConfig(int port, String bind, Path dataDir, String dbUrl, DbLogin dbLogin, String brokerUrl,
                        int brokerPort,
                        String brokerBind, String brokerUser, String brokerPassword,
                        boolean demoAccounts, boolean publicLessons, NotebookSettings notebooks,
                        SandboxPolicy sandbox, Duration gradingBudget, ClientAddress clients,
                        boolean secureCookies, boolean sharedQueue,
                        int gradingSlots, int liveRuns) {

    /** Where the grader's sandboxes work: private to the kit's user, beside the database. */
    public Path graderDir() {
        return dataDir.resolve("grader");
    }

    /** The same settings with another sandbox. */
    public KitConfig withSandbox(SandboxPolicy policy) {
        return new KitConfig(port, bind, dataDir, dbUrl, dbLogin, brokerUrl, brokerPort, brokerBind, brokerUser, brokerPassword,
                demoAccounts, publicLessons, notebooks, policy, gradingBudget, clients, secureCookies, sharedQueue, gradingSlots, liveRuns);
    }

    /** The same settings with other notebook settings. */
    public KitConfig withNotebooks(NotebookSettings settings) {
        return new KitConfig(port, bind, dataDir, dbUrl, dbLogin, brokerUrl, brokerPort, brokerBind, brokerUser, brokerPassword,
                demoAccounts, publicLessons, settings, sandbox, gradingBudget, clients, secureCookies, sharedQueue, gradingSlots, liveRuns);
    }

    /** The same settings with another database. */
    public KitConfig withDatabase(String url, DbLogin login) {
        return new KitConfig(port, bind, dataDir, url, login, brokerUrl, brokerPort, brokerBind, brokerUser,
                brokerPassword, demoAccounts, publicLessons, notebooks, sandbox, gradingBudget, clients, secureCookies,
                sharedQueue, gradingSlots, liveRuns);
    }

    /** The same settings grading from the shared database queue ({@code true}) or in this process. */
    public KitConfig withSharedQueue(boolean on) {
        return new KitConfig(port, bind, dataDir, dbUrl, dbLogin, brokerUrl, brokerPort, brokerBind, brokerUser,
                brokerPassword, demoAccounts, publicLessons, notebooks, sandbox, gradingBudget, clients, secureCookies,
                on, gradingSlots, liveRuns);
    }

    /** The same settings with another number of submissions this kit grades at once from the shared queue. */
    public KitConfig withGradingSlots(int slots) {
        return new KitConfig(port, bind, dataDir, dbUrl, dbLogin, brokerUrl, brokerPort, brokerBind, brokerUser,
                brokerPassword, demoAccounts, publicLessons, notebooks, sandbox, gradingBudget, clients, secureCookies,
                sharedQueue, slots, liveRuns);
    }

    /** The same settings with an external MQTT broker (null for the embedded one). */
    public KitConfig withBroker(String url, String user, String password) {
        return new KitConfig(port, bind, dataDir, dbUrl, dbLogin, url, brokerPort, brokerBind, user, password,
                demoAccounts, publicLessons, notebooks, sandbox, gradingBudget, clients, secureCookies, sharedQueue, gradingSlots, liveRuns);
    }

    public boolean embeddedBroker() {
        return brokerUrl == null;
    }

    /** Keeps the external broker's password out of logs and error messages. */
    @Override
    public String toString() {
        return "KitConfig[port=" + port + ", bind=" + bind + ", dataDir=" + dataDir + ", dbUrl=" + dbUrl
                + ", dbLogin=" + dbLogin
                + ", brokerUrl=" + brokerUrl + ", brokerPort=" + brokerPort + ", brokerBind=" + brokerBind
                + ", brokerUser=" + brokerUser + ", brokerPassword=" + (brokerPassword == null ? "none" : "(set)")
                + ", demoAccounts=" + demoAccounts + ", publicLessons=" + publicLessons + ", notebooks=" + notebooks
                + ", sandbox=" + sandbox + ", gradingBudget=" + gradingBudget + ", sharedQueue=" + sharedQueue
                + ", gradingSlots=" + gradingSlots + ", liveRuns=" + liveRuns + "]";
    }

    /** A configuration for tests: free ports, the given data directory, demo accounts on, public lessons. */
    public static KitConfig forTests(Path dataDir) {
        return new KitConfig(0, "127.0.0.1", dataDir, ConfigLoader.defaultDbUrl(dataDir), DbLogin.NONE, null, 0, "127.0.0.1", null,
                null, true, true, NotebookSettings.defaults(), SandboxPolicy.BWRAP, Duration.ofSeconds(30),
                ClientAddress.DIRECT, false, false, 2,
                org.m2mkit.web.labs.LiveLab.defaultMaxRuns());
    }

    public KitConfig withDemoAccounts(boolean on) {
        return new KitConfig(port, bind, dataDir, dbUrl, dbLogin, brokerUrl, brokerPort, brokerBind, brokerUser, brokerPassword,
                on, publicLessons, notebooks, sandbox, gradingBudget, clients, secureCookies, sharedQueue, gradingSlots, liveRuns);
    }

    public KitConfig withClients(ClientAddress trusted) {
        return new KitConfig(port, bind, dataDir, dbUrl, dbLogin, brokerUrl, brokerPort, brokerBind, brokerUser, brokerPassword,
                demoAccounts, publicLessons, notebooks, sandbox, gradingBudget, trusted, secureCookies, sharedQueue, gradingSlots, liveRuns);
    }

    public KitConfig withSecureCookies(boolean on) {
        return new KitConfig(port, bind, dataDir, dbUrl, dbLogin, brokerUrl, brokerPort, brokerBind, brokerUser, brokerPassword,
                demoAccounts, publicLessons, notebooks, sandbox, gradingBudget, clients, on, sharedQueue, gradingSlots, liveRuns);
    }

    /** The same settings with another number of live lab runs at once. */
    public KitConfig withLiveRuns(int runs) {
        return new KitConfig(port, bind, dataDir, dbUrl, dbLogin, brokerUrl, brokerPort, brokerBind, brokerUser, brokerPassword,
                demoAccounts, publicLessons, notebooks, sandbox, gradingBudget, clients, secureCookies, sharedQueue,
                gradingSlots, runs);
    }

    /** Whether the web app listens only on this machine's loopback interface. */
    public boolean loopbackOnly() {
        try {
            return java.net.InetAddress.getByName(bind).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
