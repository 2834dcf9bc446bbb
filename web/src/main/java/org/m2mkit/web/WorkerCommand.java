package org.m2mkit.web;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.m2mkit.grader.GraderConfig;
import org.m2mkit.grader.Grader;
import org.m2mkit.grader.sandbox.SandboxPolicy;
import org.m2mkit.labs.UserError;
import org.m2mkit.web.config.OwnerOnly;
import org.m2mkit.web.db.Database;
import org.m2mkit.web.db.DbLogin;
import org.m2mkit.web.grading.QueueWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code m2mkit worker}: a grader with no web app, for another machine. It claims queued submissions from the
 * PostgreSQL database that the kits share, grades each in its own sandbox and writes the result, until Ctrl-C.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Grade lab submissions from the queue in the kits' PostgreSQL database (no web app).",
        footer = {"", "The database flags fall back on M2MKIT_DB_URL, M2MKIT_DB_USER and M2MKIT_DB_PASSWORD, as for "
                + "serve. Stopping the worker lets the gradings in hand finish; a worker that dies leaves its "
                + "submissions to others once their leases run out (30 s)."})
public final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", defaultValue = "${env:M2MKIT_DB_URL}",
            description = "the kits' database, jdbc:postgresql://host:port/name")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "${env:M2MKIT_DB_USER}",
            description = "database user")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "${env:M2MKIT_DB_PASSWORD}",
            description = "database user's password (M2MKIT_DB_PASSWORD keeps it out of the process list)")
    String dbPassword;

    @Option(names = "--slots", paramLabel = "N", defaultValue = "2",
            description = "submissions graded at once, about one per core (1 to 16; default 2)")
    int slots;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "./worker-data",
            description = "where the sandboxes work (default ./worker-data)")
    Path data;

    @Option(names = "--grading-budget", paramLabel = "SECONDS", defaultValue = "30",
            description = "seconds one grading may take in all (10 to 600; default 30, as the kits')")
    int gradingBudget;

    @Option(names = "--sandbox", paramLabel = "bwrap|plain", defaultValue = "bwrap",
            description = "where student code runs: bwrap (default) or plain (UNSAFE: no isolation, trusted code only)")
    String sandbox;

    @Override
    public Integer call() throws Exception {
        if (dbUrl == null || !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new UserError("--db-url " + (dbUrl == null ? "is missing" : Database.printable(dbUrl)
                    + " is not a PostgreSQL URL") + "; accepted: the kits' database, jdbc:postgresql://host:port/name "
                    + "(or M2MKIT_DB_URL)");
        }
        if (slots < 1 || slots > 16) {
            throw new UserError("--slots " + slots + " is out of range; accepted: a whole number from 1 to 16");
        }
        if (gradingBudget < 10 || gradingBudget > 600) {
            throw new UserError("--grading-budget " + gradingBudget + " is out of range; accepted: 10 to 600 seconds");
        }
        SandboxPolicy policy = SandboxPolicy.parse(sandbox);
        if (policy == null) {
            throw new UserError("--sandbox " + sandbox + " is not a sandbox; accepted: " + SandboxPolicy.ACCEPTED);
        }
        Path dir = data.toAbsolutePath().normalize();
        OwnerOnly.createDirectory(dir);
        // the database first: a wrong URL or password is said before any sandbox JVM starts
        Database db = Database.open(dbUrl, new DbLogin(orEmpty(dbUser), orEmpty(dbPassword)));
        GraderConfig defaults = GraderConfig.defaults();
        Grader grader = Grader.start(defaults.withPoolSize(slots).withConcurrency(slots).withSandbox(policy)
                .withWorkDir(dir.resolve("grader"))
                .withLimits(defaults.limits().withGradingBudget(Duration.ofSeconds(gradingBudget))));
        if (grader.unavailable() != null) {
            grader.close();
            db.close();
            throw new UserError("this machine cannot grade: " + grader.unavailable());
        }
        QueueWorker worker = QueueWorker.start(db.dataSource(), grader, slots, "worker");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.close();
            grader.close();
            db.close();
            stopped.countDown();
        }, "m2mkit-worker-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("M2M Lab Kit grader worker %s is grading from %s with %d slot(s)%n", worker.id(),
                Database.printable(dbUrl), slots);
        out.printf("  Sandbox:     %s%n", grader.health().sandboxDetail());
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
