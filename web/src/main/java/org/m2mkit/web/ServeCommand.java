package org.m2mkit.web;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.m2mkit.web.accounts.DemoAccounts;
import org.m2mkit.web.app.Kit;
import org.m2mkit.web.config.ConfigLoader;
import org.m2mkit.web.config.KitConfig;
import org.m2mkit.web.config.Setting;
import org.m2mkit.web.config.StartWarnings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code m2mkit serve}: starts the whole kit and serves it until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the web app with its database, MQTT broker, chapter content and demo accounts.",
        footer = {"", "Settings come from, in rising precedence: defaults, the configuration file "
                + "(./m2mkit.properties or --config), M2MKIT_* environment variables, and these flags."})
public final class ServeCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: ./m2mkit.properties if present)")
    Path configFile;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default 7070; 0 = any free port)")
    String port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "listen address (default 0.0.0.0)")
    String bind;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default ./data)")
    String data;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "database URL (default: H2 file in the data directory)")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "database user (PostgreSQL)")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD",
            description = "database user's password (M2MKIT_DB_PASSWORD keeps it out of the process list)")
    String dbPassword;

    @Option(names = "--broker", paramLabel = "embedded|URL", description = "MQTT broker: embedded (default) or tcp://host:port")
    String broker;

    @Option(names = "--broker-port", paramLabel = "PORT", description = "port of the embedded broker (default 1883)")
    String brokerPort;

    @Option(names = "--broker-bind", paramLabel = "ADDRESS",
            description = "address the embedded broker listens on (default 127.0.0.1)")
    String brokerBind;

    @Option(names = "--broker-user", paramLabel = "USER", description = "user name for an external broker (default: none)")
    String brokerUser;

    @Option(names = "--broker-password", paramLabel = "PASSWORD",
            description = "password for an external broker (M2MKIT_BROKER_PASSWORD keeps it out of the process list)")
    String brokerPassword;

    @Option(names = "--demo-accounts", paramLabel = "true|false", description = "create the demo accounts (default true); false disables existing ones")
    String demoAccounts;

    @Option(names = "--public-lessons", paramLabel = "true|false",
            description = "let visitors who are not signed in read the lessons (default true)")
    String publicLessons;

    @Option(names = "--notebook-idle-minutes", paramLabel = "MINUTES",
            description = "free a lesson notebook's Java engine after this long unused (default 20)")
    String notebookIdleMinutes;

    @Option(names = "--notebook-engines", paramLabel = "N",
            description = "Java engines for lesson notebooks alive at once (default 60)")
    String notebookEngines;

    @Option(names = "--notebook-time-limit", paramLabel = "SECONDS",
            description = "seconds one notebook cell may run (default 3)")
    String notebookTimeLimit;

    @Option(names = "--trusted-proxies", paramLabel = "ADDRESSES",
            description = "reverse proxies whose X-Forwarded-For is believed: addresses or CIDR ranges (default none)")
    String trustedProxies;

    @Option(names = "--secure-cookies", paramLabel = "true|false",
            description = "send the sign-in cookies over HTTPS only, behind a TLS proxy (default false)")
    String secureCookies;

    @Option(names = "--grading-budget", paramLabel = "SECONDS",
            description = "seconds one lab grading may take in all (default 30)")
    String gradingBudget;

    @Option(names = "--live-runs", paramLabel = "auto|N",
            description = "live lab runs at once, more wait in a queue; auto sizes it from the machine (default auto)")
    String liveRuns;
    @Option(names = "--grading-queue", paramLabel = "local|database",
            description = "grade in this kit (local) or from the queue in PostgreSQL that kits and workers share "
                    + "(database); default: database on PostgreSQL, local on H2")
    String gradingQueue;

    @Option(names = "--grading-slots", paramLabel = "N",
            description = "with the database queue, submissions this kit grades at once (default 2; 0: leave "
                    + "grading to m2mkit worker processes)")
    String gradingSlots;

    @Option(names = "--sandbox", paramLabel = "bwrap|plain",
            description = "where student code runs: bwrap (default) or plain (UNSAFE: no isolation, trusted code only)")
    String sandbox;

    @Override
    public Integer call() throws InterruptedException {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        putIfSet(flags, Setting.PORT, port);
        putIfSet(flags, Setting.BIND, bind);
        putIfSet(flags, Setting.DATA, data);
        putIfSet(flags, Setting.DB_URL, dbUrl);
        putIfSet(flags, Setting.DB_USER, dbUser);
        putIfSet(flags, Setting.DB_PASSWORD, dbPassword);
        putIfSet(flags, Setting.BROKER, broker);
        putIfSet(flags, Setting.BROKER_PORT, brokerPort);
        putIfSet(flags, Setting.BROKER_BIND, brokerBind);
        putIfSet(flags, Setting.BROKER_USER, brokerUser);
        putIfSet(flags, Setting.BROKER_PASSWORD, brokerPassword);
        putIfSet(flags, Setting.DEMO_ACCOUNTS, demoAccounts);
        putIfSet(flags, Setting.PUBLIC_LESSONS, publicLessons);
        putIfSet(flags, Setting.NOTEBOOK_IDLE_MINUTES, notebookIdleMinutes);
        putIfSet(flags, Setting.NOTEBOOK_ENGINES, notebookEngines);
        putIfSet(flags, Setting.NOTEBOOK_TIME_LIMIT, notebookTimeLimit);
        putIfSet(flags, Setting.TRUSTED_PROXIES, trustedProxies);
        putIfSet(flags, Setting.SECURE_COOKIES, secureCookies);
        putIfSet(flags, Setting.GRADING_BUDGET, gradingBudget);
        putIfSet(flags, Setting.LIVE_RUNS, liveRuns);
        putIfSet(flags, Setting.GRADING_QUEUE, gradingQueue);
        putIfSet(flags, Setting.GRADING_SLOTS, gradingSlots);
        putIfSet(flags, Setting.SANDBOX, sandbox);
        KitConfig config = new ConfigLoader(System.getenv()).load(configFile, flags);
        PrintWriter err = spec.commandLine().getErr();
        StartWarnings.of(config, System.getenv()).forEach(err::println);
        err.flush();
        long t0 = System.nanoTime();
        Kit kit = Kit.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kit.close();
            stopped.countDown();
        }, "m2mkit-shutdown"));
        banner(spec.commandLine().getOut(), kit, (System.nanoTime() - t0) / 1_000_000);
        stopped.await();
        return 0;
    }

    private static void putIfSet(Map<Setting, String> flags, Setting setting, String value) {
        if (value != null) {
            flags.put(setting, value);
        }
    }

    private static void banner(PrintWriter out, Kit kit, long millis) {
        out.printf("M2M Lab Kit is running (started in %d ms)%n", millis);
        out.printf("  Open:        %s%n", kit.url());
        if (kit.config().bind().equals("0.0.0.0")) {
            out.printf("  Students:    http://<this machine's address>:%d/%n", kit.port());
        }
        out.printf("  MQTT broker: %s%s%n", kit.brokerUrl(), kit.config().embeddedBroker()
                ? " (logins only: a student's own MQTT client uses the login the live lab page shows)" : "");
        out.printf("  Data:        %s%n", kit.config().dataDir());
        out.printf("  Sandbox:     %s%n", kit.sandboxSummary());
        for (DemoAccounts.Credentials c : kit.demoAccounts()) {
            out.printf("  Demo %-10s user '%s', password '%s'%n", c.role().name().toLowerCase() + ":",
                    c.username(), c.password());
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
