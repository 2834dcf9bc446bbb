package org.m2mkit.web.config;

import java.nio.file.Path;
import org.m2mkit.web.accounts.ClientAddress;
import org.m2mkit.grader.sandbox.SandboxPolicy;
import org.m2mkit.web.jshell.NotebookSettings;

/**
 * The validated settings the kit runs with.
 *
 * @param brokerUrl null for the embedded broker, else the external broker's URL
 * @param notebooks how the lesson notebooks' Java engines run
 * @param sandbox   where student code (lab submissions, notebook cells, code questions) runs
 * @param clients which reverse proxies are believed about the client's address
 * @param secureCookies whether the session and CSRF cookies are sent over HTTPS only
 */
public record KitConfig(int port, String bind, Path dataDir, String dbUrl, String brokerUrl, int brokerPort,
                        boolean demoAccounts, boolean publicLessons, NotebookSettings notebooks,
                        SandboxPolicy sandbox, ClientAddress clients, boolean secureCookies) {

    /** Where the grader's sandboxes work: private to the kit's user, beside the database. */
    public Path graderDir() {
        return dataDir.resolve("grader");
    }

    /** The same settings with another sandbox. */
    public KitConfig withSandbox(SandboxPolicy policy) {
        return new KitConfig(port, bind, dataDir, dbUrl, brokerUrl, brokerPort, demoAccounts, publicLessons, notebooks,
                policy, clients, secureCookies);
    }

    public boolean embeddedBroker() {
        return brokerUrl == null;
    }

    /** A configuration for tests: free ports, the given data directory, demo accounts on, public lessons. */
    public static KitConfig forTests(Path dataDir) {
        return new KitConfig(0, "127.0.0.1", dataDir, ConfigLoader.defaultDbUrl(dataDir), null, 0, true,
                true, NotebookSettings.defaults(), SandboxPolicy.BWRAP, ClientAddress.DIRECT, false);
    }

    public KitConfig withDemoAccounts(boolean on) {
        return new KitConfig(port, bind, dataDir, dbUrl, brokerUrl, brokerPort, on, publicLessons, notebooks, sandbox,
                clients, secureCookies);
    }

    public KitConfig withClients(ClientAddress trusted) {
        return new KitConfig(port, bind, dataDir, dbUrl, brokerUrl, brokerPort, demoAccounts, publicLessons, notebooks,
                sandbox, trusted, secureCookies);
    }

    public KitConfig withSecureCookies(boolean on) {
        return new KitConfig(port, bind, dataDir, dbUrl, brokerUrl, brokerPort, demoAccounts, publicLessons, notebooks,
                sandbox, clients, on);
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
