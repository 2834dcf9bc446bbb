package org.m2mkit.grader;

import java.nio.file.Path;
import org.m2mkit.grader.sandbox.Limits;

/**
 * Settings of a {@link Grader}. Every value has a default that suits a two-core laptop; {@link #validate()}
 * names a bad key, its value and what would be accepted.
 *
 * @param poolSize       child JVMs kept started and ready (0: start each one cold)
 * @param concurrency    gradings run at once
 * @param queueCapacity  submissions that may wait for a grading slot before new ones are refused
 * @param limits         what a sandbox child may use
 * @param workDir        where sandbox class paths and scratch directories go
 * @param requireBwrap   refuse to start without bubblewrap instead of running in the weaker plain mode
 */
public record GraderConfig(int poolSize, int concurrency, int queueCapacity, Limits limits, Path workDir,
                           boolean requireBwrap) {

    public static GraderConfig defaults() {
        return new GraderConfig(2, 2, 200, Limits.defaults(),
                Path.of(System.getProperty("java.io.tmpdir"), "m2mkit-grader"), false);
    }

    public GraderConfig withPoolSize(int n) {
        return new GraderConfig(n, concurrency, queueCapacity, limits, workDir, requireBwrap);
    }

    public GraderConfig withConcurrency(int n) {
        return new GraderConfig(poolSize, n, queueCapacity, limits, workDir, requireBwrap);
    }

    public GraderConfig withQueueCapacity(int n) {
        return new GraderConfig(poolSize, concurrency, n, limits, workDir, requireBwrap);
    }

    public GraderConfig withLimits(Limits l) {
        return new GraderConfig(poolSize, concurrency, queueCapacity, l, workDir, requireBwrap);
    }

    public GraderConfig withWorkDir(Path dir) {
        return new GraderConfig(poolSize, concurrency, queueCapacity, limits, dir, requireBwrap);
    }

    public GraderConfig withRequireBwrap(boolean require) {
        return new GraderConfig(poolSize, concurrency, queueCapacity, limits, workDir, require);
    }

    public GraderConfig validate() {
        range("grader.poolSize", poolSize, 0, 32);
        range("grader.concurrency", concurrency, 1, 16);
        range("grader.queueCapacity", queueCapacity, 1, 100_000);
        if (workDir == null) {
            throw new IllegalArgumentException("grader.workDir is not set; give a writable directory");
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
