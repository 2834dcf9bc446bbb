package org.m2mkit.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's work directory is private to the kit's user, and what a killed kit left is removed. */
class WorkDirsTest {

    @Test
    void aNewDirectoryIsOwnerOnlyAndAnOpenOneIsClosed(@TempDir Path dir) throws IOException {
        Path made = WorkDirs.ensurePrivate(dir.resolve("grader"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rwx------");
        Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("rwxrwxrwx"));
        WorkDirs.ensurePrivate(made);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rwx------");
    }

    @Test
    void aDirectoryOfAnotherUserIsRefused(@TempDir Path dir) throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can hand a folder to another user");
        Path theirs = Files.createDirectory(dir.resolve("grader"));
        UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(theirs, nobody);
        assertThatThrownBy(() -> WorkDirs.ensurePrivate(theirs)).hasMessageContaining("belongs to nobody")
                .hasMessageContaining("another user may have made it");
    }

    @Test
    void aSymbolicLinkIsRefused(@TempDir Path dir) throws IOException {
        Path target = Files.createDirectory(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("grader"), target);
        assertThatThrownBy(() -> WorkDirs.ensurePrivate(link)).hasMessageContaining("is a symbolic link");
    }

    @Test
    void foldersOfGoneProcessesAreRemovedAndLiveOnesKept(@TempDir Path dir) throws IOException {
        long gone = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 100_000;
        Path stale = Files.createDirectories(dir.resolve("kit-" + gone + "-123/scratch-1"));
        Path legacy = Files.createDirectories(dir.resolve("classpath-456"));
        Path mine = WorkDirs.newInstance(dir);
        assertThat(stale.getParent()).doesNotExist();
        assertThat(legacy).doesNotExist();
        assertThat(mine).exists();
        assertThat(WorkDirs.removeStale(dir)).isZero();
        assertThat(mine).exists();
    }
}
