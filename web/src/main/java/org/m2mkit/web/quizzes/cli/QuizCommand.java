package org.m2mkit.web.quizzes.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.m2mkit.content.questions.Problem;
import org.m2mkit.content.questions.Question;
import org.m2mkit.labs.UserError;
import org.m2mkit.web.app.TextDecoding;
import org.m2mkit.web.config.ConfigLoader;
import org.m2mkit.web.config.KitConfig;
import org.m2mkit.web.config.Setting;
import org.m2mkit.web.db.Database;
import org.m2mkit.web.quizzes.BankStore;
import org.m2mkit.web.quizzes.QuestionFiles;
import org.m2mkit.web.quizzes.QuizError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code m2mkit quiz import|export}: question banks in and out of the kit's database, in GIFT or Moodle XML. */
@Command(name = "quiz", mixinStandardHelpOptions = true,
        description = "Import and export question banks (GIFT or Moodle XML) in the kit's database.",
        subcommands = {QuizCommand.Import.class, QuizCommand.Export.class})
public final class QuizCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the database is: the same settings as {@code m2mkit serve}. */
    public static class DatabaseOptions {
        @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: ./m2mkit.properties if present)")
        Path configFile;

        @Option(names = "--data", paramLabel = "DIR", description = "data directory (default ./data)")
        String data;

        @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "database URL (default: H2 file in the data directory)")
        String dbUrl;

        @Option(names = "--db-user", paramLabel = "USER", description = "database user (PostgreSQL)")
        String dbUser;

        @Option(names = "--db-password", paramLabel = "PASSWORD", description = "database user's password")
        String dbPassword;

        public Database open() {
            Map<Setting, String> flags = new EnumMap<>(Setting.class);
            if (data != null) {
                flags.put(Setting.DATA, data);
            }
            if (dbUrl != null) {
                flags.put(Setting.DB_URL, dbUrl);
            }
            if (dbUser != null) {
                flags.put(Setting.DB_USER, dbUser);
            }
            if (dbPassword != null) {
                flags.put(Setting.DB_PASSWORD, dbPassword);
            }
            // only the database settings matter here: no port or broker is opened
            flags.put(Setting.PORT, "0");
            flags.put(Setting.BROKER, "embedded");
            flags.put(Setting.BROKER_PORT, "0");
            KitConfig config = new ConfigLoader(System.getenv()).load(configFile, flags);
            try {
                return Database.open(config.dbUrl(), config.dbLogin());
            } catch (UserError e) {
                if (String.valueOf(e.getMessage()).contains("already in use")) {
                    throw new UserError("the database in " + config.dataDir() + " is in use by a running kit; stop "
                            + "'m2mkit serve' first, or import on the web page /quizzes/import", e);
                }
                throw e;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Check a GIFT or Moodle XML file and import all of its questions, or none if any has a problem.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the question file")
        Path file;

        @Option(names = "--format", paramLabel = "gift|xml", description = "file format (default: from the file name, .xml is Moodle XML)")
        String format;

        @Option(names = "--bank", paramLabel = "NAME", description = "bank to add the questions to (default: the file's name)")
        String bank;

        @picocli.CommandLine.Mixin
        DatabaseOptions db = new DatabaseOptions();

        @Override
        public Integer call() {
            String text = read(file);
            String f = format(format == null ? QuestionFiles.guess(file.getFileName().toString()) : format);
            List<Problem> problems = new ArrayList<>();
            List<Question> questions = QuestionFiles.parse(f, text, problems);
            if (!problems.isEmpty()) {
                throw new UserError(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                        + ", nothing imported:\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
            }
            if (questions.isEmpty()) {
                throw new UserError(file + ": holds no question; nothing imported");
            }
            String name = bank != null && !bank.isBlank() ? bank.strip()
                    : file.getFileName().toString().replaceFirst("\\.[A-Za-z]+$", "");
            try (Database database = db.open()) {
                new BankStore(database.dataSource()).importQuestions(name, file.getFileName().toString(), questions, null);
            }
            spec.commandLine().getOut().printf("Imported %d questions from %s into bank '%s'.%n", questions.size(), file, name);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write a bank's questions to a file.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--bank", required = true, paramLabel = "NAME", description = "the bank to export")
        String bank;

        @Option(names = "--format", required = true, paramLabel = "gift|xml", description = "GIFT or Moodle XML")
        String format;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "file to write")
        Path out;

        @picocli.CommandLine.Mixin
        DatabaseOptions db = new DatabaseOptions();

        @Override
        public Integer call() {
            String f = format(format);
            List<Question> questions;
            try (Database database = db.open()) {
                BankStore banks = new BankStore(database.dataSource());
                BankStore.Bank b = banks.bank(bank).orElseThrow(() -> new UserError("there is no bank '" + bank
                        + "'; banks: " + (banks.banks().isEmpty() ? "none yet"
                        : banks.banks().stream().map(x -> "'" + x.name() + "'").collect(Collectors.joining(", ")))));
                questions = banks.export(b.id());
            }
            try {
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(out, QuestionFiles.write(f, questions), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserError("cannot write " + out + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
            }
            spec.commandLine().getOut().printf("Exported %d questions of bank '%s' to %s.%n", questions.size(), bank, out);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    static String format(String format) {
        try {
            return QuestionFiles.check(format);
        } catch (QuizError e) {
            throw new UserError("--format '" + format + "' is not accepted; accepted: gift, xml");
        }
    }

    static String read(Path file) {
        try {
            return TextDecoding.decode(Files.readAllBytes(file));
        } catch (TextDecoding.NotText e) {
            throw new UserError(file + ": " + e.getMessage());
        } catch (NoSuchFileException e) {
            throw new UserError("the file " + file + " does not exist");
        } catch (IOException e) {
            throw new UserError("cannot read " + file + " (" + e.getClass().getSimpleName() + "); accepted: a UTF-8 "
                    + "text file");
        }
    }
}
