package org.m2mkit.web.grading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.m2mkit.grader.Lab;
import org.m2mkit.grader.starter.StarterKit;

/**
 * The starter kit of each lab as a zip: the same files as {@code m2mkit grade --starter} writes (labs API, the
 * class to fill in, the visible tests, a Maven build and a README); also the editor's first text.
 */
public final class StarterKits {

    private StarterKits() {
    }

    /** The class a student starts from: it compiles and scores little. */
    public static String skeleton(Lab lab) {
        return lab.skeleton();
    }

    /** The zip a student downloads: the kit's files in one folder. */
    public static byte[] zip(Lab lab) {
        String root = "m2mkit-" + lab.id() + "-lab/";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : StarterKit.files(lab).entrySet()) {
                zip.putNextEntry(new ZipEntry(root + e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
