package org.m2mkit.web.config;

import java.nio.file.Path;
import org.m2mkit.web.jshell.NotebookSettings;

/**
 * The validated settings the kit runs with.
 *
 * @param brokerUrl null for the embedded broker, else the external broker's URL
 * @param notebooks how the lesson notebooks' Java engines run
 */
public record KitConfig(int port, String bind, Path dataDir, String dbUrl, String brokerUrl, int brokerPort,
                        boolean demoAccounts, boolean publicLessons, NotebookSettings notebooks) {

    public boolean embeddedBroker() {
        return brokerUrl == null;
    }

    public KitConfig withNotebooks(NotebookSettings settings) {
        return new KitConfig(port, bind, dataDir, dbUrl, brokerUrl, brokerPort, demoAccounts, publicLessons, settings);
    }

    /** A configuration for tests: free ports, the given data directory, demo accounts on, public lessons. */
    public static KitConfig forTests(Path dataDir) {
        return new KitConfig(0, "127.0.0.1", dataDir, ConfigLoader.defaultDbUrl(dataDir), null, 0, true,
                true, NotebookSettings.defaults());
    }
}
