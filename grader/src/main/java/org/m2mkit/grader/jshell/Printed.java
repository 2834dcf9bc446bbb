package org.m2mkit.grader.jshell;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the first bytes a snippet prints, and notes whether more came. */
final class Printed extends OutputStream {
    private final int keep;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private boolean cut;

    Printed(int keep) {
        this.keep = keep;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int room = keep - kept.size();
        if (len > room) {
            cut = true;
        }
        if (room > 0) {
            kept.write(b, off, Math.min(room, len));
        }
    }

    synchronized boolean cut() {
        return cut;
    }

    /** The text so far (a character cut in half at the limit is dropped), and a fresh start. */
    synchronized String take() {
        String s = kept.toString(StandardCharsets.UTF_8);
        if (cut && !s.isEmpty() && s.charAt(s.length() - 1) == '\uFFFD') {
            s = s.substring(0, s.length() - 1);
        }
        kept.reset();
        cut = false;
        return s;
    }
}
