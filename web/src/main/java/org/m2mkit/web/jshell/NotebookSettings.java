package org.m2mkit.web.jshell;

import java.time.Duration;
import org.m2mkit.grader.jshell.JShellSettings;

/**
 * How the lesson notebooks run: the engines' settings, and what one student may use.
 *
 * @param idleTimeout        a session not used this long is closed (its engine goes back to the pool)
 * @param sessionsPerStudent notebooks one student may keep open (one per lesson); the oldest is closed beyond it
 * @param runsPerMinute      cell runs (evaluate, replay, reset, new session) one student may make a minute
 * @param runBurst           runs a student may make at once before the per-minute rate applies
 * @param lookupsPerMinute   completions and documentation look-ups a student may make a minute
 */
public record NotebookSettings(Duration idleTimeout, int sessionsPerStudent, int runsPerMinute, int runBurst,
                               int lookupsPerMinute, JShellSettings engines) {

    public static NotebookSettings defaults() {
        return new NotebookSettings(Duration.ofMinutes(20), 4, 60, 20, 600, JShellSettings.defaults());
    }

    public NotebookSettings withIdleTimeout(Duration idle) {
        return new NotebookSettings(idle, sessionsPerStudent, runsPerMinute, runBurst, lookupsPerMinute, engines);
    }

    public NotebookSettings withRates(int runsPerMinute, int runBurst, int lookupsPerMinute) {
        return new NotebookSettings(idleTimeout, sessionsPerStudent, runsPerMinute, runBurst, lookupsPerMinute,
                engines);
    }

    public NotebookSettings withEngines(JShellSettings settings) {
        return new NotebookSettings(idleTimeout, sessionsPerStudent, runsPerMinute, runBurst, lookupsPerMinute,
                settings);
    }

    public NotebookSettings validate() {
        if (idleTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("jshell idleTimeout = " + idleTimeout.toMillis()
                    + " ms is too small; use 1 s or more");
        }
        atLeast("sessionsPerStudent", sessionsPerStudent, 1);
        atLeast("runsPerMinute", runsPerMinute, 1);
        atLeast("runBurst", runBurst, 1);
        atLeast("lookupsPerMinute", lookupsPerMinute, 1);
        engines.validate();
        return this;
    }

    private static void atLeast(String key, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException("jshell " + key + " = " + value + " is too small; use " + min
                    + " or more");
        }
    }
}
