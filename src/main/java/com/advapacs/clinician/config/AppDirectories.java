package com.advapacs.clinician.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The folders for the app's files on each operating system: per-user data, per-user settings,
 * logs, and the machine-wide configuration that IT manages.
 *
 * <p>Linux follows the XDG Base Directory specification; Windows uses the known folders
 * from the environment; macOS uses the folders under {@code ~/Library}.
 */
public record AppDirectories(Path data, Path config, Path logs, Path machineConfig) {

    private static final String LINUX_NAME = "advapacs-clinician";
    private static final String VENDOR_NAME = "AdvaPACS";
    private static final String MAC_NAME = "AdvaPACS Clinician";

    /** Directories for the running system and user. */
    public static AppDirectories forCurrentUser() {
        return resolve(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")),
                System.getenv());
    }

    /** Directories for an operating system name, home directory and environment. */
    static AppDirectories resolve(String osName, Path home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path local = envPath(env, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"));
            Path roaming = envPath(env, "APPDATA", home.resolve("AppData").resolve("Roaming"));
            Path programData = envPath(env, "ProgramData", Path.of("C:\\ProgramData"));
            return new AppDirectories(
                    local.resolve(VENDOR_NAME).resolve("Clinician"),
                    roaming.resolve(VENDOR_NAME).resolve("Clinician"),
                    local.resolve(VENDOR_NAME).resolve("Clinician").resolve("Logs"),
                    programData.resolve(VENDOR_NAME).resolve("Clinician"));
        }
        if (os.startsWith("mac")) {
            Path library = home.resolve("Library");
            return new AppDirectories(
                    library.resolve("Application Support").resolve(MAC_NAME),
                    library.resolve("Preferences").resolve(MAC_NAME),
                    library.resolve("Logs").resolve(MAC_NAME),
                    Path.of("/Library/Application Support").resolve(MAC_NAME));
        }
        Path dataHome = envPath(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share"));
        Path configHome = envPath(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        Path stateHome = envPath(env, "XDG_STATE_HOME", home.resolve(".local").resolve("state"));
        return new AppDirectories(
                dataHome.resolve(LINUX_NAME),
                configHome.resolve(LINUX_NAME),
                stateHome.resolve(LINUX_NAME).resolve("logs"),
                Path.of("/etc").resolve(LINUX_NAME));
    }

    /** Reads a directory from the environment, ignoring relative paths as XDG requires. */
    private static Path envPath(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? path : fallback;
    }
}
