package com.advapacs.clinician.server;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Default location of the portal database in the user's per-platform data folder. */
public final class DataDirectories {
    private DataDirectories() {
    }

    /** Returns the default database path for this process's platform and user. */
    public static Path defaultDatabasePath() {
        return defaultDatabasePath(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home")));
    }

    /**
     * Returns the default database path: %LOCALAPPDATA%\AdvaPACS\Clinician\portal on Windows,
     * ~/Library/Application Support/AdvaPACS Clinician/portal on macOS, and elsewhere
     * $XDG_DATA_HOME/advapacs-clinician/portal with ~/.local/share as the fallback of the XDG
     * Base Directory Specification.
     */
    static Path defaultDatabasePath(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String localAppData = env.get("LOCALAPPDATA");
            Path base = localAppData != null && !localAppData.isBlank()
                    ? Path.of(localAppData)
                    : home.resolve("AppData").resolve("Local");
            return base.resolve("AdvaPACS").resolve("Clinician").resolve("portal");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support")
                    .resolve("AdvaPACS Clinician").resolve("portal");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG Base Directory Specification treats a relative path as invalid, so it is ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : home.resolve(".local").resolve("share");
        return base.resolve("advapacs-clinician").resolve("portal");
    }
}
