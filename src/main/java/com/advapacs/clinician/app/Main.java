package com.advapacs.clinician.app;

import com.advapacs.clinician.config.AppDirectories;
import com.advapacs.clinician.demo.EmbeddedPortal;
import com.advapacs.clinician.i18n.Messages;
import com.advapacs.clinician.logging.LogFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;

/**
 * Entry point. A class apart from {@link ClinicianApp} so that JavaFX can start from the
 * class path, and so that logging is pointed at the log directory before any logger exists.
 */
public final class Main {

    /** System property naming a log folder in place of the per-user one. */
    static final String LOG_DIRECTORY_PROPERTY = "advapacs.logDir";

    private Main() {
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        if (options.demo() && !EmbeddedPortal.isAvailable(Main.class.getClassLoader())) {
            System.err.println(Messages.get("demo.notInstalled"));
            System.exit(2);
            return;
        }
        String logProperty = System.getProperty(LOG_DIRECTORY_PROPERTY);
        Path logFolder = logProperty != null && !logProperty.isBlank() ? Path.of(logProperty)
                : AppDirectories.forCurrentUser().logs();
        try {
            LogFiles.start(logFolder);
        } catch (IOException e) {
            System.err.println("Cannot write the log to " + logFolder + " (" + e
                    + "), so it goes to this console. Check that the folder is writable.");
        }
        // Honour the operating system's proxy settings, as hospital networks often need.
        System.setProperty("java.net.useSystemProxies", "true");
        String version = Main.class.getPackage().getImplementationVersion();
        org.slf4j.LoggerFactory.getLogger(Main.class).info("AdvaPACS Clinician {} starting on "
                + "Java {} ({})", version == null ? "(development build)" : version,
                System.getProperty("java.version"), System.getProperty("os.name"));
        if (options.selfCheck()) {
            System.exit(SelfCheck.run(System.out, AppDirectories.forCurrentUser()));
        }
        Application.launch(ClinicianApp.class, args);
    }
}
