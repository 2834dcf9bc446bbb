package org.m2mkit.grader.sandbox;

import java.time.Duration;

/**
 * What a sandbox child may use. The defaults suit a laptop and both labs; {@link #validate()} names a bad value.
 *
 * @param caseTimeout       wall time for one test case before the child is killed
 * @param scaleTimeout      wall time for one run of the gateway scale test
 * @param cpuSeconds        CPU seconds a child may use in its whole life (RLIMIT_CPU)
 * @param heapMb            Java heap (-Xmx)
 * @param metaspaceMb       class metadata (-XX:MaxMetaspaceSize)
 * @param maxThreads        threads of the child JVM, its own included
 * @param maxRssMb          resident memory of the child before it is killed
 * @param addressSpaceMb    virtual memory (RLIMIT_AS), a backstop against native allocation
 * @param outputBytes       what the student's code may print in one case
 * @param fileBytes         largest file the student's code may write in its scratch directory (RLIMIT_FSIZE)
 * @param gradingBudget     wall time for a whole grading; cases not started by then fail as not run
 * @param scratchMb         bytes the student's code may keep in its writable places all together (the scratch
 *                          directory, {@code /tmp} and {@code /dev/shm}, each a size-capped tmpfs under bubblewrap),
 *                          counted in {@code maxRssMb} too since a tmpfs lives in memory
 * @param scratchFiles      files and folders the student's code may make there all together
 */
public record Limits(Duration caseTimeout, Duration scaleTimeout, int cpuSeconds, int heapMb, int metaspaceMb,
                     int maxThreads, int maxRssMb, int addressSpaceMb, long outputBytes, long fileBytes,
                     Duration gradingBudget, int scratchMb, int scratchFiles) {

    /** Each of {@code /tmp} and {@code /dev/shm} is a tmpfs of this size under bubblewrap; scratch has the rest. */
    public static final int SMALL_TMPFS_MB = 8;

    public static Limits defaults() {
        return new Limits(Duration.ofSeconds(2), Duration.ofSeconds(20), 60, 128, 64, 64, 320, 1_600,
                1L << 20, 8L << 20, Duration.ofSeconds(30), 32, 1_000);
    }

    /** The same limits with another wall-time budget for a whole grading. */
    public Limits withGradingBudget(Duration budget) {
        return new Limits(caseTimeout, scaleTimeout, cpuSeconds, heapMb, metaspaceMb, maxThreads, maxRssMb,
                addressSpaceMb, outputBytes, fileBytes, budget, scratchMb, scratchFiles);
    }

    /** The same limits with another scratch budget. */
    public Limits withScratch(int mb, int files) {
        return new Limits(caseTimeout, scaleTimeout, cpuSeconds, heapMb, metaspaceMb, maxThreads, maxRssMb,
                addressSpaceMb, outputBytes, fileBytes, gradingBudget, mb, files);
    }

    public Limits validate() {
        positive("caseTimeout", caseTimeout.toMillis());
        positive("scaleTimeout", scaleTimeout.toMillis());
        positive("gradingBudget", gradingBudget.toMillis());
        atLeast("cpuSeconds", cpuSeconds, 5);
        atLeast("heapMb", heapMb, 32);
        atLeast("metaspaceMb", metaspaceMb, 32);
        atLeast("maxThreads", maxThreads, 24);
        atLeast("maxRssMb", maxRssMb, heapMb + metaspaceMb + 64);
        atLeast("addressSpaceMb", addressSpaceMb, 1_200);
        atLeast("outputBytes", outputBytes, 1_024);
        atLeast("fileBytes", fileBytes, 1_024);
        atLeast("scratchMb", scratchMb, 2);
        atLeast("scratchFiles", scratchFiles, 16);
        return this;
    }

    private static void positive(String key, long value) {
        atLeast(key, value, 1);
    }

    private static void atLeast(String key, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException("grader limit " + key + " = " + value + " is too small; use "
                    + min + " or more");
        }
    }
}
