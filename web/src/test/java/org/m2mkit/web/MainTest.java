package org.m2mkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsTheSubcommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("serve").contains("Commands:");
    }

    @Test
    void eachSubcommandCanBeStartedOnItsOwnWithTheSameUsage() {
        Map<String, CommandLine> all = new CommandLine(new Main()).getSubcommands();
        assertThat(Main.COMMANDS.keySet()).containsExactlyInAnyOrderElementsOf(
                all.keySet().stream().filter(name -> !name.equals("help")).toList());
        for (String name : Main.COMMANDS.keySet()) {
            StringWriter direct = new StringWriter();
            Main.run(new String[] {name, "--help"}, new PrintWriter(direct, true), new PrintWriter(new StringWriter(), true));
            assertThat(direct.toString()).as(name).isEqualTo(all.get(name).getUsageMessage());
        }
    }

    @Test
    void aBadSettingEndsWithOneLineAndExitStatus2() {
        assertThat(run("serve", "--port", "abc")).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("m2mkit: setting 'port' (from --port): 'abc'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnwritableDataDirectoryEndsWithOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThat(run("serve", "--port", "0", "--data", file.resolve("data").toString())).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString().startsWith("m2mkit: setting 'data'");
    }

    @Test
    void anUnknownOptionSaysWhereToLook() {
        assertThat(run("serve", "--prot", "8080")).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString()
                .contains("Unknown options: '--prot'").contains("m2mkit serve --help");
    }

    @Test
    void checkStartsAThrowAwayKitAndReportsThatEverythingAnswered() {
        assertThat(run("check")).as("m2mkit check; its errors: %s", err).isZero();
        assertThat(out.toString()).contains("checked").contains("the kit is ready");
        assertThat(err.toString()).isEmpty();
    }
}
