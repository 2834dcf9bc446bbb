package org.m2mkit.grader.sandbox;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Checks busy children a few dozen times a second against the limits the JVM itself cannot enforce: threads,
 * resident memory, what the student's code keeps in its writable folders, and processes it started (where no
 * seccomp filter refuses them first). A child over a limit is killed with a reason.
 */
public final class Watchdog implements AutoCloseable {
    private static final Set<String> OWN = Set.of("bwrap", "java");
    /** Whether this kernel lists each thread's child processes (where not, every process of the machine is read). */
    private static final boolean CHILDREN_LISTS = Files.isReadable(Path.of("/proc/thread-self/children"));

    private final Limits limits;
    private final List<Child> children = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private final long periodMillis;
    /** The periodic check, while some child is watched. */
    private java.util.concurrent.ScheduledFuture<?> checks;

    public Watchdog(Limits limits, long periodMillis) {
        this(limits, periodMillis, "grader-watchdog");
    }

    /** @param threadName names the watchdog's thread, so that a profile tells the grader's from the notebooks' */
    public Watchdog(Limits limits, long periodMillis, String threadName) {
        this.limits = limits;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.periodMillis = periodMillis;
    }

    /** Checks {@code child} from now on; the checks run only while there is a child to check. */
    public synchronized void watch(Child child) {
        children.add(child);
        if (checks == null && !timer.isShutdown()) {
            checks = timer.scheduleWithFixedDelay(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        }
    }

    public synchronized void forget(Child child) {
        children.remove(child);
        if (children.isEmpty() && checks != null) {
            // an idle server with no child alive wakes no thread for this
            checks.cancel(false);
            checks = null;
        }
    }

    private void check() {
        for (Child child : children) {
            if (!child.watched() || !child.process().isAlive()) {
                continue;
            }
            try {
                inspect(child);
            } catch (RuntimeException e) {
                // a process vanished while it was being read; the next round sees the new state
            }
        }
    }

    private void inspect(Child child) {
        int threads = 0;
        long rssKb = 0;
        int javas = 0;
        long jvm = -1;
        String stranger = null;
        for (long pid : tree(child.process().pid())) {
            Status s = Status.read(pid);
            if (s == null) {
                continue;
            }
            threads += s.threads();
            rssKb += s.rssKb();
            if (s.name().equals("java")) {
                javas++;
                jvm = pid;
            } else if (!OWN.contains(s.name())) {
                stranger = s.name();
            }
        }
        if (stranger != null || javas > 1) {
            child.kill("it started another process" + (stranger == null ? "" : " (" + stranger + ")")
                    + "; submissions may not run programs");
        } else if (threads > limits.maxThreads() + 2) {
            child.kill("it started too many threads (limit " + limits.maxThreads() + " threads in the JVM)");
        } else if (rssKb > limits.maxRssMb() * 1024L) {
            child.kill("it used more memory than allowed (limit " + limits.maxRssMb() + " MB resident)");
        } else if (jvm > 0) {
            Stored stored = Stored.count(child.writable(jvm), limits.scratchFiles());
            if (stored.files() > limits.scratchFiles()) {
                child.kill("it made too many files (limit " + limits.scratchFiles() + " files and folders in its "
                        + "scratch directory and temporary folders)");
            } else if (stored.bytes() > limits.scratchMb() * (1L << 20)) {
                child.kill("it stored too much data (limit " + limits.scratchMb() + " MB in its scratch directory "
                        + "and temporary folders)");
            } else if (rssKb + stored.bytes() / 1024 > limits.maxRssMb() * 1024L) {
                child.kill("it used more memory than allowed (limit " + limits.maxRssMb() + " MB, files it keeps in "
                        + "memory-backed folders included)");
            }
        }
    }

    /**
     * A process and everything it started, read from the {@code children} lists of its threads in /proc: only the
     * child's own processes are read, where {@link ProcessHandle#descendants()} reads every process of the machine
     * (a few hundred files per look on a busy server, several times a second per child).
     */
    static List<Long> tree(long root) {
        if (!CHILDREN_LISTS) {
            try (Stream<ProcessHandle> d = ProcessHandle.of(root).stream().flatMap(ProcessHandle::descendants)) {
                return Stream.concat(Stream.of(root), d.map(ProcessHandle::pid)).toList();
            }
        }
        List<Long> tree = new ArrayList<>();
        tree.add(root);
        for (int i = 0; i < tree.size(); i++) {
            Path tasks = Path.of("/proc", Long.toString(tree.get(i)), "task");
            try (Stream<Path> threads = Files.list(tasks)) {
                for (Path task : (Iterable<Path>) threads::iterator) {
                    String children;
                    try {
                        children = Files.readString(task.resolve("children"));
                    } catch (IOException e) {
                        continue; // the thread ended while it was being read
                    }
                    for (String pid : children.trim().split(" ")) {
                        if (!pid.isEmpty()) {
                            tree.add(Long.parseLong(pid));
                        }
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // the process ended while it was being read: it has no children left to look at
            }
        }
        return tree;
    }

    /** Files and bytes under some folders, counted up to just past a budget of files (so a flood costs little). */
    record Stored(int files, long bytes) {
        static Stored count(List<Path> roots, int maxFiles) {
            int[] files = {0};
            long[] bytes = {0};
            for (Path root : roots) {
                try {
                    Files.walkFileTree(root, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return dir.equals(root) ? FileVisitResult.CONTINUE : counted(attrs);
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            return counted(attrs);
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException exc) {
                            return FileVisitResult.CONTINUE;
                        }

                        private FileVisitResult counted(BasicFileAttributes attrs) {
                            files[0]++;
                            bytes[0] += attrs.size();
                            return files[0] > maxFiles ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                        }
                    });
                } catch (IOException e) {
                    // the folder is gone (the child ended) or not readable: nothing to count there
                }
                if (files[0] > maxFiles) {
                    break;
                }
            }
            return new Stored(files[0], bytes[0]);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** The few fields of /proc/PID/status the watchdog needs. */
    private record Status(String name, int threads, long rssKb) {
        static Status read(long pid) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            } catch (IOException e) {
                return null;
            }
            String name = "";
            int threads = 0;
            long rss = 0;
            for (String l : lines) {
                if (l.startsWith("Name:")) {
                    name = l.substring(5).strip();
                } else if (l.startsWith("Threads:")) {
                    threads = Integer.parseInt(l.substring(8).strip());
                } else if (l.startsWith("VmRSS:")) {
                    rss = Long.parseLong(l.substring(6).replace("kB", "").strip());
                }
            }
            return new Status(name, threads, rss);
        }
    }
}
