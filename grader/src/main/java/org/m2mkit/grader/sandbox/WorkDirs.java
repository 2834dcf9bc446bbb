package org.m2mkit.grader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's work directories. The root is private to the kit's user: created owner-only, and refused when it
 * is a symbolic link or belongs to someone else (another local user who made it first could otherwise swap the
 * sandbox's class path). Each launcher works in a folder of its own, {@code kit-<pid>-<random>}, so that the next
 * start can tell a folder whose process is gone (a kit killed with {@code kill -9}) and remove it.
 */
public final class WorkDirs {
    private static final Logger LOG = LoggerFactory.getLogger(WorkDirs.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Pattern INSTANCE = Pattern.compile("kit-(\\d+)-.*");
    /** Folders an earlier version of the kit made directly in the root; nothing makes them any more. */
    private static final Pattern LEGACY = Pattern.compile("(classpath|scratch|seccomp)-.*");

    private WorkDirs() {
    }

    /**
     * Makes {@code root} if it is missing and checks that only this user can use it.
     *
     * @throws IllegalStateException naming what is wrong with the directory and what to do
     */
    public static Path ensurePrivate(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        try {
            if (Files.notExists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir.getParent());
                try {
                    if (posix(dir.getParent())) {
                        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    } else {
                        Files.createDirectory(dir);
                    }
                } catch (FileAlreadyExistsException raced) {
                    // made meanwhile (by another kit of this user, or by someone else): checked below
                }
            }
            if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalStateException("the sandbox work directory " + dir + " is a symbolic link or not a "
                        + "directory; remove it, or choose another data directory");
            }
            if (!posix(dir)) {
                return dir;
            }
            PosixFileAttributes attrs = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            if (!attrs.owner().equals(me)) {
                throw new IllegalStateException("the sandbox work directory " + dir + " belongs to "
                        + attrs.owner().getName() + ", not to " + me.getName() + " who runs the kit; another user may "
                        + "have made it. Remove it, or choose another data directory");
            }
            if (!attrs.permissions().equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the sandbox work directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A new folder of this process's own under {@code root}, after removing those of processes that are gone. */
    public static Path newInstance(Path root) {
        removeStale(root);
        try {
            return Files.createTempDirectory(root, "kit-" + ProcessHandle.current().pid() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder under " + root + ": " + e.getMessage(), e);
        }
    }

    /** Removes the folders under {@code root} that belong to no running process; returns how many. */
    public static int removeStale(Path root) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(root)) {
            entries = list.toList();
        } catch (IOException e) {
            return 0;
        }
        int removed = 0;
        for (Path p : entries) {
            String name = p.getFileName().toString();
            Matcher m = INSTANCE.matcher(name);
            boolean stale = m.matches() ? !alive(Long.parseLong(m.group(1))) : LEGACY.matcher(name).matches();
            if (stale) {
                ChildLauncher.deleteTree(p);
                removed++;
            }
        }
        if (removed > 0) {
            LOG.info("removed {} sandbox folder(s) left under {} by a kit that stopped without closing", removed, root);
        }
        return removed;
    }

    private static boolean alive(long pid) {
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean posix(Path p) {
        return Files.getFileAttributeView(p, PosixFileAttributeView.class) != null;
    }
}
