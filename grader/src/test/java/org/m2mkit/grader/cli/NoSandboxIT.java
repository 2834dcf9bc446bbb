package org.m2mkit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code m2mkit grade} on a machine without bubblewrap (a PATH that has none): it refuses to run the submission,
 * in one line that says how to install bubblewrap or opt in, unless the plain mode is chosen by name.
 */
class NoSandboxIT {
    private static final String REFERENCE = "src/test/resources/fixtures/gateway/mutants/UnitsAscending.java";

    record Run(int status, String out, String err) {
    }

    /** The grade command in a JVM of its own whose PATH has no bubblewrap (it still has sh for the limits). */
    private static Run grade(Path dir, String... args) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("sh", "true")) {
            Path link = bin.resolve(tool);
            if (Files.notExists(link)) {
                Files.createSymbolicLink(link, Path.of("/bin", tool));
            }
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GradeCommand.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("PATH", bin.toString());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the grade command ends").isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void withoutBubblewrapTheSubmissionIsNotRun(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results.json");
        Run r = grade(dir, "--lab", "gateway", "--submission", REFERENCE, "--results", results.toString());
        assertThat(r.status()).as(r.err()).isEqualTo(2);
        List<String> lines = r.err().lines().filter(l -> l.startsWith("m2mkit grade:")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("bubblewrap (bwrap) is not installed").contains("sudo apt-get install bubblewrap")
                .contains("--sandbox plain");
        assertThat(r.err()).doesNotContain("\tat ");
        assertThat(results).doesNotExist();
    }

    @Test
    void thePlainModeRunsItWhenChosenByName(@TempDir Path dir) throws Exception {
        Run r = grade(dir, "--lab", "gateway", "--submission", REFERENCE, "--sandbox", "plain");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("PASS 1.1");
    }
}
