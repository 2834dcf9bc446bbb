package org.m2mkit.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionTest {
    @TempDir
    Path dir;

    @Test
    void readsAFileAFolderAndAZip() throws IOException {
        Files.createDirectories(dir.resolve("src/a"));
        Files.writeString(dir.resolve("src/a/A.java"), "package a; class A {}");
        Files.writeString(dir.resolve("src/B.java"), "class B {}");
        Files.writeString(dir.resolve("src/notes.txt"), "ignored");
        assertThat(Submission.fromPath(dir.resolve("src")).files()).containsOnlyKeys("a/A.java", "B.java");
        assertThat(Submission.fromPath(dir.resolve("src/B.java")).files()).containsEntry("B.java", "class B {}");

        Path zip = dir.resolve("s.zip");
        Files.write(zip, zip(new String[][] {{"x/A.java", "class A {}"}, {"README", "hi"}}));
        assertThat(Submission.fromPath(zip).files()).containsOnlyKeys("x/A.java");
    }

    @Test
    void rejectsZipEntriesThatEscapeTheirFolder() throws IOException {
        for (String evil : new String[] {"../A.java", "a/../../A.java", "/etc/A.java", "C:/A.java"}) {
            byte[] zip = zip(new String[][] {{evil, "class A {}"}});
            assertThatThrownBy(() -> Submission.fromZip(zip)).isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("points outside the zip's folder");
        }
    }

    @Test
    void rejectsTooManyEntriesTooManyBytesAndGarbage() throws IOException {
        String[][] many = new String[Submission.MAX_ZIP_ENTRIES + 1][];
        for (int i = 0; i < many.length; i++) {
            many[i] = new String[] {"f" + i + ".txt", "x"};
        }
        byte[] manyZip = zip(many);
        assertThatThrownBy(() -> Submission.fromZip(manyZip)).hasMessageContaining("more than 500 entries");

        byte[] bomb = zip(new String[][] {{"big.txt", "0".repeat((int) Submission.MAX_ZIP_BYTES + 10)}});
        assertThatThrownBy(() -> Submission.fromZip(bomb)).hasMessageContaining("unpacks to more than 8 MB");

        assertThatThrownBy(() -> Submission.fromZip("not a zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("zip");
        assertThatThrownBy(() -> Submission.fromZip(zip(new String[][] {{"a.txt", "x"}})))
                .hasMessageContaining("holds no .java file");
    }

    @Test
    void rejectsMissingPathsOtherFilesAndNonUtf8() throws IOException {
        assertThatThrownBy(() -> Submission.fromPath(dir.resolve("nope.java"))).hasMessageContaining("no such file or folder");
        Files.writeString(dir.resolve("a.txt"), "x");
        assertThatThrownBy(() -> Submission.fromPath(dir.resolve("a.txt"))).hasMessageContaining("is not a .java file, a folder or a .zip");
        Files.write(dir.resolve("L.java"), new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
        assertThatThrownBy(() -> Submission.fromPath(dir.resolve("L.java"))).hasMessageContaining("is not UTF-8 text");
    }

    private static byte[] zip(String[][] entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String[] e : entries) {
                out.putNextEntry(new ZipEntry(e[0]));
                out.write(e[1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
