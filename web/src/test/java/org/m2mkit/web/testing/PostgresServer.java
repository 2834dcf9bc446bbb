package org.m2mkit.web.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.m2mkit.web.db.DbLogin;

/**
 * A real PostgreSQL server for the tests of one JVM, from the Debian packages ({@code postgresql}: binaries in
 * {@code /usr/lib/postgresql/VERSION/bin}). It is started at first use, in a temporary directory on a free port of
 * 127.0.0.1, with password sign-in over TCP as the kit uses it, and stopped when the JVM ends. Each
 * {@link #newDatabase()} is an empty database of its own, so tests do not see each other's rows.
 *
 * <p>PostgreSQL refuses to run as root: run as root, the server runs as the {@code postgres} user the package
 * creates (or {@code nobody}) through {@code runuser}. Where no PostgreSQL 15 or newer is installed,
 * {@link #unavailable()} says why and the tests that need it are skipped.
 */
public final class PostgresServer {

    /** The user and password the tests sign in as. */
    public static final DbLogin LOGIN = new DbLogin("m2mkit_test", "test-password-1");

    private static final int MIN_VERSION = 15;
    private static PostgresServer shared;
    private static String unavailable;

    private final Path bin;
    private final Path dir;
    private final List<String> asUser;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path bin, Path dir, List<String> asUser, int port) {
        this.bin = bin;
        this.dir = dir;
        this.asUser = asUser;
        this.port = port;
    }

    /** Why no server can be started here, or null when one can. */
    public static synchronized String unavailable() {
        if (shared == null && unavailable == null) {
            Path bin = binaries();
            if (bin == null) {
                unavailable = "PostgreSQL " + MIN_VERSION + " or newer is not installed (no initdb and pg_ctl under "
                        + "/usr/lib/postgresql/*/bin); install the Debian package postgresql to run these tests on it";
            }
        }
        return unavailable;
    }

    /** The server of this JVM, started at the first call; call {@link #unavailable()} first. */
    public static synchronized PostgresServer shared() {
        if (unavailable() != null) {
            throw new IllegalStateException(unavailable);
        }
        if (shared == null) {
            try {
                shared = start(binaries());
            } catch (IOException e) {
                throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while PostgreSQL started", e);
            }
            PostgresServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-test-stop"));
        }
        return shared;
    }

    /** The newest {@code /usr/lib/postgresql/N/bin} with N at least 15 that has initdb and pg_ctl, else null. */
    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .filter(v -> Integer.parseInt(v.getFileName().toString()) >= MIN_VERSION)
                    .map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static PostgresServer start(Path bin) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("m2mkit-postgres");
        List<String> asUser = new ArrayList<>();
        if (isRoot()) {
            String user = userExists("postgres") ? "postgres" : "nobody";
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
            Files.setOwner(dir, owner);
            asUser.addAll(List.of("runuser", "-u", user, "--"));
        }
        Path pwFile = dir.resolve("password");
        Files.writeString(pwFile, LOGIN.password() + "\n", StandardCharsets.UTF_8);
        if (!asUser.isEmpty()) {
            Files.setOwner(pwFile, Files.getOwner(dir));
        }
        PostgresServer setup = new PostgresServer(bin, dir, asUser, 0);
        // the tests' user is the superuser of this throw-away cluster; fsync off: its data need not survive a crash
        setup.run("initdb", "-D", dir.resolve("data").toString(), "-U", LOGIN.user(), "--pwfile=" + pwFile,
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync");
        // a free port is only free until another program takes it (tests run beside other builds): then the
        // server does not start, and is started again on another
        for (int attempt = 1; ; attempt++) {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            PostgresServer server = new PostgresServer(bin, dir, asUser, port);
            try {
                server.run("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), "-w",
                        "-t", "120", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off "
                                + "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start");
                return server;
            } catch (IOException e) {
                if (attempt == 5 || !String.valueOf(e.getMessage()).contains("Address already in use")) {
                    throw e;
                }
            }
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static boolean userExists(String user) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("id", "-u", user).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs one of the server's programs to its end (bounded), failing with its output when it fails. */
    private void run(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(asUser);
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(program + " did not finish within 180 s: " + output);
        }
        if (p.exitValue() != 0) {
            String log = Files.exists(dir.resolve("log")) ? Files.readString(dir.resolve("log")) : "";
            throw new IOException(program + " failed (exit " + p.exitValue() + "): " + output + log);
        }
    }

    /** The JDBC URL of database {@code name} on this server. */
    public String url(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** A new, empty database owned by {@link #LOGIN}; returns its JDBC URL. */
    public String newDatabase() {
        String name = "m2mkit_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), LOGIN.user(), LOGIN.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("creating database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    private void stop() {
        try {
            run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException e) {
            System.err.println("stopping the test PostgreSQL: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: left for the system to clear
        }
    }
}
