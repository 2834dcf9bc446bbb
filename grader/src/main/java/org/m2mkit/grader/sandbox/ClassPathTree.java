package org.m2mkit.grader.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads the files under one folder of the class path location (directory or jar) that holds a given class. */
public final class ClassPathTree {
    private ClassPathTree() {
    }

    /** The directory or jar on the class path that {@code anchor} was loaded from. */
    public static Path location(Class<?> anchor) {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate " + anchor.getName() + " on the class path", e);
        }
    }

    /** Every file under {@code prefix} (like {@code "org/m2mkit/labs/api/"}) beside {@code anchor}, by relative name. */
    public static TreeMap<String, byte[]> read(Class<?> anchor, String prefix) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try {
            Path location = location(anchor);
            if (Files.isDirectory(location)) {
                Path root = location.resolve(prefix);
                if (!Files.isDirectory(root)) {
                    return files;
                }
                List<Path> paths;
                try (Stream<Path> walk = Files.walk(root)) {
                    paths = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
                }
                for (Path p : paths) {
                    files.put(location.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            } else {
                try (InputStream raw = Files.newInputStream(location); ZipInputStream zip = new ZipInputStream(raw)) {
                    for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                        if (!e.isDirectory() && e.getName().startsWith(prefix)) {
                            files.put(e.getName(), zip.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + prefix + " from the class path", e);
        }
        return files;
    }

    /** Writes files read by {@link #read} under {@code dir}. */
    public static void write(TreeMap<String, byte[]> files, Path dir) throws IOException {
        for (var e : files.entrySet()) {
            Path target = dir.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, e.getValue());
        }
    }
}
