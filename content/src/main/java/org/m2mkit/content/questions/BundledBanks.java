package org.m2mkit.content.questions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The chapter's question banks shipped with the kit: every {@code content/questions/*.gift} on the class path. */
public final class BundledBanks {

    static final String FOLDER = "content/questions/";

    /** One bank file: its name without the folder, and its text. */
    public record BankFile(String name, String text) {}

    private BundledBanks() {}

    /** Every bank file, sorted by name; empty when the folder is absent. */
    public static List<BankFile> list() {
        return list(BundledBanks.class.getClassLoader());
    }

    static List<BankFile> list(ClassLoader loader) {
        TreeMap<String, String> files = new TreeMap<>();
        try {
            Enumeration<URL> roots = loader.getResources(FOLDER);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (root.getProtocol().equals("file")) {
                    fromFolder(Path.of(root.toURI()), files);
                } else if (root.getProtocol().equals("jar")) {
                    fromJar(root, files);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the bundled question banks", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("reading the bundled question banks", e);
        }
        List<BankFile> out = new ArrayList<>();
        files.forEach((name, text) -> out.add(new BankFile(name, text)));
        return out;
    }

    private static void fromFolder(Path folder, TreeMap<String, String> files) throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path p : paths.filter(p -> p.getFileName().toString().endsWith(".gift")).toList()) {
                files.putIfAbsent(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
    }

    private static void fromJar(URL root, TreeMap<String, String> files) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry e : jar.stream().toList()) {
                String name = e.getName();
                if (name.startsWith(FOLDER) && name.endsWith(".gift") && name.indexOf('/', FOLDER.length()) < 0) {
                    try (InputStream in = jar.getInputStream(e)) {
                        files.putIfAbsent(name.substring(FOLDER.length()),
                                new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }
}
