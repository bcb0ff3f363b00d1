package com.advapacs.clinician.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import com.advapacs.clinician.server.store.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Log folder of the standalone portal. The shared {@code logback.xml} writes to the folder in
 * the system property {@value #LOG_DIRECTORY_PROPERTY} and, when it is unset, to a folder in
 * the system's temporary folder that every local user can reach.
 *
 * <p>This class has no logger field: {@link #configure} must run before logback starts.
 */
final class PortalLogging {
    /** System property that {@code logback.xml} reads for the log folder. */
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
     * Creates {@code folder} with mode 700 if it is missing and sets the system property to
     * it. Call it before anything creates a logger, because logback reads the property once
     * when it starts.
     *
     * @throws IOException if the folder cannot be created
     */
    static void configure(Path folder) throws IOException {
        PrivateFiles.createDirectories(folder);
        System.setProperty(LOG_DIRECTORY_PROPERTY, folder.toString());
    }

    /**
     * Returns the files that logback's file appenders write, in the order of their loggers,
     * or an empty list when logging goes to no file.
     */
    static List<Path> activeLogFiles() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return List.of();
        }
        Set<Path> files = new LinkedHashSet<>();
        for (Logger logger : context.getLoggerList()) {
            Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders();
            while (appenders.hasNext()) {
                if (appenders.next() instanceof FileAppender<?> file && file.getFile() != null) {
                    files.add(Path.of(file.getFile()).toAbsolutePath().normalize());
                }
            }
        }
        return List.copyOf(files);
    }

    /**
     * Sets mode 600 on the active log files and on the rolled files beside them, such as
     * {@code clinician.1.log} next to {@code clinician.log}. NOTE: after a rollover logback
     * opens a new file with the process umask, which stays private only inside a folder of
     * mode 700, such as one that {@link #configure} created.
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
