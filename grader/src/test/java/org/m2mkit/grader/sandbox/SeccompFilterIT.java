package org.m2mkit.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seccomp filter under a real bubblewrap, on its own (without the JVM's sealed process launcher): threads
 * still start, processes do not, and the refusal is the same every time.
 */
class SeccompFilterIT {
    @TempDir
    static Path dir;
    static Path filter;

    @BeforeAll
    static void write() throws IOException {
        byte[] program = SeccompFilter.forThisMachine().orElse(null);
        assumeTrue(program != null, "no seccomp filter for this CPU");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/bwrap")), "needs bubblewrap");
        filter = dir.resolve("filter.bpf");
        Files.write(filter, program);
    }

    /** Runs a command under bubblewrap with the filter; returns its exit status and output. */
    private static Result run(String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$@\" 3<\"$0\"", filter.toString(),
                "/usr/bin/bwrap", "--unshare-all", "--die-with-parent", "--cap-drop", "ALL", "--seccomp", "3",
                "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                "--symlink", "usr/bin", "/bin", "--proc", "/proc", "--dev", "/dev"));
        String javaHome = Path.of(System.getProperty("java.home")).toRealPath().toString();
        if (!javaHome.startsWith("/usr/")) {
            cmd.addAll(List.of("--ro-bind", javaHome, javaHome));
        }
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    record Result(int status, String output) {
    }

    @Test
    void aJvmStartsAndRunsItsThreads() throws Exception {
        String java = Path.of(System.getProperty("java.home")).toRealPath().resolve("bin/java").toString();
        Result r = run(java, "-XX:+UseSerialGC", "-version");
        assertThat(r.status()).as(r.output()).isZero();
    }

    @Test
    void aShellCannotStartACommand() throws Exception {
        for (int i = 0; i < 3; i++) {
            Result r = run("/usr/bin/sh", "-c", "/usr/bin/true; echo ran");
            // the shell's fork fails with EPERM, which dash reports as "Cannot fork" before it gives up
            assertThat(r.output()).contains("Cannot fork").doesNotContain("ran");
            assertThat(r.status()).isNotZero();
        }
    }

    @Test
    void withoutTheFilterTheSameShellRunsIt() throws Exception {
        Process p = new ProcessBuilder("/usr/bin/bwrap", "--unshare-all", "--die-with-parent", "--ro-bind", "/usr",
                "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64", "--symlink", "usr/bin",
                "/bin", "--proc", "/proc", "--dev", "/dev", "/usr/bin/sh", "-c", "/usr/bin/true && echo ran")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("ran").doesNotContain("Cannot fork");
    }
}
