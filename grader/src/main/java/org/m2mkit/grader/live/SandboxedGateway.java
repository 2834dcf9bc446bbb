package org.m2mkit.grader.live;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.m2mkit.grader.InvalidSubmissionException;
import org.m2mkit.grader.Submission;
import org.m2mkit.grader.child.Wire;
import org.m2mkit.grader.gateway.GatewayLab;
import org.m2mkit.grader.gateway.child.GatewayRunner;
import org.m2mkit.grader.gateway.child.GatewayWire;
import org.m2mkit.grader.compile.CompileOutcome;
import org.m2mkit.grader.compile.SubmissionCompiler;
import org.m2mkit.grader.sandbox.Child;
import org.m2mkit.grader.sandbox.ChildFailure;
import org.m2mkit.grader.sandbox.ChildPool;
import org.m2mkit.labs.api.Alert;
import org.m2mkit.labs.api.AreaReport;
import org.m2mkit.labs.api.DemandResponse;
import org.m2mkit.labs.api.Gateway;
import org.m2mkit.labs.api.GatewayConfig;
import org.m2mkit.labs.api.HvacCommand;
import org.m2mkit.labs.api.MeterReading;

/**
 * A student's gateway running in a sandbox child JVM for the live lab: the same confinement and limits as a
 * grading, but one gateway object kept for the whole run. Each call crosses to the child and back; what the
 * student's code throws comes back as an {@link IllegalStateException} naming it, and a child that dies (over a
 * limit, or closed) makes every later call fail with the reason. Calls are serialised; {@link #close()} ends the
 * child.
 */
public final class SandboxedGateway implements Gateway, AutoCloseable {
    private static final byte OP_READING = 1;
    private static final byte OP_REPORT = 2;
    private static final byte OP_DEMAND = 3;

    private final ChildPool pool;
    private final Child child;
    private final Duration callTimeout;
    private final String className;
    private String failure;

    private SandboxedGateway(ChildPool pool, Child child, Duration callTimeout, String className) {
        this.pool = pool;
        this.child = child;
        this.callTimeout = callTimeout;
        this.className = className;
    }

    /**
     * Compiles a gateway submission and makes its gateway in a sandbox child.
     *
     * @throws InvalidSubmissionException when it does not compile or its constructor throws
     * @throws IllegalStateException when no sandbox child could be started
     */
    public static SandboxedGateway open(SubmissionCompiler compiler, ChildPool pool, Submission submission,
                                        GatewayConfig config) {
        CompileOutcome compiled = compiler.compile(GatewayLab.LAB, submission.files());
        if (!compiled.gradable()) {
            throw new InvalidSubmissionException("the submission cannot run: "
                    + String.join("; ", compiled.problems()));
        }
        Child child;
        try {
            child = pool.take();
        } catch (ChildFailure e) {
            throw new IllegalStateException("no sandbox JVM could be started: " + e.getMessage(), e);
        }
        SandboxedGateway g = new SandboxedGateway(pool, child, pool.launcher().limits().caseTimeout(),
                compiled.mainClass());
        try {
            child.call(Wire.LOAD, out -> {
                out.writeInt(compiled.classes().size());
                for (var e : compiled.classes().entrySet()) {
                    Wire.writeString(out, e.getKey());
                    out.writeInt(e.getValue().length);
                    out.write(e.getValue());
                }
                Wire.writeString(out, compiled.mainClass());
            }, Duration.ofSeconds(10)).readByte();
            DataInputStream in = child.call(Wire.CASE, out -> {
                Wire.writeString(out, GatewayRunner.class.getName());
                out.writeByte(GatewayRunner.LIVE_OPEN);
                GatewayWire.writeConfig(out, config);
            }, g.callTimeout);
            if (in.readByte() == Wire.THREW) {
                throw new InvalidSubmissionException("the constructor of " + compiled.mainClass() + " threw "
                        + thrown(in));
            }
            in.readLong(); // the tail: what the constructor printed is not shown in the live lab
            Wire.readString(in);
            return g;
        } catch (ChildFailure | IOException e) {
            g.close();
            throw new IllegalStateException("the sandbox could not make the gateway: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
    }

    /** The student's class that implements {@link Gateway}. */
    public String className() {
        return className;
    }

    @Override
    public List<Alert> onReading(MeterReading reading) {
        return step(d -> {
            d.writeByte(OP_READING);
            GatewayWire.writeReading(d, reading);
        }, GatewayWire::readAlerts);
    }

    @Override
    public AreaReport report(long nowMs) {
        return step(d -> {
            d.writeByte(OP_REPORT);
            d.writeLong(nowMs);
        }, GatewayWire::readReport);
    }

    @Override
    public List<HvacCommand> onDemandResponse(DemandResponse command) {
        return step(d -> {
            d.writeByte(OP_DEMAND);
            GatewayWire.writeDemand(d, command);
        }, GatewayWire::readCommands);
    }

    private interface Encoder {
        void write(DataOutputStream d) throws IOException;
    }

    private interface Decoder<T> {
        T read(DataInputStream in) throws IOException;
    }

    private synchronized <T> T step(Encoder op, Decoder<T> answer) {
        if (failure != null) {
            throw new IllegalStateException("the sandboxed gateway has stopped: " + failure);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            op.write(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] encoded = bytes.toByteArray();
        try {
            DataInputStream in = child.call(Wire.CASE, out -> {
                Wire.writeString(out, GatewayRunner.class.getName());
                out.writeByte(GatewayRunner.LIVE_STEP);
                out.writeInt(encoded.length);
                out.write(encoded);
            }, callTimeout);
            int steps = in.readInt();
            if (steps < 0 || in.readByte() == Wire.THREW) {
                throw new IllegalStateException(className + " threw " + thrown(in));
            }
            return answer.read(in);
        } catch (ChildFailure e) {
            failure = e.getMessage();
            throw new IllegalStateException("the sandboxed gateway has stopped: " + failure, e);
        } catch (IOException e) {
            failure = "its answer could not be read (" + e.getMessage() + ")";
            child.kill(failure);
            throw new IllegalStateException("the sandboxed gateway has stopped: " + failure, e);
        }
    }

    private static String thrown(DataInputStream in) throws IOException {
        Wire.readString(in); // class name, also part of the text
        String text = Wire.readString(in);
        String where = Wire.readString(in);
        return text + (where == null ? "" : " at " + where);
    }

    /** Whether the child still runs the gateway. */
    public synchronized boolean alive() {
        return failure == null;
    }

    @Override
    public synchronized void close() {
        if (failure == null) {
            failure = "the run was stopped";
        }
        pool.release(child);
    }
}
