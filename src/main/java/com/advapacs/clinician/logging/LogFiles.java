package com.advapacs.clinician.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the log of the app, and of the reference portal, to a rolling file through
 * {@code java.util.logging} (JUL), which SLF4J's JUL binding (slf4j-jdk14) feeds. JavaFX logs
 * through JUL as well, so this adds few classes to the start-up.
 *
 * <p>Records from INFO up are written; the libraries of the portal (Jetty, Javalin, H2) only
 * from WARN up. Nothing is written to the console once {@link #start} has run.
 *
 * <p>NOTE: JUL closes its handlers in a shutdown hook of its own, so records logged from
 * other shutdown hooks are kept only when {@link ExitSafeLogManager} is JUL's manager. It is
 * not when something created a JUL logger before {@link #start}.
 */
public final class LogFiles {

    /** Name of the current log file. Rolled-over ones are clinician.1.log to clinician.5.log. */
    public static final String FILE_NAME = "clinician.log";
    /** Size at which the log file rolls over: 5 MiB. */
    static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    /** Number of rolled-over files kept. */
    static final int BACKUPS = 5;

    private static final String MANAGER_PROPERTY = "java.util.logging.manager";
    private static final List<String> QUIET_LIBRARIES =
            List.of("org.eclipse.jetty", "io.javalin", "org.h2", "h2database");
    /** JUL keeps only weak references to loggers, and a collected one loses its level. */
    private static final List<Logger> CONFIGURED_LOGGERS = new ArrayList<>();

    private LogFiles() {
    }

    /**
     * Creates {@code folder} if missing (mode 700 on POSIX file systems) and sends the log to
     * {@value #FILE_NAME} in it, in place of JUL's default console output.
     *
     * @return the log file
     * @throws IOException if the folder or the file cannot be created
     */
    public static synchronized Path start(Path folder) throws IOException {
        if (System.getProperty(MANAGER_PROPERTY) == null) {
            System.setProperty(MANAGER_PROPERTY, ExitSafeLogManager.class.getName());
        }
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
        RollingFileHandler handler = new RollingFileHandler(folder.resolve(FILE_NAME),
                MAX_FILE_BYTES, BACKUPS);
        Logger root = Logger.getLogger("");
        for (Handler previous : root.getHandlers()) {
            root.removeHandler(previous);
            previous.close();
        }
        root.setLevel(Level.INFO);
        root.addHandler(handler);
        for (String name : QUIET_LIBRARIES) {
            Logger library = Logger.getLogger(name);
            library.setLevel(Level.WARNING);
            CONFIGURED_LOGGERS.add(library);
        }
        return handler.file();
    }

    /** Returns the file that {@link #start} set up, if logging goes to one. */
    public static Optional<Path> activeFile() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler instanceof RollingFileHandler file) {
                return Optional.of(file.file());
            }
        }
        return Optional.empty();
    }
}
