package org.m2mkit.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.m2mkit.grader.GradeResult;
import org.m2mkit.grader.Grader;
import org.m2mkit.grader.GraderConfig;
import org.m2mkit.grader.Lab;
import org.m2mkit.grader.Labs;
import org.m2mkit.grader.Submission;
import org.m2mkit.grader.TestResult;
import org.m2mkit.grader.results.ResultsJson;
import org.m2mkit.grader.sandbox.SandboxPolicy;
import org.m2mkit.grader.starter.StarterKit;
import org.m2mkit.labs.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code m2mkit grade}: grades one submission in the sandbox and prints a summary, or writes a starter kit.
 * Exit status 0 whenever grading completed (whatever the score), 2 for a usage error, 1 if the grader failed.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Grade a lab submission in the sandbox, or write a lab's starter kit.", "",
                "  m2mkit grade --lab gateway --submission MyGateway.java [--results results.json] [--visible-only]",
                "  m2mkit grade --starter standards DIR"},
        footer = {"", "Exit status: 0 when grading completed, whatever the score; 2 for a usage error; 1 if the grader failed."})
public final class GradeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--lab", paramLabel = "LAB", description = "the lab the submission is for: ${COMPLETION-CANDIDATES}",
            completionCandidates = LabIds.class)
    String lab;

    @Option(names = "--submission", paramLabel = "PATH", description = "a .java file, a folder of .java files, or a .zip")
    Path submission;

    @Option(names = "--results", paramLabel = "FILE", description = "write results.json (Gradescope shape, with PrairieLearn's gradable)")
    Path results;

    @Option(names = "--format", paramLabel = "gradescope|prairielearn", defaultValue = "gradescope",
            description = "shape of the results file (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--visible-only", description = "run only the tests students can see")
    boolean visibleOnly;

    @Option(names = "--json", description = "print the results JSON instead of the summary")
    boolean json;

    @Option(names = "--starter", paramLabel = "LAB", description = "write this lab's starter kit into DIR",
            completionCandidates = LabIds.class)
    String starter;

    @Option(names = "--sandbox", paramLabel = "bwrap|plain", defaultValue = "bwrap",
            description = "where the submission runs: bwrap (default; bubblewrap must work here) or plain "
                    + "(UNSAFE: no file-system or network isolation, for code you trust only)")
    String sandbox;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "folder for --starter (new or empty)")
    Path starterDir;

    /** Runs the command on its own (for tests and scripts); the kit's launcher registers it under m2mkit. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new GradeCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, argv) -> {
            err.println("m2mkit grade: " + ex.getMessage() + " (see: m2mkit grade --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof UserError) {
                err.println("m2mkit grade: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cli.execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (starter != null) {
            if (lab != null || submission != null || results != null) {
                throw new UserError("--starter writes a starter kit; it does not take --lab, --submission or --results");
            }
            if (starterDir == null) {
                throw new UserError("--starter needs a folder: m2mkit grade --starter " + starter + " DIR");
            }
            Lab kitLab = Labs.parse(starter);
            int n = StarterKit.write(kitLab, starterDir);
            out.println("Wrote the " + kitLab.id() + " lab's starter kit (" + n + " files) to " + starterDir
                    + "; run 'mvn test' there.");
            return 0;
        }
        if (lab == null || submission == null) {
            String ids = String.join("|", new LabIds());
            throw new UserError("give --lab " + ids + " and --submission PATH (or --starter " + ids + " DIR)");
        }
        if (starterDir != null) {
            throw new UserError("unexpected argument " + starterDir + "; the submission goes after --submission");
        }
        if (!format.equals("gradescope") && !format.equals("prairielearn")) {
            throw new UserError("--format " + format + " is not known; use gradescope or prairielearn");
        }
        SandboxPolicy policy = SandboxPolicy.parse(sandbox);
        if (policy == null) {
            throw new UserError("--sandbox " + sandbox + " is not known; use bwrap, or plain (unsafe) for code you trust");
        }
        Lab theLab = Labs.parse(lab);
        Submission sub = Submission.fromPath(submission);
        GradeResult result;
        try (Grader grader = Grader.start(GraderConfig.defaults().withPoolSize(0).withSandbox(policy))) {
            if (grader.unavailable() != null) {
                throw new UserError(grader.unavailable());
            }
            result = grader.grade(theLab, sub, visibleOnly);
        } catch (UserError e) {
            throw e;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("m2mkit grade: the grader failed: " + e);
            return 1;
        }
        var node = format.equals("gradescope") ? ResultsJson.gradescope(result) : ResultsJson.prairieLearn(result);
        if (json) {
            out.println(ResultsJson.text(node));
        } else {
            printSummary(out, result);
        }
        if (results != null) {
            try {
                ResultsJson.write(node, results);
            } catch (IOException e) {
                throw new UserError("cannot write " + results + ": " + e.getMessage());
            }
            if (!json) {
                out.println("Results written to " + results);
            }
        }
        return 0;
    }

    /** The registered labs' ids, for the help text and messages. */
    static final class LabIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Labs.all().stream().map(Lab::id).iterator();
        }
    }

    static void printSummary(PrintWriter out, GradeResult r) {
        if (!r.gradable()) {
            out.println(r.output());
            return;
        }
        List<String> lines = r.output().lines().toList();
        out.println(lines.get(0));
        for (TestResult t : r.tests()) {
            out.printf(Locale.ROOT, "  %s %-5s %5s/%-5s %s%n", t.passed() ? "PASS" : "FAIL", t.number(),
                    points(t.score()), points(t.maxScore()), t.name());
            if (!t.passed()) {
                out.println("               " + t.message());
            }
        }
        lines.stream().skip(1).forEach(out::println);
    }

    private static String points(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : String.format(Locale.ROOT, "%.2f", p);
    }
}
