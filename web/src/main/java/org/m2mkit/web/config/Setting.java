package org.m2mkit.web.config;

import java.util.Locale;

/**
 * Every setting of {@code m2mkit serve}: its key in the configuration file, its environment variable, its
 * flag, its default and what it means. The README's configuration table lists exactly these (a test checks).
 */
public enum Setting {
    PORT("port", "7070", "HTTP port of the web app; 0 picks a free port"),
    BIND("bind", "0.0.0.0", "address the web app listens on; 127.0.0.1 keeps it to this machine"),
    DATA("data", "./data", "data directory: database, uploads, logs"),
    DB_URL("db-url", "", "JDBC URL of the database: empty means an H2 file database in the data directory; "
            + "jdbc:postgresql://host:port/name for PostgreSQL 15 or newer"),
    DB_USER("db-user", "", "user the kit signs in to the database as (PostgreSQL); empty means the URL's or none"),
    DB_PASSWORD("db-password", "", "password of the database user; never printed"),
    BROKER("broker", "embedded", "MQTT broker: 'embedded' or an external broker's URL, tcp://host:port"),
    BROKER_PORT("broker-port", "1883", "port of the embedded MQTT broker; 0 picks a free port"),
    BROKER_BIND("broker-bind", "127.0.0.1",
            "address the embedded MQTT broker listens on; 0.0.0.0 lets MQTT clients of other machines in (with a login)"),
    BROKER_USER("broker-user", "", "user name the kit's MQTT clients give an external broker; empty: none"),
    BROKER_PASSWORD("broker-password", "", "password that goes with broker-user"),
    DEMO_ACCOUNTS("demo-accounts", "true", "create the demo instructor and student accounts at start; false disables existing ones"),
    PUBLIC_LESSONS("public-lessons", "true", "let visitors who are not signed in read the lesson pages"),
    NOTEBOOK_IDLE_MINUTES("notebook-idle-minutes", "20",
            "minutes a lesson notebook may sit unused before its Java engine is freed (1 to 1440)"),
    NOTEBOOK_ENGINES("notebook-engines", "60",
            "Java engines for lesson notebooks alive at once, about 40 MB each (1 to 1000)"),
    NOTEBOOK_TIME_LIMIT("notebook-time-limit", "3", "seconds one notebook cell may run before it is stopped (1 to 120)"),
    TRUSTED_PROXIES("trusted-proxies", "",
            "addresses or CIDR ranges of reverse proxies whose X-Forwarded-For header names the client; empty trusts none"),
    SECURE_COOKIES("secure-cookies", "false",
            "mark the sign-in cookies Secure, for a kit reached only over HTTPS (behind a TLS proxy)"),
    GRADING_BUDGET("grading-budget", "30", "seconds one lab grading may take in all; tests not started by then "
            + "fail as not run (10 to 600)"),
    LIVE_RUNS("live-runs", "auto", "live lab runs going at once; more students wait in a queue that starts their "
            + "runs by themselves; 'auto' sizes it from the machine's cores and memory (or 1 to 500)"),
    GRADING_QUEUE("grading-queue", "", "where submissions wait to be graded: 'local' (in this kit's process) or "
            + "'database' (a queue in PostgreSQL that several kits and m2mkit worker processes share); empty means "
            + "database on PostgreSQL, local on H2"),
    GRADING_SLOTS("grading-slots", "2", "with the database grading queue, submissions this kit grades at once "
            + "(0 to 16); 0 leaves grading to m2mkit worker processes"),
    SANDBOX("sandbox", "bwrap", "where student code runs: 'bwrap' (bubblewrap; where it does not work, no student "
            + "code runs) or 'plain' (UNSAFE, no file-system or network isolation: only for code you trust)");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** Key in the configuration file, for example {@code db-url}. */
    public String key() {
        return key;
    }

    /** Environment variable, for example {@code M2MKIT_DB_URL}. */
    public String env() {
        return "M2MKIT_" + name().toUpperCase(Locale.ROOT);
    }

    /** Command-line flag, for example {@code --db-url}. */
    public String flag() {
        return "--" + key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public static Setting byKey(String key) {
        for (Setting s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }
}
