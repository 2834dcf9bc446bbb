package org.m2mkit.web.config;

import java.nio.file.Path;

/**
 * The validated settings the kit runs with.
 *
 * @param brokerUrl null for the embedded broker, else the external broker's URL
 */
public record KitConfig(int port, String bind, Path dataDir, String dbUrl, String brokerUrl, int brokerPort,
                        boolean demoAccounts, boolean publicLessons) {

    public boolean embeddedBroker() {
        return brokerUrl == null;
    }

    /** A configuration for tests: free ports, the given data directory, demo accounts on, public lessons. */
    public static KitConfig forTests(Path dataDir) {
        return new KitConfig(0, "127.0.0.1", dataDir, ConfigLoader.defaultDbUrl(dataDir), null, 0, true,
                true);
    }
}
