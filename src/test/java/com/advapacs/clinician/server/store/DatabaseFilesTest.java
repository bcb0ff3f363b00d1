package com.advapacs.clinician.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database folder and H2 files are private to the portal's user on POSIX systems. */
class DatabaseFilesTest {
    @TempDir
    Path folder;

    @BeforeEach
    void requirePosix() {
        assumeTrue(PrivateFiles.isPosix(folder), "the file system has no POSIX permissions");
    }

    @Test
    void newFolderAndFileArePrivate() throws IOException {
        Path data = folder.resolve("new").resolve("data");
        try (Database database = Database.open(data.resolve("portal"))) {
            database.transaction(connection -> {
                new OrganisationStore().ensureExists(connection, "St Test Hospital");
                return null;
            });
        }

        assertEquals("rwx------", mode(folder.resolve("new")));
        assertEquals("rwx------", mode(data));
        assertEquals("rw-------", mode(data.resolve("portal.mv.db")));
        assertEquals(List.of("portal.mv.db"), names(data), "no trace or lock file");
    }

    @Test
    void existingFilesAreRestrictedAtOpen() throws IOException {
        Path database = folder.resolve("portal");
        Database.open(database).close();
        for (String name : new String[] {"portal.mv.db", "portal.trace.db", "portal.txt",
                "other.mv.db"}) {
            Path file = folder.resolve(name);
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        Database.open(database).close();

        assertEquals("rw-------", mode(folder.resolve("portal.mv.db")));
        assertEquals("rw-------", mode(folder.resolve("portal.trace.db")));
        assertEquals("rw-r--r--", mode(folder.resolve("portal.txt")), "not an H2 file");
        assertEquals("rw-r--r--", mode(folder.resolve("other.mv.db")), "another database");
        assertEquals("rwxr-xr-x", mode(folder), "an existing folder keeps its mode");
    }

    @Test
    void restrictFileReportsChange() throws IOException {
        Path file = Files.createFile(folder.resolve("clinician.log"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        assertTrue(PrivateFiles.restrictFile(file));
        assertEquals("rw-------", mode(file));
        assertFalse(PrivateFiles.restrictFile(file), "already private");
        assertFalse(PrivateFiles.restrictFile(folder.resolve("missing.log")));
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<String> names(Path directory) throws IOException {
        try (var entries = Files.list(directory)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }
}
