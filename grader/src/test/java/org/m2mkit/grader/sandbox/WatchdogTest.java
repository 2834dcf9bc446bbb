package org.m2mkit.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WatchdogTest {

    /** The watchdog finds every process a child started, grandchildren included, and nothing else. */
    @Test
    void treeHoldsEveryProcessTheChildStartedAndNoOther() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "sleep 60 & sh -c 'sleep 60 & sleep 60; wait' & wait").start();
        try {
            Set<Long> expected = Set.of();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < end) {
                expected = java.util.stream.Stream.concat(java.util.stream.Stream.of(shell.pid()),
                        shell.descendants().map(ProcessHandle::pid)).collect(Collectors.toSet());
                if (expected.size() == 5) {
                    break;
                }
                Thread.sleep(20);
            }
            assertEquals(5, expected.size(), "the shell, two sleeps, and a shell with two sleeps");
            List<Long> tree = Watchdog.tree(shell.pid());
            assertEquals(tree.size(), Set.copyOf(tree).size(), "no process twice: " + tree);
            assertEquals(expected, Set.copyOf(tree));
            assertEquals(shell.pid(), tree.get(0));
            assertTrue(Watchdog.tree(ProcessHandle.current().pid()).containsAll(tree), "a parent's tree holds its "
                    + "children's");
        } finally {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
        }
    }

    /** A process that is gone has no tree below it, and reading it is no error. */
    @Test
    void aProcessThatEndedHasOnlyItself() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        assertEquals(List.of(done.pid()), Watchdog.tree(done.pid()));
    }

    /**
     * The checks stop when the last child is forgotten and start again with the next one: a child that starts
     * a program is still ended, with the reason, after the watchdog had nothing to watch for a while.
     */
    @Test
    void checksStartAgainAfterTheWatchdogHadNothingToWatch() throws Exception {
        java.nio.file.Path scratch = java.nio.file.Files.createTempDirectory("watchdog-test");
        try (Watchdog watchdog = new Watchdog(org.m2mkit.grader.jshell.JShellSettings.defaults().sandbox(), 20,
                "watchdog-test")) {
            for (int round = 0; round < 2; round++) {
                Child child = new Child(new ProcessBuilder("sh", "-c", "sleep 60 & wait").start(), scratch, false,
                        false);
                try {
                    child.watchFromNow();
                    watchdog.watch(child);
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (child.killReason() == null && System.nanoTime() < end) {
                        Thread.sleep(20);
                    }
                    assertEquals("it started another process (sleep); submissions may not run programs",
                            child.killReason(), "round " + round);
                } finally {
                    watchdog.forget(child);
                    child.kill("the test ended");
                }
                Thread.sleep(100); // nothing watched meanwhile
            }
        }
    }
}
