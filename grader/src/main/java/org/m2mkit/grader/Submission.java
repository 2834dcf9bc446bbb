package org.m2mkit.grader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Java source files of one submission, by file name. Made from a single file, a directory, a zip or the
 * web app's uploaded files, with the same checks everywhere: at most {@value #MAX_FILES} Java files of
 * {@value #MAX_BYTES} bytes together, UTF-8, and no zip entry that escapes its folder.
 */
public record Submission(Map<String, String> files) {
    public static final int MAX_FILES = 50;
    public static final int MAX_BYTES = 512 * 1024;
    /** Entries a zip may hold, Java or not. */
    public static final int MAX_ZIP_ENTRIES = 500;
    /** Bytes a zip may unpack to, Java or not. */
    public static final long MAX_ZIP_BYTES = 8L << 20;

    public Submission {
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
        if (files.isEmpty()) {
            throw new InvalidSubmissionException("the submission holds no .java file; submit one .java file, a folder or a zip of .java files");
        }
        if (files.size() > MAX_FILES) {
            throw new InvalidSubmissionException("the submission holds " + files.size() + " .java files; at most " + MAX_FILES + " are accepted");
        }
        long bytes = files.values().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
        if (bytes > MAX_BYTES) {
            throw new InvalidSubmissionException("the submission's .java files hold " + bytes + " bytes; at most " + MAX_BYTES + " are accepted");
        }
    }

    /** One source file. */
    public static Submission ofSource(String fileName, String source) {
        return new Submission(Map.of(fileName, source));
    }

    /** A .java file, a directory (its .java files, recursively) or a .zip file. */
    public static Submission fromPath(Path path) {
        if (!Files.exists(path)) {
            throw new InvalidSubmissionException("no such file or folder: " + path + "; give a .java file, a folder or a .zip");
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (Files.isDirectory(path)) {
                return fromDirectory(path);
            }
            if (name.endsWith(".zip")) {
                if (Files.size(path) > MAX_ZIP_BYTES) {
                    throw new InvalidSubmissionException(path + " is larger than " + (MAX_ZIP_BYTES >> 20) + " MB");
                }
                return fromZip(Files.readAllBytes(path));
            }
            if (name.endsWith(".java")) {
                if (Files.size(path) > MAX_BYTES) {
                    throw new InvalidSubmissionException(path + " is larger than " + MAX_BYTES + " bytes");
                }
                return new Submission(Map.of(path.getFileName().toString(), decode(path.getFileName().toString(), Files.readAllBytes(path))));
            }
        } catch (IOException e) {
            throw new InvalidSubmissionException("cannot read " + path + ": " + e.getMessage());
        }
        throw new InvalidSubmissionException(path + " is not a .java file, a folder or a .zip file");
    }

    private static Submission fromDirectory(Path dir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir, 12)) {
            paths = walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".java")).limit(MAX_FILES + 1L).toList();
        }
        if (paths.size() > MAX_FILES) {
            throw new InvalidSubmissionException(dir + " holds more than " + MAX_FILES + " .java files");
        }
        long total = 0;
        for (Path p : paths) {
            total += Files.size(p);
            if (total > MAX_BYTES) {
                throw new InvalidSubmissionException("the .java files in " + dir + " hold more than " + MAX_BYTES + " bytes");
            }
            String rel = dir.relativize(p).toString().replace('\\', '/');
            files.put(rel, decode(rel, Files.readAllBytes(p)));
        }
        return new Submission(files);
    }

    /** The .java files of a zip; other entries are ignored. */
    public static Submission fromZip(byte[] zip) {
        Map<String, String> files = new LinkedHashMap<>();
        int entries = 0;
        long unpacked = 0;
        try (InputStream raw = new ByteArrayInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw new InvalidSubmissionException("the zip has more than " + MAX_ZIP_ENTRIES + " entries");
                }
                String name = e.getName().replace('\\', '/');
                if (name.startsWith("/") || name.contains("../") || name.equals("..") || name.endsWith("/..")
                        || name.matches("^[A-Za-z]:.*")) {
                    throw new InvalidSubmissionException("the zip entry '" + name + "' points outside the zip's folder; "
                            + "entries must be relative paths without '..'");
                }
                byte[] data = in.readNBytes((int) Math.min(MAX_ZIP_BYTES - unpacked + 1, Integer.MAX_VALUE - 8));
                unpacked += data.length;
                if (unpacked > MAX_ZIP_BYTES) {
                    throw new InvalidSubmissionException("the zip unpacks to more than " + (MAX_ZIP_BYTES >> 20) + " MB");
                }
                if (e.isDirectory() || !name.endsWith(".java") || name.startsWith("__MACOSX/")) {
                    continue;
                }
                if (files.put(name, decode(name, data)) != null) {
                    throw new InvalidSubmissionException("the zip holds " + name + " twice");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSubmissionException("the file is not a readable zip archive (" + e.getMessage() + ")");
        }
        if (entries == 0) {
            throw new InvalidSubmissionException("the file is not a zip archive, or an empty one");
        }
        return new Submission(files);
    }

    private static String decode(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidSubmissionException(name + " is not UTF-8 text; save it as UTF-8");
        }
    }
}
