package org.m2mkit.web;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.m2mkit.grader.cli.GradeCommand;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.cli.LabCommand;
import org.m2mkit.web.accounts.cli.AccountsCommand;
import org.m2mkit.web.quizzes.cli.QuizCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code m2mkit}: the one program of the kit; each capability is a subcommand. */
@Command(name = "m2mkit", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "M2M Lab Kit: lessons, live M2M labs, autograder and quizzes for the chapter "
                + "\"Machine-to-Machine (M2M) Communication\".",
        subcommands = {ServeCommand.class, WorkerCommand.class, CheckCommand.class, LabCommand.class, GradeCommand.class, QuizCommand.class,
            AccountsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Jetty starts the platform MBean server (about 0.1 s of a start on two cores) only to learn whether object
        // references are compressed, which sizes padding in its queues; they are below 32 GB of heap.
        if (System.getProperty(JETTY_REFERENCES) == null) {
            System.setProperty(JETTY_REFERENCES, Runtime.getRuntime().maxMemory() < (32L << 30) ? "16" : "8");
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * The subcommands, by name. Picocli builds the model of every command it is given, which for all of them
     * costs about half a second of a start; a command line naming one gets only that one.
     */
    private static final String JETTY_REFERENCES = "org.eclipse.jetty.util.referencesPerCacheLine";

    static final Map<String, Supplier<Object>> COMMANDS = Map.of(
            "serve", ServeCommand::new, "worker", WorkerCommand::new, "check", CheckCommand::new, "lab", LabCommand::new,
            "grade", GradeCommand::new, "quiz", QuizCommand::new, "accounts", AccountsCommand::new);

    /** Runs the command line; a user's mistake prints one line on {@code err} and returns 2. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli;
        String[] rest = args;
        if (args.length > 0 && COMMANDS.containsKey(args[0])) {
            cli = new CommandLine(COMMANDS.get(args[0]).get());
            cli.setCommandName("m2mkit " + args[0]);
            rest = Arrays.copyOfRange(args, 1, args.length);
        } else {
            cli = new CommandLine(new Main());
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, argv) -> {
            err.println("m2mkit: " + ex.getMessage() + " (see: m2mkit " + commandPath(ex.getCommandLine()) + "--help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserError) {
                err.println("m2mkit: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cli.execute(rest);
    }

    private static String commandPath(CommandLine cl) {
        String name = cl.getCommandSpec().qualifiedName(" ");
        return name.equals("m2mkit") ? "" : name.substring("m2mkit ".length()) + " ";
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"M2M Lab Kit " + org.m2mkit.web.app.BuildInfo.load().version()};
        }
    }
}
