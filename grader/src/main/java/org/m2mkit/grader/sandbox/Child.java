package org.m2mkit.grader.sandbox;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.m2mkit.grader.child.Wire;

/**
 * One sandboxed child JVM and its channel. Frames from the child are read by a thread of their own, so that a
 * child that stops answering costs the caller only its time-out. {@link #kill} ends the child and everything it
 * started.
 */
public final class Child implements AutoCloseable {
    /** Largest answer frame the grader accepts. */
    private static final int MAX_FRAME = 32 << 20;
    private static final int KEEP_STDERR = 8_192;

    private final Process process;
    private final Path scratch;
    private final boolean confined;
    private final DataOutputStream to;
    private final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
    private final StringBuilder stderr = new StringBuilder();
    private final long startedNanos = System.nanoTime();
    private volatile String killReason;
    private volatile boolean watched;
    private int seq;

    Child(Process process, Path scratch) {
        this(process, scratch, true, false);
    }

    /**
     * A child that is not {@code framed} is not read here: its caller speaks over its streams. A {@code confined}
     * child runs under bubblewrap, its writable places tmpfs mounts of its own.
     */
    Child(Process process, Path scratch, boolean framed, boolean confined) {
        this.process = process;
        this.scratch = scratch;
        this.confined = confined;
        this.to = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        if (framed) {
            Thread reader = new Thread(this::readFrames, "grader-child-reader-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }
        Thread err = new Thread(this::drainStderr, "grader-child-stderr-" + process.pid());
        err.setDaemon(true);
        err.start();
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    /** What the child writes to its standard output (for a child started with {@link ChildLauncher#startStreaming}). */
    public InputStream fromChild() {
        return process.getInputStream();
    }

    /** The child's standard input (for a child started with {@link ChildLauncher#startStreaming}). */
    public java.io.OutputStream toChild() {
        return process.getOutputStream();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Why the child ended, in words for a student; null while it runs. */
    public String endReason() {
        if (process.isAlive() && killReason == null) {
            return null;
        }
        return failure("the sandbox JVM ended").getMessage();
    }

    Path scratch() {
        return scratch;
    }

    /**
     * Where the student's code can write, as this process sees it: under bubblewrap, the sandbox's tmpfs mounts
     * through the JVM's {@code /proc/PID/root}; otherwise the scratch directory.
     */
    List<Path> writable(long jvmPid) {
        if (!confined) {
            return List.of(scratch);
        }
        Path root = Path.of("/proc", Long.toString(jvmPid), "root");
        return List.of(root.resolve("scratch"), root.resolve("tmp"), root.resolve("dev/shm"));
    }

    long ageNanos() {
        return System.nanoTime() - startedNanos;
    }

    boolean watched() {
        return watched;
    }

    /** Has the limits watchdog check this child from now on (a framed child is watched from its first request). */
    public void watchFromNow() {
        watched = true;
    }

    /** Waits for the child's ready frame. */
    void awaitReady(Duration timeout) throws ChildFailure {
        Object first = poll(timeout);
        if (!(first instanceof Byte b) || b != Wire.READY) {
            throw failure("the sandbox JVM did not start");
        }
    }

    /** What one request returns: the body of the child's answer. */
    public interface Request {
        void write(DataOutputStream out) throws IOException;
    }

    /**
     * Sends one request and waits up to {@code timeout} for its answer. The child is watched by the limits
     * watchdog from the first request on.
     */
    public DataInputStream call(byte type, Request request, Duration timeout) throws ChildFailure {
        watched = true;
        int id = ++seq;
        try {
            to.writeInt(Wire.MAGIC);
            to.writeByte(type);
            to.writeInt(id);
            request.write(to);
            to.flush();
        } catch (IOException e) {
            throw failure("the sandbox JVM stopped reading");
        }
        Object answer = poll(timeout);
        if (answer instanceof Frame f) {
            if (f.seq() != id) {
                kill("its channel to the grader was written out of order");
                throw failure("the grader's channel was tampered with");
            }
            return new DataInputStream(new ByteArrayInputStream(f.body()));
        }
        throw failure("the sandbox JVM stopped answering");
    }

    private Object poll(Duration timeout) throws ChildFailure {
        try {
            Object o = frames.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (o == null) {
                kill("it ran longer than the time limit of " + seconds(timeout));
                throw ChildFailure.timedOut(killReason);
            }
            if (o instanceof String problem) {
                throw failure(problem);
            }
            return o;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill("grading was interrupted");
            throw new ChildFailure(killReason);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** The clearest account of why the child stopped. */
    private ChildFailure failure(String fallback) {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (killReason != null) {
            return new ChildFailure(killReason);
        }
        if (!process.isAlive()) {
            String err = stderrText();
            int code = process.exitValue();
            String why;
            if (err.contains("OutOfMemoryError") || err.contains("Cannot allocate memory")
                    || err.contains("insufficient memory")) {
                why = "the JVM ran out of memory";
            } else if (code == 134 || err.contains("SIGSEGV") || err.contains("SIGBUS") || err.contains("fatal error")) {
                why = "the JVM crashed (native code or Unsafe)";
            } else if (code == 152 || code == 128 + 24) {
                why = "it used more CPU time than allowed";
            } else {
                why = "the program ended the JVM (System.exit, Runtime.halt or a crash) with status " + code;
            }
            kill(why);
            return new ChildFailure(why);
        }
        kill(fallback);
        return new ChildFailure(fallback);
    }

    /** Ends the child and every process it started; the first reason given is kept. */
    public void kill(String reason) {
        synchronized (this) {
            if (killReason == null) {
                killReason = reason;
            }
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    String killReason() {
        return killReason;
    }

    @Override
    public void close() {
        kill("closed");
        ChildLauncher.deleteTree(scratch);
    }

    private void readFrames() {
        try (InputStream raw = process.getInputStream();
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            while (true) {
                int magic = in.readInt();
                if (magic != Wire.MAGIC) {
                    // a crashing JVM prints its error report here too: give it a moment to end
                    if (exitsSoon()) {
                        frames.add("the sandbox JVM closed its channel");
                        return;
                    }
                    frames.add("the submission wrote to the grader's channel directly");
                    kill("it wrote to the grader's channel directly (the grader decides every verdict itself)");
                    return;
                }
                byte type = in.readByte();
                if (type == Wire.READY) {
                    frames.add(type);
                    continue;
                }
                if (type != Wire.RESULT) {
                    frames.add("an unknown frame came from the sandbox");
                    kill("it wrote to the grader's channel directly (the grader decides every verdict itself)");
                    return;
                }
                int id = in.readInt();
                int length = in.readInt();
                if (length < 0 || length > MAX_FRAME) {
                    frames.add("an oversized answer came from the sandbox");
                    kill("it sent more data than the grader accepts");
                    return;
                }
                frames.add(new Frame(id, in.readNBytes(length)));
            }
        } catch (IOException e) {
            frames.add("the sandbox JVM closed its channel");
        }
    }

    private boolean exitsSoon() {
        try {
            return process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void drainStderr() {
        byte[] buf = new byte[4096];
        try (InputStream err = process.getErrorStream()) {
            for (int n; (n = err.read(buf)) > 0; ) {
                synchronized (stderr) {
                    if (stderr.length() < KEEP_STDERR) {
                        stderr.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    String stderrText() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    private record Frame(int seq, byte[] body) {}
}
