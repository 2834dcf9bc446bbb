package org.m2mkit.labs.run;

/** How a run is timed. */
public enum Mode {
    /** The figure's timings: alert 100 ms, report 500 ms, prediction 1 s, command 1.5 s, confirmation 2 s. */
    PACED,
    /** As fast as the machine goes: for tests and benchmarks. */
    FAST
}
