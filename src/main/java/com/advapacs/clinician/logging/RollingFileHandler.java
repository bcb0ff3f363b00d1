package com.advapacs.clinician.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * A {@code java.util.logging} handler that appends UTF-8 lines to one file and rolls it over
 * by size, keeping a fixed number of older files: {@code clinician.log} is renamed to
 * {@code clinician.1.log}, that one to {@code clinician.2.log}, and so on, and the oldest is
 * deleted. Each record is flushed at once, so a crash loses no line.
 *
 * <p>On a file system with POSIX permissions the handler creates its files with mode 600, so
 * that other users of the computer cannot read them. JUL's own {@code FileHandler} keeps a
 * lock file beside the log and numbers the current file too, which this naming avoids.
 */
public final class RollingFileHandler extends Handler {

    private final Path file;
    private final long maxFileBytes;
    private final int backups;
    private OutputStream out;
    private long fileBytes;

    /**
     * Opens {@code file} for appending, creating it if missing. Its folder must exist.
     *
     * @param maxFileBytes size at which the file rolls over; one record longer than that
     *     still goes into one file
     * @param backups how many rolled-over files to keep, at least 1
     * @throws IOException if the file cannot be created or opened
     */
    public RollingFileHandler(Path file, long maxFileBytes, int backups) throws IOException {
        if (maxFileBytes < 1 || backups < 1) {
            throw new IllegalArgumentException("Invalid log rollover settings: maxFileBytes "
                    + maxFileBytes + " and backups " + backups + " must both be at least 1.");
        }
        this.file = file.toAbsolutePath().normalize();
        this.maxFileBytes = maxFileBytes;
        this.backups = backups;
        setFormatter(new LogLineFormatter());
        open();
    }

    /** Returns the file that receives new records. */
    public Path file() {
        return file;
    }

    /** Returns the name of the {@code index}th rolled-over file, e.g. clinician.1.log. */
    static Path backup(Path file, int index) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String rolled = dot > 0
                ? name.substring(0, dot) + "." + index + name.substring(dot)
                : name + "." + index;
        return file.resolveSibling(rolled);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (out == null || !isLoggable(record)) {
            return;
        }
        byte[] line;
        try {
            line = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            reportError("Cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        try {
            if (fileBytes > 0 && fileBytes + line.length > maxFileBytes) {
                rollOver();
            }
            out.write(line);
            out.flush();
            fileBytes += line.length;
        } catch (IOException e) {
            reportError("Cannot write to " + file, e, ErrorManager.WRITE_FAILURE);
        }
    }

    @Override
    public synchronized void flush() {
        if (out == null) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            reportError("Cannot flush " + file, e, ErrorManager.FLUSH_FAILURE);
        }
    }

    @Override
    public synchronized void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            reportError("Cannot close " + file, e, ErrorManager.CLOSE_FAILURE);
        }
        out = null;
    }

    private void open() throws IOException {
        if (isPosix() && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException e) {
                // Another process created it first, so append to it as it is.
            }
        }
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        fileBytes = Files.size(file);
    }

    private void rollOver() throws IOException {
        out.close();
        out = null;
        Files.deleteIfExists(backup(file, backups));
        for (int index = backups - 1; index >= 1; index--) {
            Path older = backup(file, index);
            if (Files.exists(older, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(older, backup(file, index + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, backup(file, 1), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    private boolean isPosix() {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
