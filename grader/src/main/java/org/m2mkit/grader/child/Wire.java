package org.m2mkit.grader.child;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary messages between the grader and a sandbox child: the grader sends inputs of the student's code,
 * the child answers with what that code returned, nothing else. Both ends use this class; it depends only on
 * the JDK, because it runs inside the sandbox. A lab's own requests travel as {@link #CASE} frames that name the
 * lab's {@link LabRunner} and carry the lab's own operation code and data (see the lab's {@code child} package).
 */
public final class Wire {
    /** First bytes of every frame; a frame without them means something else wrote to the channel. */
    public static final int MAGIC = 0x4D324D4B;

    public static final byte READY = 1;
    public static final byte LOAD = 2;
    /** Code question: run one test method of the loaded JUnit test class (class, method, parameter types, nonce). */
    public static final byte JUNIT = 8;
    public static final byte RESULT = 10;
    /** A lab's request: the runner's class name, the lab's operation code, then the lab's own data. */
    public static final byte CASE = 11;

    /** Outcome of one step of a case, as written by the child. */
    public static final byte OK = 0;
    public static final byte THREW = 1;

    /** Longest string the child passes back; longer ones are cut. */
    public static final int MAX_STRING = 2_000;
    /** Most elements a returned list may have. */
    public static final int MAX_LIST = 100_000;

    private Wire() {
    }

    public static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        String cut = s.length() > MAX_STRING ? s.substring(0, MAX_STRING) : s;
        byte[] bytes = cut.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        if (n > 4 * MAX_STRING) {
            throw new IOException("string of " + n + " bytes on the channel");
        }
        return new String(in.readNBytes(n), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static int readCount(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < -1 || n > MAX_LIST) {
            throw new IOException("list of " + n + " elements on the channel");
        }
        return n;
    }

    /** Names what was thrown without trusting it: a student's toString may itself throw. */
    public static void writeThrown(DataOutputStream d, Throwable t) throws IOException {
        d.writeByte(THREW);
        String text;
        try {
            text = String.valueOf(t);
        } catch (Throwable inner) {
            text = t.getClass().getName();
        }
        StackTraceElement where = null;
        try {
            for (StackTraceElement e : t.getStackTrace()) {
                if ("submission".equals(e.getClassLoaderName())) {
                    where = e;
                    break;
                }
            }
        } catch (Throwable ignored) {
            // no location then
        }
        writeString(d, t.getClass().getName());
        writeString(d, text);
        writeString(d, where == null ? null : where.getFileName() + ":" + where.getLineNumber()
                + " (" + where.getMethodName() + ")");
    }

    /** Copies what the student's code returned, so that a list changing under us or without end cannot stall. */
    public static <T> List<T> boundedCopy(List<T> list) {
        if (list == null) {
            return null;
        }
        List<T> copy = new ArrayList<>();
        for (T t : list) {
            if (copy.size() == MAX_LIST) {
                throw new IllegalStateException("returned a list of more than " + MAX_LIST + " elements");
            }
            copy.add(t);
        }
        return copy;
    }
}
