package org.m2mkit.grader.child;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the first bytes the student's code prints during one case and counts the rest. */
final class Capture extends OutputStream {
    private final int keep;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long total;

    Capture(int keep) {
        this.keep = keep;
    }

    @Override
    public synchronized void write(int b) {
        total++;
        if (kept.size() < keep) {
            kept.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        total += len;
        int room = keep - kept.size();
        if (room > 0) {
            kept.write(b, off, Math.min(room, len));
        }
    }

    synchronized long total() {
        return total;
    }

    synchronized String takeText() {
        String s = kept.toString(StandardCharsets.UTF_8);
        kept.reset();
        total = 0;
        return s;
    }
}
