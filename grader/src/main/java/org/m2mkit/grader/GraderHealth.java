package org.m2mkit.grader;

/**
 * What the grader can do right now.
 *
 * @param compilerAvailable whether javax.tools has a compiler (a JDK, not a JRE)
 * @param sandbox           "bwrap", "plain" (unsafe, chosen by name) or "none" (student code is not run)
 * @param sandboxDetail     what the sandbox mode confines
 * @param poolSize          child JVMs the pool keeps ready
 * @param poolReady         child JVMs ready now
 * @param queued            submissions waiting
 * @param running           gradings in progress
 */
public record GraderHealth(boolean compilerAvailable, String sandbox, String sandboxDetail, int poolSize,
                           int poolReady, int queued, int running) {
    public boolean ok() {
        return compilerAvailable && !"none".equals(sandbox);
    }

    /** Grading works, but without isolation: fine for trusted code only. */
    public boolean unsafe() {
        return "plain".equals(sandbox);
    }
}
