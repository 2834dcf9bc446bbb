package org.m2mkit.web.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data directory holds password hashes, sessions and students' work: on a POSIX file system it is made
 * readable by its owner only (0700), and so are the files the kit keeps directly in it, the database among them
 * (0600). Elsewhere (Windows) the folder's inherited permissions stay.
 */
public final class OwnerOnly {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates {@code dir} and its missing parents owner-only, and makes {@code dir} owner-only if it existed. */
    public static void createDirectory(Path dir) throws IOException {
        if (posix()) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        } else {
            Files.createDirectories(dir);
        }
        restrict(dir);
    }

    /** Makes the data directory and the files directly in it owner-only. */
    public static void restrict(Path dir) throws IOException {
        if (!posix() || !Files.isDirectory(dir)) {
            return;
        }
        Files.setPosixFilePermissions(dir, DIRECTORY);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(f, FILE);
                }
            }
        }
    }
}
