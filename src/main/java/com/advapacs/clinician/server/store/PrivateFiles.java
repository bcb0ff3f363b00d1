package com.advapacs.clinician.server.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File operations that keep the database and the logs private to the portal's user, because
 * the database contains TOTP secrets that are enough to generate a clinician's codes. On a
 * file system with POSIX permissions, directories created here get mode 700 and files mode
 * 600, whatever the process umask.
 *
 * <p>NOTE: on a file system without POSIX permissions, such as NTFS on Windows, nothing is
 * changed. New files then inherit the ACL of their folder. Under the user profile, as with the
 * default %LOCALAPPDATA% location, that normally means the user, administrators and SYSTEM,
 * but a folder given with --database or --log-dir keeps whatever ACL it has.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> OWNER_DIRECTORY =
            PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE =
            PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Returns the logger on first use, not when the class loads, because the portal creates
     * its log folder with {@link #createDirectories} before logging may start.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(PrivateFiles.class);
    }

    /** Returns whether the file system of {@code path} has POSIX permissions. */
    public static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates {@code directory} and its missing parents with mode 700. Directories that
     * already exist keep their mode, because they may be shared folders such as /var/lib.
     */
    public static void createDirectories(Path directory) throws IOException {
        if (isPosix(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                    OWNER_DIRECTORY));
        } else {
            Files.createDirectories(directory);
        }
    }

    /**
     * Creates an empty {@code file} with mode 600 unless it exists, so that a program that
     * writes into it later, such as H2, never leaves it readable by others even for a moment.
     */
    public static void createFileIfMissing(Path file) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        FileAttribute<?>[] attributes = isPosix(file)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
        try {
            Files.createFile(file, attributes);
        } catch (FileAlreadyExistsException e) {
            // Another process created it first, and restrictFiles then fixes its mode.
        }
    }

    /**
     * Sets mode 600 on the regular files in {@code directory} whose names match, and returns
     * how many it changed. A file that cannot be changed, for example because another user
     * owns it, is logged and skipped.
     */
    public static int restrictFiles(Path directory, Predicate<String> names) throws IOException {
        if (!isPosix(directory) || !Files.isDirectory(directory)) {
            return 0;
        }
        int changed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
                entry -> names.test(entry.getFileName().toString()))) {
            for (Path entry : entries) {
                if (restrictFile(entry)) {
                    changed++;
                }
            }
        }
        return changed;
    }

    /** Sets mode 600 on a regular file and returns whether the mode changed. */
    public static boolean restrictFile(Path file) {
        if (!isPosix(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            if (Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
                    .equals(OWNER_FILE)) {
                return false;
            }
            Files.setPosixFilePermissions(file, OWNER_FILE);
            log().info("Restricted {} to its owner (mode 600)", file);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            log().warn("Cannot restrict {} to its owner: {}", file, e.toString());
            return false;
        }
    }
}
