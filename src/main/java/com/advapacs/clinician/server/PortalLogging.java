package com.advapacs.clinician.server;

import com.advapacs.clinician.logging.LogFiles;
import com.advapacs.clinician.server.store.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Log folder of the standalone portal, which logs through {@link LogFiles} like the app.
 *
 * <p>This class has no logger field: {@link #configure} must run before anything logs, so
 * that no record goes to the console instead of the file.
 */
final class PortalLogging {
    /** System property that names the log folder when --log-dir is not given. */
    static final String LOG_DIRECTORY_PROPERTY = "advapacs.logDir";

    private PortalLogging() {
    }

    /**
     * Returns the log folder: {@code commandLineFolder} if given, else the system property,
     * else the folder {@code logs} beside the database.
     *
     * @param commandLineFolder the value of --log-dir, or null
     * @param propertyValue the value of {@value #LOG_DIRECTORY_PROPERTY}, or null
     * @param database H2 database path without the {@code .mv.db} suffix
     */
    static Path logDirectory(Path commandLineFolder, String propertyValue, Path database) {
        if (commandLineFolder != null) {
            return commandLineFolder.toAbsolutePath().normalize();
        }
        if (propertyValue != null && !propertyValue.isBlank()) {
            return Path.of(propertyValue).toAbsolutePath().normalize();
        }
        Path absolute = database.toAbsolutePath().normalize();
        Path parent = absolute.getParent() != null ? absolute.getParent() : absolute.getRoot();
        return parent.resolve("logs");
    }

    /**
     * Creates {@code folder} with mode 700 if it is missing and sends the log to
     * {@value LogFiles#FILE_NAME} in it, created with mode 600.
     *
     * @throws IOException if the folder or the log file cannot be created
     */
    static void configure(Path folder) throws IOException {
        PrivateFiles.createDirectories(folder);
        LogFiles.start(folder);
    }

    /** Returns the file that the log goes to, or an empty list when it goes to no file. */
    static List<Path> activeLogFiles() {
        return LogFiles.activeFile().map(List::of).orElse(List.of());
    }

    /**
     * Sets mode 600 on the active log file and on the rolled-over files beside it, such as
     * {@code clinician.1.log} next to {@code clinician.log}, which an older version of the
     * portal may have left readable by others. New files get mode 600 when they are created.
     */
    static void restrictActiveLogFiles() throws IOException {
        for (Path file : activeLogFiles()) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String base = dot > 0 ? name.substring(0, dot + 1) : name;
            PrivateFiles.restrictFile(file);
            if (file.getParent() != null) {
                PrivateFiles.restrictFiles(file.getParent(),
                        sibling -> sibling.startsWith(base) && sibling.endsWith(".log"));
            }
        }
    }
}
