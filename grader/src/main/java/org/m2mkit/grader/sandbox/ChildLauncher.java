package org.m2mkit.grader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.m2mkit.grader.child.NoProcesses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts sandbox children. Their class path is a private directory holding only the files its maker gives (for
 * gradings: the labs API and contracts, the child program and the labs' runners, see {@code Labs.sandboxClasses}),
 * copied out of the grader's class path once, so nothing of the grader, its test suites or their expected values
 * is within the child's reach.
 */
public final class ChildLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ChildLauncher.class);
    private static final String BWRAP = "bwrap";

    private final Limits limits;
    private final SandboxMode mode;
    private final Path workRoot;
    private final Path classes;
    private final Path javaHome;
    private final String bwrapPath;
    private final String mainClass;
    private final List<String> mainArgs;
    /** The seccomp program bubblewrap installs on each child, or null in the plain mode or on another CPU. */
    private final Path seccomp;

    /**
     * A launcher of sandbox children under the sandbox rules.
     *
     * @param workRoot  where the child class path and the scratch directories go
     * @param policy    whether bubblewrap is used, required or left out
     * @param files     the child's whole class path, by relative name (see {@link ClassPathTree#read})
     * @param mainClass the class the child runs, with {@code mainArgs}
     */
    public ChildLauncher(Limits limits, Path workRoot, SandboxPolicy policy, TreeMap<String, byte[]> files,
                         String mainClass, List<String> mainArgs) {
        this.limits = limits.validate();
        this.javaHome = realJavaHome();
        this.mainClass = mainClass;
        this.mainArgs = List.copyOf(mainArgs);
        this.workRoot = WorkDirs.newInstance(WorkDirs.ensurePrivate(workRoot));
        try {
            this.classes = Files.createDirectory(this.workRoot.resolve("classpath"));
            ClassPathTree.write(files, classes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the sandbox class path under " + workRoot, e);
        }
        this.bwrapPath = policy == SandboxPolicy.PLAIN ? null : findBwrap();
        if (policy == SandboxPolicy.PLAIN) {
            this.mode = SandboxMode.PLAIN;
            LOG.warn("grader sandbox: UNSAFE, {} (chosen with sandbox=plain)", mode.description());
        } else if (bwrapPath != null && bwrapWorks()) {
            this.mode = SandboxMode.BWRAP;
            LOG.info("grader sandbox: {}", mode.description());
        } else {
            this.mode = SandboxMode.NONE;
            LOG.error("grader sandbox: {}", refusal(bwrapPath));
        }
        this.seccomp = mode == SandboxMode.BWRAP ? writeSeccomp(this.workRoot) : null;
    }

    /** The one line that says why no student code runs here and what to do about it. */
    private static String refusal(String bwrapPath) {
        return (bwrapPath == null ? "bubblewrap (bwrap) is not installed"
                : "bubblewrap (" + bwrapPath + ") cannot create its namespaces here (a container that forbids them?)")
                + ", so student code is not run. Install it (Debian/Ubuntu: sudo apt-get install bubblewrap; "
                + "Fedora: sudo dnf install bubblewrap) and restart, or, only for code you trust, start with "
                + "--sandbox plain (unsafe: no file-system or network isolation)";
    }

    /** Why student code is not run here, or {@code null} when it is. */
    public String unavailable() {
        return mode == SandboxMode.NONE ? refusal(bwrapPath) : null;
    }

    private static Path writeSeccomp(Path workRoot) {
        byte[] program = SeccompFilter.forThisMachine().orElse(null);
        if (program == null) {
            LOG.warn("grader sandbox: no seccomp filter for {} {}; the watchdog alone stops started processes",
                    System.getProperty("os.name"), System.getProperty("os.arch"));
            return null;
        }
        try {
            Path file = workRoot.resolve("seccomp.bpf");
            Files.write(file, program);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox's seccomp filter under " + workRoot, e);
        }
    }

    /** The child's class path as this process sees it (the child may see it under another name). */
    public Path classPath() {
        return classes;
    }

    public SandboxMode mode() {
        return mode;
    }

    public Limits limits() {
        return limits;
    }

    /** Starts one child; it is not ready until {@link Child#awaitReady} returns. */
    public Child start() {
        return start(true);
    }

    /**
     * Starts one child whose standard streams the caller speaks over itself ({@link Child#fromChild},
     * {@link Child#toChild}) instead of the grader's framed requests.
     */
    public Child startStreaming() {
        return start(false);
    }

    private Child start(boolean framed) {
        if (mode == SandboxMode.NONE) {
            throw new SandboxUnavailableException(unavailable());
        }
        try {
            Path scratch = Files.createTempDirectory(workRoot, "scratch-");
            ProcessBuilder pb = new ProcessBuilder(command(scratch));
            pb.environment().clear();
            pb.environment().put("HOME", mode == SandboxMode.BWRAP ? "/scratch" : scratch.toString());
            pb.environment().put("MALLOC_ARENA_MAX", "2");
            pb.environment().put("LANG", "C.UTF-8");
            pb.directory(scratch.toFile());
            return new Child(pb.start(), scratch, framed, mode == SandboxMode.BWRAP);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a sandbox JVM", e);
        }
    }

    /** Starts a child and waits until it is ready. */
    public Child startReady() throws ChildFailure {
        Child child;
        try {
            child = start();
        } catch (SandboxUnavailableException e) {
            throw new ChildFailure(e.getMessage());
        }
        try {
            child.awaitReady(Duration.ofSeconds(30));
        } catch (ChildFailure e) {
            String err = child.stderrText().strip();
            child.close();
            throw new ChildFailure("the sandbox JVM did not start" + (err.isEmpty() ? "" : ": " + firstLine(err)));
        }
        return child;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    List<String> command(Path scratch) {
        List<String> cmd = new ArrayList<>();
        // resource limits the kernel enforces on the child and all it starts: CPU seconds, file size, address space
        cmd.add("/bin/sh");
        cmd.add("-c");
        // with a seccomp filter, the shell opens it as descriptor 3 for bubblewrap (its own name, $0, is the file)
        cmd.add("ulimit -t " + limits.cpuSeconds() + " && ulimit -f " + (limits.fileBytes() / 512)
                + " && ulimit -v " + (limits.addressSpaceMb() * 1024L) + " && exec \"$@\""
                + (seccomp != null ? " 3<\"$0\"" : ""));
        cmd.add(seccomp != null ? seccomp.toString() : "sandbox");
        String java = javaHome.resolve("bin/java").toString();
        String classPath = classes.toString();
        String scratchDir = scratch.toString();
        if (mode == SandboxMode.BWRAP) {
            cmd.addAll(bwrapArgs(scratch));
            classPath = "/grader/classes";
            scratchDir = "/scratch";
        }
        cmd.add(java);
        cmd.addAll(List.of("-Xmx" + limits.heapMb() + "m", "-Xms16m", "-Xss1m",
                "-XX:MaxMetaspaceSize=" + limits.metaspaceMb() + "m", "-XX:CompressedClassSpaceSize=64m",
                "-XX:ReservedCodeCacheSize=48m", "-XX:MaxDirectMemorySize=16m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:-UsePerfData",
                "-XX:+DisableAttachMechanism", "-Xshare:auto", NoProcesses.JVM_OPTION,
                "-XX:ErrorFile=" + scratchDir + "/hs_err.log",
                "-Djava.io.tmpdir=" + scratchDir, "-Duser.home=" + scratchDir, "-Dfile.encoding=UTF-8",
                "-cp", classPath, mainClass));
        cmd.addAll(mainArgs);
        return cmd;
    }

    private List<String> bwrapArgs(Path scratch) {
        List<String> a = new ArrayList<>(List.of(bwrapPath, "--unshare-all", "--die-with-parent", "--new-session",
                "--cap-drop", "ALL"));
        if (seccomp != null) {
            a.addAll(List.of("--seccomp", "3"));
        }
        roBindIfDir(a, Path.of("/usr/lib"));
        roBindIfDir(a, Path.of("/usr/lib64"));
        for (String top : List.of("/lib", "/lib64", "/lib32")) {
            Path p = Path.of(top);
            if (Files.isSymbolicLink(p)) {
                try {
                    a.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                roBindIfDir(a, p);
            }
        }
        if (!javaHome.startsWith("/usr/lib")) {
            roBindIfDir(a, javaHome);
        }
        try (var etc = Files.newDirectoryStream(Path.of("/etc"), "java*")) {
            for (Path p : etc) {
                roBindIfDir(a, p);
            }
        } catch (IOException e) {
            // no Java configuration under /etc: the JDK keeps it in its own home
        }
        // every writable place is a size-capped tmpfs that goes with the sandbox; the rest is read-only
        String small = Long.toString(Limits.SMALL_TMPFS_MB * (1L << 20));
        a.addAll(List.of("--proc", "/proc", "--dev", "/dev",
                "--size", small, "--tmpfs", "/dev/shm",
                "--size", small, "--tmpfs", "/tmp",
                "--size", Long.toString(limits.scratchMb() * (1L << 20)), "--tmpfs", "/scratch",
                "--ro-bind", classes.toString(), "/grader/classes",
                "--remount-ro", "/dev", "--remount-ro", "/",
                "--chdir", "/scratch", "--setenv", "HOME", "/scratch"));
        return a;
    }

    private static void roBindIfDir(List<String> args, Path dir) {
        if (Files.isDirectory(dir) && !Files.isSymbolicLink(dir)) {
            args.addAll(List.of("--ro-bind", dir.toString(), dir.toString()));
        }
    }

    private static Path realJavaHome() {
        try {
            return Path.of(System.getProperty("java.home")).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve java.home", e);
        }
    }

    /** bubblewrap on the PATH (the standard folders where no PATH is set), or null. */
    private static String findBwrap() {
        String path = System.getenv("PATH");
        List<String> dirs = path == null ? List.of("/usr/bin", "/bin", "/usr/local/bin")
                : List.of(path.split(java.io.File.pathSeparator));
        for (String d : dirs) {
            Path p = Path.of(d.isEmpty() ? "." : d, BWRAP);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    /** Some containers forbid the namespaces bubblewrap needs; try once. */
    private boolean bwrapWorks() {
        try {
            Process p = new ProcessBuilder(List.of(bwrapPath, "--unshare-all", "--die-with-parent", "--cap-drop", "ALL",
                    "--ro-bind", "/", "/", "--dev", "/dev", "true")).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void close() {
        deleteTree(workRoot);
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.getMessage());
        }
    }
}
