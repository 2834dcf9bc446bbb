package org.m2mkit.grader.jshell.agent;

import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.execution.Util;

/**
 * The execution side of a student's JShell, run in a sandbox child JVM. JShell's commands, results and the
 * snippets' printing travel over the child's standard streams (no debugger, no socket); snippets run in a
 * thread of their own, so that a stop frame from the server can interrupt them while the command loop waits.
 */
public final class SandboxAgent extends DirectExecutionControl {
    private final AtomicLong outputLeft;
    private final long outputBytes;
    private final ThreadGroup snippets = new ThreadGroup("jshell-snippets");
    private volatile boolean stopRequested;

    private SandboxAgent(long outputBytes, AtomicLong outputLeft) {
        this.outputBytes = outputBytes;
        this.outputLeft = outputLeft;
    }

    /** {@code args[0]}: bytes a single evaluation may print. */
    public static void main(String[] args) throws Exception {
        org.m2mkit.grader.child.NoProcesses.seal();
        long outputBytes = Long.parseLong(args[0]);
        AtomicLong left = new AtomicLong(outputBytes + 1);
        SandboxAgent agent = new SandboxAgent(outputBytes, left);
        InputStream in = new FramedInput(new FileInputStream(FileDescriptor.in), agent::requestStop);
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
        outputs.put("out", st -> System.setOut(printer(st, left)));
        outputs.put("err", st -> System.setErr(printer(st, left)));
        System.setIn(new ByteArrayInputStream(new byte[0]));
        Util.forwardExecutionControlAndIO(agent, in, out, outputs, Map.of());
        Runtime.getRuntime().halt(0);
    }

    private static PrintStream printer(OutputStream channel, AtomicLong left) {
        return new PrintStream(new OutputCap(channel, left), true, StandardCharsets.UTF_8);
    }

    @Override
    protected void clientCodeEnter() {
        outputLeft.set(outputBytes + 1);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        return stoppable(() -> valueString(doitMethod.invoke(null)));
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException,
            InternalException {
        try {
            return stoppable(() -> super.varValue(className, varName));
        } catch (RunException | EngineTerminationException | InternalException e) {
            throw e;
        } catch (Exception e) {
            throw new InternalException(e.toString());
        }
    }

    /** Runs student code (a snippet, or a value's {@code toString}) in a thread a stop frame can interrupt. */
    private String stoppable(Callable<String> work) throws Exception {
        String[] result = new String[1];
        Throwable[] thrown = new Throwable[1];
        stopRequested = false;
        Thread runner = new Thread(snippets, () -> {
            try {
                result[0] = work.call();
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "jshell-snippet");
        runner.start();
        runner.join();
        if (stopRequested) {
            throw new StoppedException();
        }
        if (thrown[0] instanceof Exception e) {
            throw e;
        }
        if (thrown[0] != null) {
            throw new InvocationTargetException(thrown[0]);
        }
        return result[0];
    }

    @Override
    public void stop() {
        requestStop();
    }

    /** Interrupts every thread the snippets started, and stops them where this JVM still allows it. */
    @SuppressWarnings("removal")
    private void requestStop() {
        stopRequested = true;
        Thread[] threads = new Thread[snippets.activeCount() + 8];
        int n = snippets.enumerate(threads);
        for (int i = 0; i < n; i++) {
            threads[i].interrupt();
            try {
                Method stop = Thread.class.getMethod("stop");
                stop.invoke(threads[i]);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // newer JVMs no longer stop threads: the server ends this JVM if the snippet keeps running
            }
        }
    }

    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        if (stopRequested) {
            throw new StoppedException();
        }
        return super.throwConvertedInvocationException(cause);
    }

    @Override
    protected String throwConvertedOtherException(Throwable ex) throws RunException, InternalException {
        if (stopRequested) {
            throw new StoppedException();
        }
        return super.throwConvertedOtherException(ex);
    }
}
