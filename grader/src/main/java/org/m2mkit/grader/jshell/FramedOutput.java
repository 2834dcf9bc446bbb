package org.m2mkit.grader.jshell;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The server's side of a child's standard input: JShell's multiplexed stream goes in data frames, and
 * {@link #stop()} sends the one-byte stop frame the child acts on while a snippet runs (see
 * {@code agent.FramedInput}).
 */
final class FramedOutput extends OutputStream {
    private static final int DATA = 0;
    private static final int STOP = 1;

    private final DataOutputStream out;

    FramedOutput(OutputStream out) {
        this.out = new DataOutputStream(out);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        out.writeByte(DATA);
        out.writeInt(len);
        out.write(b, off, len);
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    synchronized void stop() throws IOException {
        out.writeByte(STOP);
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
