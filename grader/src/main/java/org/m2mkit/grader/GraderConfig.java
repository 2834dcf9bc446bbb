package org.m2mkit.grader;

import java.nio.file.Path;
import org.m2mkit.grader.sandbox.Limits;
import org.m2mkit.grader.sandbox.SandboxPolicy;

/**
 * Settings of a {@link Grader}. Every value has a default that suits a two-core laptop; {@link #validate()}
 * names a bad key, its value and what would be accepted.
 *
 * @param poolSize       child JVMs kept started and ready (0: start each one cold)
 * @param concurrency    gradings run at once
 * @param queueCapacity  submissions that may wait for a grading slot before new ones are refused
 * @param limits         what a sandbox child may use
 * @param workDir        where sandbox class paths and scratch directories go
 * @param sandbox        BWRAP (the default: bubblewrap, or no student code at all) or PLAIN (unsafe, by name)
 */
public record GraderConfig(int poolSize, int concurrency, int queueCapacity, Limits limits, Path workDir,
                           SandboxPolicy sandbox) {

    public static GraderConfig defaults() {
        return new GraderConfig(2, 2, 200, Limits.defaults(),
                Path.of(System.getProperty("java.io.tmpdir"), "m2mkit-grader-" + System.getProperty("user.name")),
                SandboxPolicy.BWRAP);
    }

    public GraderConfig withPoolSize(int n) {
        return new GraderConfig(n, concurrency, queueCapacity, limits, workDir, sandbox);
    }

    public GraderConfig withConcurrency(int n) {
        return new GraderConfig(poolSize, n, queueCapacity, limits, workDir, sandbox);
    }

    public GraderConfig withQueueCapacity(int n) {
        return new GraderConfig(poolSize, concurrency, n, limits, workDir, sandbox);
    }

    public GraderConfig withLimits(Limits l) {
        return new GraderConfig(poolSize, concurrency, queueCapacity, l, workDir, sandbox);
    }

    public GraderConfig withWorkDir(Path dir) {
        return new GraderConfig(poolSize, concurrency, queueCapacity, limits, dir, sandbox);
    }

    public GraderConfig withSandbox(SandboxPolicy policy) {
        return new GraderConfig(poolSize, concurrency, queueCapacity, limits, workDir, policy);
    }

    public GraderConfig validate() {
        range("grader.poolSize", poolSize, 0, 32);
        range("grader.concurrency", concurrency, 1, 16);
        range("grader.queueCapacity", queueCapacity, 1, 100_000);
        if (workDir == null) {
            throw new IllegalArgumentException("grader.workDir is not set; give a writable directory");
        }
        if (sandbox == null) {
            throw new IllegalArgumentException("grader.sandbox is not set; use BWRAP or PLAIN");
        }
        limits.validate();
        return this;
    }

    private static void range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " = " + value + " is out of range; use " + min + " to " + max);
        }
    }
}
