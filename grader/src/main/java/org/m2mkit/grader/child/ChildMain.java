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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The program a sandbox child runs: it receives the student's compiled classes and the inputs of each test
 * case, calls the student's code, and sends back what it returned or threw. It never sees expected values and
 * decides nothing; the grader compares. The channel streams live only in {@link #main}'s frame, out of reach
 * of the student's code. Arguments: the output limit in bytes, then {@link #JUNIT_ARG} or the class names of the
 * labs' {@link LabRunner}s; each {@link Wire#CASE} request names the runner that answers it.
 */
public final class ChildMain {
    /** Bytes of the student's printing kept per case. */
    static final int KEEP_OUTPUT = 4_096;
    /** The second argument of a child that runs code questions' JUnit tests ({@link Wire#JUNIT}). */
    public static final String JUNIT_ARG = "junit";
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
        Map<String, LabRunner> runners = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(JUNIT_ARG)) {
                JUnitRun.warmUp();
            } else {
                LabRunner runner = runner(args[i]);
                runner.warmUp();
                runners.put(args[i], runner);
            }
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
                    runCase(type, in, res, loader, mainClass, runners);
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

    /** Makes a lab's runner from the child's own class path (never the submission's). */
    private static LabRunner runner(String className) throws IOException {
        try {
            return (LabRunner) Class.forName(className, true, ChildMain.class.getClassLoader())
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IOException("cannot make the lab runner " + className + ": " + e);
        }
    }

    private static void runCase(byte type, DataInputStream in, DataOutputStream res, StudentLoader loader,
                                String mainClass, Map<String, LabRunner> runners) throws IOException {
        if (type == Wire.CASE) {
            String name = Wire.readString(in);
            LabRunner runner = runners.get(name);
            if (runner == null) {
                throw new IOException("no lab runner " + name + " in this child");
            }
            runner.run(in.readByte(), in, res, new Submitted(loader, mainClass));
        } else if (type == Wire.JUNIT) {
            JUnitRun.run(in, res, loader);
        } else {
            throw new IOException("unknown request " + type);
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
