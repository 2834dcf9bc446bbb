package org.m2mkit.grader.jshell.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Passes what a snippet prints to the server until the evaluation's budget is spent (one byte more, so the
 * server can tell the output was cut), then drops the rest so a printing loop cannot flood the channel.
 */
final class OutputCap extends OutputStream {
    private final OutputStream target;
    private final AtomicLong left;

    OutputCap(OutputStream target, AtomicLong left) {
        this.target = target;
        this.left = left;
    }

    @Override
    public void write(int b) throws IOException {
        if (left.getAndDecrement() > 0) {
            target.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        long before = left.getAndAdd(-len);
        if (before > 0) {
            target.write(b, off, (int) Math.min(len, before));
        }
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }
}
