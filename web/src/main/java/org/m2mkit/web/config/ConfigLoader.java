package org.m2mkit.web.config;

import org.m2mkit.grader.jshell.JShellSettings;
import org.m2mkit.web.accounts.ClientAddress;
import org.m2mkit.grader.sandbox.SandboxPolicy;
import org.m2mkit.web.jshell.NotebookSettings;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.m2mkit.web.labs.LiveLab;
import org.m2mkit.labs.broker.BrokerProbe;
import org.m2mkit.web.db.Database;
import org.m2mkit.web.db.DbLogin;

/**
 * Reads the settings from, in rising precedence, their defaults, the configuration file, environment variables
 * and command-line flags; then checks each one and fails on the first bad value with a {@link ConfigException}.
 */
public final class ConfigLoader {

    /** The configuration file read from the working directory when no other is named. */
    public static final String FILE_NAME = "m2mkit.properties";

    private record Value(String text, String source) {}

    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    /**
     * @param file  the configuration file; when null, {@code ./m2mkit.properties} is read if it exists
     * @param flags the settings given on the command line
     */
    public KitConfig load(Path file, Map<Setting, String> flags) {
        Map<Setting, Value> values = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            values.put(s, new Value(s.defaultValue(), "default"));
        }
        readFile(file, values);
        for (Setting s : Setting.values()) {
            String fromEnv = env.get(s.env());
            if (fromEnv != null) {
                values.put(s, new Value(fromEnv.trim(), "from " + s.env()));
            }
            if (flags.containsKey(s)) {
                values.put(s, new Value(flags.get(s).trim(), "from " + s.flag()));
            }
        }
        return validate(values);
    }

    private static void readFile(Path file, Map<Setting, Value> values) {
        Path path = file != null ? file : Path.of(FILE_NAME);
        if (file == null && !Files.exists(path)) {
            return;
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new ConfigException("configuration file '" + path + "' cannot be read (" + e.getClass().getSimpleName()
                    + "); accepted: a readable file of key = value lines, see the README");
        }
        for (String key : props.stringPropertyNames()) {
            Setting s = Setting.byKey(key);
            if (s == null) {
                throw new ConfigException("configuration file '" + path + "': unknown setting '" + key
                        + "'; accepted: " + String.join(", ", keys()));
            }
            values.put(s, new Value(props.getProperty(key).trim(), "from " + path));
        }
    }

    private static String[] keys() {
        Setting[] all = Setting.values();
        String[] keys = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            keys[i] = all[i].key();
        }
        return keys;
    }

    private static KitConfig validate(Map<Setting, Value> v) {
        String bind = address(Setting.BIND, v.get(Setting.BIND));
        int port = port(Setting.PORT, v.get(Setting.PORT));
        checkFree(Setting.PORT, v.get(Setting.PORT), bind, port);
        Path data = dataDir(v.get(Setting.DATA));
        String dbUrl = dbUrl(v.get(Setting.DB_URL), data);
        DbLogin dbLogin = new DbLogin(v.get(Setting.DB_USER).text(), v.get(Setting.DB_PASSWORD).text());
        String brokerUrl = broker(v.get(Setting.BROKER));
        int brokerPort = port(Setting.BROKER_PORT, v.get(Setting.BROKER_PORT));
        String brokerBind = address(Setting.BROKER_BIND, v.get(Setting.BROKER_BIND));
        if (brokerUrl == null) {
            checkFree(Setting.BROKER_PORT, v.get(Setting.BROKER_PORT), brokerBind, brokerPort);
        }
        String brokerUser = emptyToNull(v.get(Setting.BROKER_USER).text());
        String brokerPassword = emptyToNull(v.get(Setting.BROKER_PASSWORD).text());
        if (brokerUser != null && brokerUrl == null) {
            throw new ConfigException(Setting.BROKER_USER, v.get(Setting.BROKER_USER).source(), brokerUser,
                    "is for an external broker only", "empty with the embedded broker, which makes logins of its own");
        }
        if (brokerPassword != null && brokerUser == null) {
            // the value is a password: never repeat it
            throw new ConfigException(Setting.BROKER_PASSWORD, v.get(Setting.BROKER_PASSWORD).source(), "(hidden)",
                    "is set without broker-user", "a password only together with broker-user");
        }
        boolean demo = bool(Setting.DEMO_ACCOUNTS, v.get(Setting.DEMO_ACCOUNTS));
        boolean publicLessons = bool(Setting.PUBLIC_LESSONS, v.get(Setting.PUBLIC_LESSONS));
        int gradingBudget = number(Setting.GRADING_BUDGET, v.get(Setting.GRADING_BUDGET), 10, 600);
        boolean sharedQueue = gradingQueue(v.get(Setting.GRADING_QUEUE), dbUrl);
        int gradingSlots = number(Setting.GRADING_SLOTS, v.get(Setting.GRADING_SLOTS), 0, 16);
        return new KitConfig(port, bind, data, dbUrl, dbLogin, brokerUrl, brokerPort, brokerBind, brokerUser, brokerPassword,
                demo, publicLessons, notebooks(v), sandbox(v.get(Setting.SANDBOX)), Duration.ofSeconds(gradingBudget),
                proxies(v.get(Setting.TRUSTED_PROXIES)), bool(Setting.SECURE_COOKIES, v.get(Setting.SECURE_COOKIES)),
                sharedQueue, gradingSlots, liveRuns(v.get(Setting.LIVE_RUNS)));
    }

    /** Whether submissions are graded from the database's shared queue, which needs PostgreSQL. */
    private static boolean gradingQueue(Value v, String dbUrl) {
        boolean postgres = dbUrl.startsWith("jdbc:postgresql:");
        switch (v.text().toLowerCase(Locale.ROOT)) {
            case "":
                return postgres;
            case "local":
                return false;
            case "database":
                if (!postgres) {
                    throw new ConfigException(Setting.GRADING_QUEUE, v.source(), v.text(),
                            "needs a PostgreSQL database (db-url), which H2 is not",
                            "local with H2, or database together with a jdbc:postgresql: db-url");
                }
                return true;
            default:
                throw new ConfigException(Setting.GRADING_QUEUE, v.source(), v.text(), "is not a grading queue",
                        "local, database, or empty (database on PostgreSQL, local on H2)");
        }
    }

    /** 'auto' (sized from the machine) or a number of runs. */
    private static int liveRuns(Value v) {
        if (v.text().equalsIgnoreCase("auto")) {
            return LiveLab.defaultMaxRuns();
        }
        try {
            int n = Integer.parseInt(v.text());
            if (n >= 1 && n <= LiveLab.MAX_RUNS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(Setting.LIVE_RUNS, v.source(), v.text(), "is neither 'auto' nor a whole number from 1 to "
                + LiveLab.MAX_RUNS, "auto (sized from this machine: " + LiveLab.defaultMaxRuns() + " here) or a whole "
                + "number from 1 to " + LiveLab.MAX_RUNS);
    }

    private static SandboxPolicy sandbox(Value v) {
        SandboxPolicy p = SandboxPolicy.parse(v.text());
        if (p == null) {
            throw new ConfigException(Setting.SANDBOX, v.source(), v.text(), "is not a sandbox",
                    SandboxPolicy.ACCEPTED);
        }
        return p;
    }

    private static ClientAddress proxies(Value v) {
        try {
            return ClientAddress.trusting(v.text());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(Setting.TRUSTED_PROXIES, v.source(), v.text(), "is not a list of addresses ("
                    + e.getMessage() + ")", "empty, or IP addresses and CIDR ranges separated by commas, "
                    + "like 127.0.0.1, 10.0.0.0/8");
        }
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static NotebookSettings notebooks(Map<Setting, Value> v) {
        NotebookSettings defaults = NotebookSettings.defaults();
        int idle = number(Setting.NOTEBOOK_IDLE_MINUTES, v.get(Setting.NOTEBOOK_IDLE_MINUTES), 1, 1440);
        int engines = number(Setting.NOTEBOOK_ENGINES, v.get(Setting.NOTEBOOK_ENGINES), 1, 1000);
        int seconds = number(Setting.NOTEBOOK_TIME_LIMIT, v.get(Setting.NOTEBOOK_TIME_LIMIT), 1, 120);
        JShellSettings e = defaults.engines();
        return defaults.withIdleTimeout(Duration.ofMinutes(idle)).withEngines(e.withEvalTimeout(
                Duration.ofSeconds(seconds)).withPool(Math.min(e.poolSize(), engines), engines));
    }

    private static int number(Setting s, Value v, int min, int max) {
        try {
            int n = Integer.parseInt(v.text());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(s, v.source(), v.text(), "is not a whole number from " + min + " to " + max,
                "a whole number from " + min + " to " + max);
    }

    private static int port(Setting s, Value v) {
        try {
            int port = Integer.parseInt(v.text());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(s, v.source(), v.text(), "is not a port number",
                "a whole number from 1 to 65535, or 0 for any free port");
    }

    private static void checkFree(Setting s, Value v, String bind, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(bind, port));
        } catch (IOException e) {
            throw new ConfigException(s, v.source(), v.text(), "is already in use on " + bind,
                    "a free port (stop the other program, or choose another with " + s.flag() + ")");
        }
    }

    private static String address(Setting s, Value v) {
        try {
            InetAddress address = InetAddress.getByName(v.text());
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(address, 0));
            }
            return v.text();
        } catch (UnknownHostException e) {
            throw new ConfigException(s, v.source(), v.text(), "is not a known host name or address",
                    "0.0.0.0 (all interfaces), 127.0.0.1, or an address of this machine");
        } catch (IOException e) {
            throw new ConfigException(s, v.source(), v.text(), "is not an address of this machine",
                    "0.0.0.0 (all interfaces), 127.0.0.1, or an address of this machine");
        }
    }

    private static Path dataDir(Value v) {
        Path dir = Path.of(v.text()).toAbsolutePath().normalize();
        try {
            OwnerOnly.createDirectory(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
            return dir;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new ConfigException(Setting.DATA, v.source(), v.text(), "cannot be created or written ("
                    + reason(e) + ")", "a directory this user can create and write");
        }
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getClass().getSimpleName();
    }

    /** The default database: an H2 file database in the data directory. */
    public static String defaultDbUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("m2mkit").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private static String dbUrl(Value v, Path data) {
        if (v.text().isEmpty()) {
            return defaultDbUrl(data);
        }
        if (!v.text().startsWith("jdbc:h2:") && !v.text().startsWith("jdbc:postgresql:")) {
            throw new ConfigException(Setting.DB_URL, v.source(), Database.printable(v.text()),
                    "is not a supported database URL", "empty (an H2 file database in the data directory), a jdbc:h2: "
                    + "URL or a jdbc:postgresql://host:port/name URL (PostgreSQL 15 or newer)");
        }
        return v.text();
    }

    private static String broker(Value v) {
        if (v.text().equalsIgnoreCase("embedded")) {
            return null;
        }
        try {
            if (BrokerProbe.reachable(v.text(), Duration.ofSeconds(3))) {
                return v.text();
            }
        } catch (RuntimeException e) {
            throw new ConfigException(Setting.BROKER, v.source(), v.text(), "is not a broker URL",
                    "'embedded', or tcp://host:port or ssl://host:port of a running MQTT broker");
        }
        throw new ConfigException(Setting.BROKER, v.source(), v.text(), "cannot be reached",
                "'embedded', or the URL of a running MQTT broker (is it started? is the port right?)");
    }

    private static boolean bool(Setting s, Value v) {
        switch (v.text().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return true;
            case "false", "no", "off", "0":
                return false;
            default:
                throw new ConfigException(s, v.source(), v.text(), "is not a yes/no value", "true or false");
        }
    }
}
