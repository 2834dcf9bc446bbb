package org.m2mkit.grader.jshell;

import java.time.Duration;
import org.m2mkit.grader.sandbox.Limits;

/**
 * How the JShell engines run. The defaults suit a laptop serving a class; {@link #validate()} names a bad value.
 *
 * @param evalTimeout   wall time one snippet may run before it is stopped
 * @param stopGrace     how long a stopped snippet may take to end before its engine is killed
 * @param poolSize      engines kept started and ready for new sessions
 * @param maxEngines    engines alive at once (sessions beyond this wait for an idle one to be evicted)
 * @param outputBytes   what one snippet's printing may add to its answer
 * @param maxCellChars  longest cell accepted
 * @param sandbox       the limits of each engine's child JVM (CPU seconds are for the engine's whole life)
 */
public record JShellSettings(Duration evalTimeout, Duration stopGrace, int poolSize, int maxEngines,
                             int outputBytes, int maxCellChars, Limits sandbox) {

    public static JShellSettings defaults() {
        Duration eval = Duration.ofSeconds(3);
        int output = 16 * 1024;
        return new JShellSettings(eval, Duration.ofSeconds(1), 2, 60, output, 20_000,
                new Limits(eval, Duration.ofSeconds(20), 900, 64, 64, 64, 320, 1_600, output, 8L << 20,
                        Duration.ofSeconds(120), 32, 1_000));
    }

    public JShellSettings withEvalTimeout(Duration timeout) {
        return new JShellSettings(timeout, stopGrace, poolSize, maxEngines, outputBytes, maxCellChars, sandbox);
    }

    public JShellSettings withStopGrace(Duration grace) {
        return new JShellSettings(evalTimeout, grace, poolSize, maxEngines, outputBytes, maxCellChars, sandbox);
    }

    public JShellSettings withPool(int size, int max) {
        return new JShellSettings(evalTimeout, stopGrace, size, max, outputBytes, maxCellChars, sandbox);
    }

    public JShellSettings withSandbox(Limits limits) {
        return new JShellSettings(evalTimeout, stopGrace, poolSize, maxEngines, outputBytes, maxCellChars, limits);
    }

    public JShellSettings validate() {
        if (evalTimeout.toMillis() < 100 || evalTimeout.toSeconds() > 120) {
            throw new IllegalArgumentException("jshell evalTimeout = " + evalTimeout.toMillis()
                    + " ms is out of range; use 100 ms to 120 s");
        }
        if (stopGrace.toMillis() < 100) {
            throw new IllegalArgumentException("jshell stopGrace = " + stopGrace.toMillis()
                    + " ms is too small; use 100 ms or more");
        }
        if (poolSize < 0 || poolSize > 32) {
            throw new IllegalArgumentException("jshell poolSize = " + poolSize + " is out of range; use 0 to 32");
        }
        if (maxEngines < 1 || maxEngines > 1_000) {
            throw new IllegalArgumentException("jshell maxEngines = " + maxEngines
                    + " is out of range; use 1 to 1000");
        }
        if (outputBytes < 1_024) {
            throw new IllegalArgumentException("jshell outputBytes = " + outputBytes
                    + " is too small; use 1024 or more");
        }
        if (maxCellChars < 100) {
            throw new IllegalArgumentException("jshell maxCellChars = " + maxCellChars
                    + " is too small; use 100 or more");
        }
        sandbox.validate();
        return this;
    }
}
