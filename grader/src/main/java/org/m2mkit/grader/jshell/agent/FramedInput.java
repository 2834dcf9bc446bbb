package org.m2mkit.grader.jshell.agent;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The child's side of the server's channel: data frames ({@code 0, length, bytes}) carry JShell's own
 * multiplexed stream, and a one-byte stop frame ({@code 1}) asks to stop the running snippet at once, even
 * while JShell's command loop is busy running it.
 */
final class FramedInput extends InputStream {
    static final int DATA = 0;
    static final int STOP = 1;

    private final DataInputStream in;
    private final Runnable onStop;
    private int remaining;

    FramedInput(InputStream in, Runnable onStop) {
        this.in = new DataInputStream(in);
        this.onStop = onStop;
    }

    /** Reads frame headers until data is available; false at the end of the stream. */
    private boolean fill() throws IOException {
        while (remaining == 0) {
            int tag = in.read();
            if (tag < 0) {
                return false;
            }
            if (tag == STOP) {
                onStop.run();
            } else if (tag == DATA) {
                remaining = in.readInt();
                if (remaining < 0) {
                    throw new IOException("bad frame length " + remaining);
                }
            } else {
                throw new IOException("unknown frame " + tag);
            }
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        remaining--;
        return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = in.read(b, off, Math.min(len, remaining));
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }
}
