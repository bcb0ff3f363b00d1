package com.advapacs.clinician.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollingFileHandlerTest {

    /** Formats a record as its message and a newline, so that sizes are easy to predict. */
    private static final Formatter MESSAGE_ONLY = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return record.getMessage() + "\n";
        }
    };

    @TempDir
    Path folder;

    @Test
    void backupNamesKeepExtension() {
        Path file = folder.resolve("clinician.log");
        assertEquals(folder.resolve("clinician.1.log"), RollingFileHandler.backup(file, 1));
        assertEquals(folder.resolve("clinician.5.log"), RollingFileHandler.backup(file, 5));
        assertEquals(folder.resolve("log.2"),
                RollingFileHandler.backup(folder.resolve("log"), 2));
    }

    @Test
    void rollsOverBySizeAndKeepsBackups() throws IOException {
        Path file = folder.resolve("clinician.log");
        RollingFileHandler handler = new RollingFileHandler(file, 22, 2);
        handler.setFormatter(MESSAGE_ONLY);
        for (int i = 1; i <= 7; i++) {
            // Each line is 11 bytes, so each file contains two lines.
            handler.publish(new LogRecord(Level.INFO, "record-00" + i));
        }
        handler.close();

        assertEquals("record-007\n", Files.readString(file));
        assertEquals("record-005\nrecord-006\n",
                Files.readString(folder.resolve("clinician.1.log")));
        assertEquals("record-003\nrecord-004\n",
                Files.readString(folder.resolve("clinician.2.log")));
        assertFalse(Files.exists(folder.resolve("clinician.3.log")), "only two backups kept");
    }

    @Test
    void appendsToExistingFileAndCountsIt() throws IOException {
        Path file = folder.resolve("clinician.log");
        Files.writeString(file, "earlier-01\n");
        RollingFileHandler handler = new RollingFileHandler(file, 22, 1);
        handler.setFormatter(MESSAGE_ONLY);
        handler.publish(new LogRecord(Level.INFO, "record-001"));
        handler.publish(new LogRecord(Level.INFO, "record-002"));
        handler.close();

        assertEquals("record-002\n", Files.readString(file));
        assertEquals("earlier-01\nrecord-001\n",
                Files.readString(folder.resolve("clinician.1.log")));
    }

    @Test
    void recordLongerThanLimitStillWritten() throws IOException {
        Path file = folder.resolve("clinician.log");
        RollingFileHandler handler = new RollingFileHandler(file, 5, 1);
        handler.setFormatter(MESSAGE_ONLY);
        handler.publish(new LogRecord(Level.INFO, "a long record"));
        handler.close();

        assertEquals("a long record\n", Files.readString(file));
        assertFalse(Files.exists(folder.resolve("clinician.1.log")), "nothing to roll over");
    }

    @Test
    void levelBelowHandlerLevelIgnored() throws IOException {
        Path file = folder.resolve("clinician.log");
        RollingFileHandler handler = new RollingFileHandler(file, 100, 1);
        handler.setFormatter(MESSAGE_ONLY);
        handler.setLevel(Level.INFO);
        handler.publish(new LogRecord(Level.FINE, "debug detail"));
        handler.publish(new LogRecord(Level.WARNING, "warning"));
        handler.close();

        assertEquals("warning\n", Files.readString(file));
    }

    @Test
    void filesCreatedPrivate() throws IOException {
        if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path file = folder.resolve("clinician.log");
        RollingFileHandler handler = new RollingFileHandler(file, 10, 1);
        handler.setFormatter(MESSAGE_ONLY);
        handler.publish(new LogRecord(Level.INFO, "record-001"));
        handler.publish(new LogRecord(Level.INFO, "record-002"));
        handler.close();

        assertEquals("rw-------", mode(file));
        assertEquals("rw-------", mode(folder.resolve("clinician.1.log")));
    }

    @Test
    void invalidLimitsRejected() {
        Path file = folder.resolve("clinician.log");
        assertThrows(IllegalArgumentException.class, () -> new RollingFileHandler(file, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RollingFileHandler(file, 10, 0));
    }

    @Test
    void closedHandlerIgnoresRecords() throws IOException {
        Path file = folder.resolve("clinician.log");
        RollingFileHandler handler = new RollingFileHandler(file, 100, 1);
        handler.close();
        handler.publish(new LogRecord(Level.INFO, "after close"));

        assertTrue(Files.readString(file).isEmpty());
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
