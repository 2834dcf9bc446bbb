package org.m2mkit.web.quizzes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.content.questions.GiftParser;
import org.m2mkit.content.questions.MoodleXml;
import org.m2mkit.labs.UserError;
import org.m2mkit.web.db.DbLogin;
import org.m2mkit.web.testing.TestDatabase;
import picocli.CommandLine;

/** {@code m2mkit quiz import|export} against a real H2 database in a data directory. */
class QuizCommandTest {

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new QuizCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserError) {
                commandLine.getErr().println("m2mkit: " + ex.getMessage());
                commandLine.getErr().flush();
                return 2;
            }
            throw ex;
        });
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/quizzes/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void importAndExportWorkOnPostgresqlWithTheDatabaseFlags() throws IOException {
        String url = TestDatabase.POSTGRESQL.newUrl(dir);
        DbLogin login = TestDatabase.POSTGRESQL.login();
        String[] db = {"--data", dir.resolve("data").toString(), "--db-url", url, "--db-user", login.user(),
                "--db-password", login.password()};
        Run imported = run(concat(new String[] {"import", resource("every-type.gift").toString(), "--bank", "M2M"}, db));
        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported 15 questions");
        Path out = dir.resolve("out/m2m.gift");
        Run exported = run(concat(new String[] {"export", "--bank", "M2M", "--format", "gift", "--out", out.toString()}, db));
        assertThat(exported.status()).as(exported.err()).isZero();
        assertThat(new GiftParser().parse(Files.readString(out), "out")).hasSize(15);
        Run wrong = run("export", "--bank", "M2M", "--format", "gift", "--out", out.toString(), "--data",
                dir.resolve("data").toString(), "--db-url", url, "--db-user", login.user(),
                "--db-password", "not-the-password-9");
        assertThat(wrong.status()).isEqualTo(2);
        assertThat(wrong.err()).contains("cannot be opened").doesNotContain("not-the-password-9");
    }

    static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    }

    @Test
    void importThenExportGivesTheSameBankInBothFormats() throws IOException {
        Path gift = resource("every-type.gift");
        String data = dir.resolve("data").toString();
        Run imported = run("import", gift.toString(), "--bank", "M2M", "--data", data);
        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported 15 questions").contains("'M2M'");

        Path outGift = dir.resolve("out/m2m.gift");
        assertThat(run("export", "--bank", "M2M", "--format", "gift", "--out", outGift.toString(), "--data", data).status()).isZero();
        var original = new GiftParser().parse(Files.readString(gift), "in");
        assertThat(new GiftParser().parse(Files.readString(outGift), "out")).isEqualTo(original);

        Path outXml = dir.resolve("out/m2m.xml");
        assertThat(run("export", "--bank", "M2M", "--format", "xml", "--out", outXml.toString(), "--data", data).status()).isZero();
        assertThat(new MoodleXml().read(Files.readString(outXml), "out")).isEqualTo(original);

        assertThat(run("import", outXml.toString(), "--bank", "Again", "--data", data).status()).isZero();
        Path again = dir.resolve("out/again.gift");
        run("export", "--bank", "Again", "--format", "gift", "--out", again.toString(), "--data", data);
        assertThat(Files.readString(again)).isEqualTo(Files.readString(outGift));
    }

    @Test
    void aMalformedFileIsRefusedWholeWithEveryProblem() throws IOException {
        Path bad = resource("malformed.gift");
        String data = dir.resolve("data").toString();
        Run r = run("import", bad.toString(), "--data", data);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("5 problems, nothing imported").contains("line 4 (question \"Bad weight\")")
                .contains("line 12 (question \"Bad range\")");
        Run export = run("export", "--bank", "malformed", "--format", "gift", "--out", dir.resolve("x").toString(), "--data", data);
        assertThat(export.status()).isEqualTo(2);
        assertThat(export.err()).contains("there is no bank 'malformed'; banks: none yet");
    }

    @Test
    void mistakesAreOneClearLine() throws IOException {
        String data = dir.resolve("data").toString();
        Run missing = run("import", dir.resolve("nope.gift").toString(), "--data", data);
        assertThat(missing.err().strip()).isEqualTo("m2mkit: the file " + dir.resolve("nope.gift") + " does not exist");
        Run format = run("import", resource("sample.xml").toString(), "--format", "yaml", "--data", data);
        assertThat(format.err().strip()).isEqualTo("m2mkit: --format 'yaml' is not accepted; accepted: gift, xml");
        Run xml = run("import", dir.resolve("sample.xml").toString(), "--data", data);
        assertThat(xml.status()).isZero();
        assertThat(xml.out()).contains("Imported 3 questions").contains("bank 'sample'");
    }

    @Test
    void aFileInAnotherEncodingIsRefusedWhereItBreaksAndUtf16WithItsMarkIsRead() throws IOException {
        String data = dir.resolve("data").toString();
        String gift = "::Q1:: Which protocol suits a meter? {=MQTT ~CoAP}\n\n::Q2:: Gerät {T}\n";
        Path latin1 = Files.write(dir.resolve("latin1.gift"), gift.getBytes(StandardCharsets.ISO_8859_1));
        Run refused = run("import", latin1.toString(), "--data", data);
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("latin1.gift: the file is not UTF-8 text: at line 3 (byte "
                + (gift.indexOf('ä') + 1) + " of the file)");
        Path utf16 = Files.write(dir.resolve("utf16.gift"), gift.getBytes(StandardCharsets.UTF_16));
        Run read = run("import", utf16.toString(), "--data", data);
        assertThat(read.status()).as(read.err()).isZero();
        assertThat(read.out()).contains("Imported 2 questions");
    }
}
