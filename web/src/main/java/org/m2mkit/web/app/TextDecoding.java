package org.m2mkit.web.app;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.m2mkit.labs.UserError;

/**
 * The one rule by which the kit reads an uploaded or imported text file (question files on the web page and on
 * the command line, lab sources): UTF-8, with or without a byte-order mark; UTF-16 only with its byte-order mark.
 * Anything else is refused with a message saying where the text stopped being UTF-8, never guessed at.
 */
public final class TextDecoding {

    /** A file that is not text the kit reads; the message says why and where, and what to do. */
    public static final class NotText extends UserError {
        private static final long serialVersionUID = 1L;

        NotText(String message) {
            super(message);
        }
    }

    private TextDecoding() {
    }

    /** The text of {@code bytes}, without a byte-order mark; throws {@link NotText} for anything else. */
    public static String decode(byte[] bytes) {
        String text;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = strict(bytes, 3, StandardCharsets.UTF_8, "UTF-8");
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = strict(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16");
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = strict(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16");
        } else {
            try {
                text = strict(bytes, 0, StandardCharsets.UTF_8, "UTF-8");
            } catch (NotText e) {
                if (indexOfNul(bytes) >= 0) {
                    throw utf16WithoutMark();
                }
                throw e;
            }
        }
        if (text.indexOf('\0') >= 0) {
            throw utf16WithoutMark();
        }
        return text;
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static NotText utf16WithoutMark() {
        return new NotText("the file holds NUL characters: it looks like UTF-16 without a byte-order mark; save it as "
                + "UTF-8 and send it again");
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String strict(byte[] bytes, int offset, Charset charset, String name) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil((bytes.length - offset) * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            StringBuilder shown = new StringBuilder();
            for (int i = at; i < Math.min(bytes.length, at + Math.max(1, result.length())); i++) {
                shown.append(String.format(Locale.ROOT, "%s0x%02X", shown.length() == 0 ? "" : " ", bytes[i] & 0xFF));
            }
            throw new NotText("the file is not " + name + " text: at line " + line(bytes, at) + " (byte " + (at + 1)
                    + " of the file) it has " + shown + ", which is not " + name + "; save it as UTF-8 and send it again");
        }
        return out.flip().toString();
    }

    /** The line (from 1) on which byte {@code at} stands, counting the line feeds before it. */
    private static int line(byte[] bytes, int at) {
        int line = 1;
        for (int i = 0; i < Math.min(at, bytes.length); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
