package org.m2mkit.grader.child;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Map;
import org.m2mkit.labs.api.Gateway;
import org.m2mkit.labs.api.GatewayConfig;
import org.m2mkit.labs.api.ProtocolAdvisor;

/**
 * The program a sandbox child runs: it receives the student's compiled classes and the inputs of each test
 * case, calls the student's code, and sends back what it returned or threw. It never sees expected values and
 * decides nothing; the grader compares. The channel streams live only in {@link #main}'s frame, out of reach
 * of the student's code.
 */
public final class ChildMain {
    /** Bytes of the student's printing kept per case. */
    static final int KEEP_OUTPUT = 4_096;
    /** The second argument of a child that runs code questions' JUnit tests ({@link Wire#JUNIT}). */
    public static final String JUNIT_ARG = "junit";
    /** The gateway a live-lab child keeps between calls ({@link Wire#LIVE_OPEN}, {@link Wire#LIVE_STEP}). */
    private static Gateway live;

    private ChildMain() {
    }

    public static void main(String[] args) throws IOException {
        NoProcesses.seal();
        long outputLimit = Long.parseLong(args.length > 0 ? args[0] : "1048576");
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        Capture capture = new Capture(KEEP_OUTPUT);
        PrintStream printed = new PrintStream(capture, true, java.nio.charset.StandardCharsets.UTF_8);
        System.setOut(printed);
        System.setErr(printed);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        warmUp();
        if (args.length > 1 && args[1].equals(JUNIT_ARG)) {
            JUnitRun.warmUp();
        }
        out.writeInt(Wire.MAGIC);
        out.writeByte(Wire.READY);
        out.flush();

        Map<String, byte[]> classes = new HashMap<>();
        StudentLoader loader = null;
        String mainClass = null;
        int baseThreads = Thread.activeCount();
        while (true) {
            int magic;
            try {
                magic = in.readInt();
            } catch (EOFException eof) {
                return;
            }
            if (magic != Wire.MAGIC) {
                throw new IOException("unexpected bytes from the grader");
            }
            byte type = in.readByte();
            int seq = in.readInt();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream res = new DataOutputStream(body);
            if (type == Wire.LOAD) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    String name = Wire.readString(in);
                    classes.put(name, in.readNBytes(in.readInt()));
                }
                mainClass = Wire.readString(in);
                loader = new StudentLoader(classes, ChildMain.class.getClassLoader());
                res.writeByte(Wire.OK);
            } else {
                capture.takeText();
                try {
                    runCase(type, in, res, loader, mainClass);
                } catch (IOException e) {
                    throw e;
                }
                long printedBytes = capture.total();
                res.writeLong(printedBytes);
                Wire.writeString(res, capture.takeText());
                res.writeBoolean(printedBytes > outputLimit);
                res.writeInt(Math.max(0, Thread.activeCount() - baseThreads));
            }
            res.flush();
            out.writeInt(Wire.MAGIC);
            out.writeByte(Wire.RESULT);
            out.writeInt(seq);
            out.writeInt(body.size());
            body.writeTo(out);
            out.flush();
        }
    }

    /** Loads what every case needs before the child reports ready, so that a warm child answers at once. */
    private static void warmUp() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(sink);
        Wire.writeConfig(d, ScaleRun.config(3));
        Wire.readConfig(new DataInputStream(new ByteArrayInputStream(sink.toByteArray())));
    }

    private static void runCase(byte type, DataInputStream in, DataOutputStream res, StudentLoader loader,
                                String mainClass) throws IOException {
        if (type == Wire.GATEWAY_CASE) {
            GatewayConfig config = Wire.readConfig(in);
            int steps = in.readInt();
            byte[][] ops = new byte[steps][];
            for (int i = 0; i < steps; i++) {
                ops[i] = in.readNBytes(in.readInt());
            }
            GatewayStepRunner.run(config, ops, res, () -> newInstance(loader, mainClass, Gateway.class, config));
        } else if (type == Wire.SCALE) {
            int meters = in.readInt();
            int readings = in.readInt();
            int reports = in.readInt();
            long seed = in.readLong();
            boolean baseline = in.readBoolean();
            GatewayStepRunner.scale(meters, readings, reports, seed, res, baseline
                    ? () -> new ScaleBaseline(ScaleRun.config(meters))
                    : () -> newInstance(loader, mainClass, Gateway.class, ScaleRun.config(meters)));
        } else if (type == Wire.ADVISE) {
            int n = in.readInt();
            org.m2mkit.labs.api.Scenario[] scenarios = new org.m2mkit.labs.api.Scenario[n];
            for (int i = 0; i < n; i++) {
                scenarios[i] = Wire.readScenario(in);
            }
            GatewayStepRunner.advise(scenarios, res, () -> newInstance(loader, mainClass, ProtocolAdvisor.class, null));
        } else if (type == Wire.LIVE_OPEN) {
            GatewayConfig config = Wire.readConfig(in);
            try {
                live = newInstance(loader, mainClass, Gateway.class, config);
                res.writeByte(Wire.OK);
            } catch (Throwable t) {
                live = null;
                GatewayStepRunner.writeThrown(res, t);
            }
        } else if (type == Wire.LIVE_STEP) {
            byte[] op = in.readNBytes(in.readInt());
            Gateway kept = live;
            GatewayStepRunner.run(null, new byte[][] {op}, res, () -> {
                if (kept == null) {
                    throw new IllegalStateException("no live gateway was made");
                }
                return kept;
            });
        } else if (type == Wire.JUNIT) {
            JUnitRun.run(in, res, loader);
        } else {
            throw new IOException("unknown request " + type);
        }
    }

    private static <T> T newInstance(StudentLoader loader, String name, Class<T> type, GatewayConfig config)
            throws Throwable {
        Class<?> c = Class.forName(name, true, loader);
        try {
            Object o = config == null ? c.getConstructor().newInstance()
                    : c.getConstructor(GatewayConfig.class).newInstance(config);
            return type.cast(o);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Defines the student's classes from their bytes; everything else comes from the child's class path. */
    static final class StudentLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        StudentLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super("submission", parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }
}
