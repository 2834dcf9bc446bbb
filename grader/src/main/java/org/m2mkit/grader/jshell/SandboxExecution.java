package org.m2mkit.grader.jshell;

import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.Map;
import jdk.jshell.execution.StreamingExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.m2mkit.grader.sandbox.Child;

/**
 * JShell's execution engine in a sandbox child: commands and the snippets' printing go over the child's pipes
 * with JShell's own stream protocol ({@link Util#remoteInputOutput}); {@code stop} goes out of band.
 */
final class SandboxExecution implements ExecutionControlProvider {
    private final Child child;
    private final FramedOutput toChild;
    private volatile RunWatch watch = () -> () -> { };

    /** Starts the time limit of one run of student code in the child; closing it ends the watch. */
    interface RunWatch {
        Watching start();
    }

    /** A running time limit. */
    interface Watching extends AutoCloseable {
        @Override
        void close();
    }

    SandboxExecution(Child child) {
        this.child = child;
        this.toChild = new FramedOutput(child.toChild());
    }

    /** Times every run of student code (not the compiling before it) with {@code w}. */
    void watch(RunWatch w) {
        this.watch = w;
    }

    @Override
    public String name() {
        return "m2mkit-sandbox";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws IOException {
        return Util.remoteInputOutput(child.fromChild(), toChild,
                Map.of("out", env.userOut(), "err", env.userErr()), Map.of(),
                (in, out) -> new Control(out, in));
    }

    /**
     * Runs of student code are timed; stops go straight to the child. The engine ends the child itself, after
     * reading why it ended.
     */
    private final class Control extends StreamingExecutionControl {
        Control(ObjectOutput out, ObjectInput in) {
            super(out, in);
        }

        @Override
        public String invoke(String className, String methodName) throws RunException,
                EngineTerminationException, InternalException {
            try (Watching w = watch.start()) {
                return super.invoke(className, methodName);
            }
        }

        @Override
        public String varValue(String className, String varName) throws RunException,
                EngineTerminationException, InternalException {
            try (Watching w = watch.start()) {
                return super.varValue(className, varName);
            }
        }

        @Override
        public void stop() throws EngineTerminationException {
            try {
                toChild.stop();
            } catch (IOException e) {
                throw new EngineTerminationException("the sandbox JVM is gone");
            }
        }

    }
}
