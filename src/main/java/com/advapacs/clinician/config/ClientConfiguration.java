package com.advapacs.clinician.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings that decide where the app connects: the portal address and whether users may
 * change it.
 *
 * <p>Read from {@code clinician.properties} in the machine-wide configuration directory that
 * IT manages, then from the same file name in the user's configuration directory. A user
 * file cannot override an address that the machine file locks. Keys:
 * <ul>
 *   <li>{@code portal.url}: the portal address, e.g. {@code https://portal.hospital.example}
 *   <li>{@code portal.url.locked}: {@code true} to stop users changing it
 * </ul>
 * A file that cannot be read or has an invalid value is reported through {@link #problems()}
 * and otherwise ignored, so the app still starts.
 */
public final class ClientConfiguration {

    public static final String FILE_NAME = "clinician.properties";
    static final String PORTAL_URL = "portal.url";
    static final String PORTAL_URL_LOCKED = "portal.url.locked";

    private static final Logger LOG = LoggerFactory.getLogger(ClientConfiguration.class);

    private final String portalUrl;
    private final boolean portalUrlLocked;
    private final List<String> problems;

    private ClientConfiguration(String portalUrl, boolean portalUrlLocked, List<String> problems) {
        this.portalUrl = portalUrl;
        this.portalUrlLocked = portalUrlLocked;
        this.problems = List.copyOf(problems);
    }

    /** Loads the machine file and then the user file from {@code directories}. */
    public static ClientConfiguration load(AppDirectories directories) {
        return load(directories.machineConfig().resolve(FILE_NAME),
                directories.config().resolve(FILE_NAME));
    }

    static ClientConfiguration load(Path machineFile, Path userFile) {
        List<String> problems = new ArrayList<>();
        Properties machine = read(machineFile, problems);
        Properties user = read(userFile, problems);

        boolean locked = parseBoolean(machine, PORTAL_URL_LOCKED, machineFile, problems);
        String url = machine.getProperty(PORTAL_URL);
        if (!locked && user.getProperty(PORTAL_URL) != null) {
            url = user.getProperty(PORTAL_URL);
        }
        if (locked && url == null) {
            problems.add(machineFile + ": " + PORTAL_URL_LOCKED + " is true but " + PORTAL_URL
                    + " is missing, so there is nothing to lock. Add " + PORTAL_URL + "=https://…");
            locked = false;
        }
        ClientConfiguration configuration = new ClientConfiguration(
                url == null || url.isBlank() ? null : url.strip(), locked, problems);
        LOG.info("Configuration: portal address {} ({}), from {} and {}",
                configuration.portalUrl == null ? "not set" : configuration.portalUrl,
                locked ? "locked" : "editable", machineFile, userFile);
        problems.forEach(problem -> LOG.warn("Configuration problem: {}", problem));
        return configuration;
    }

    /** The preset portal address, or null when none is configured. */
    public String portalUrl() {
        return portalUrl;
    }

    public boolean portalUrlLocked() {
        return portalUrlLocked;
    }

    /** Messages naming each file and value that was ignored, and how to fix it. */
    public List<String> problems() {
        return problems;
    }

    /** Remembers the portal address the user last signed in to, unless it is locked. */
    public static void rememberPortalUrl(AppDirectories directories, String url) {
        Path file = directories.config().resolve(FILE_NAME);
        List<String> ignored = new ArrayList<>();
        Properties user = read(file, ignored);
        if (!ignored.isEmpty() || url.equals(user.getProperty(PORTAL_URL))) {
            return;
        }
        user.setProperty(PORTAL_URL, url);
        try {
            Files.createDirectories(file.getParent());
            try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                user.store(writer, "AdvaPACS Clinician user settings");
            }
        } catch (IOException e) {
            LOG.warn("Could not save the portal address to {}: {}", file, e.toString());
        }
    }

    private static Properties read(Path file, List<String> problems) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return properties;
        } catch (IOException | IllegalArgumentException e) {
            problems.add(file + " could not be read (" + e.getMessage()
                    + "). Fix or remove the file; the app uses its defaults meanwhile.");
            return new Properties();
        }
        return properties;
    }

    private static boolean parseBoolean(Properties properties, String key, Path file,
            List<String> problems) {
        String value = properties.getProperty(key);
        if (value == null) {
            return false;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
                return true;
            case "false":
            case "no":
                return false;
            default:
                problems.add(file + ": " + key + "=" + value + " is not true or false. "
                        + "Write " + key + "=true or " + key + "=false.");
                return false;
        }
    }
}
