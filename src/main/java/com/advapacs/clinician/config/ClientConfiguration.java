package com.advapacs.clinician.config;

import com.advapacs.clinician.portal.ConnectionSettings;
import com.advapacs.clinician.portal.PortalAddress;
import com.advapacs.clinician.portal.TrustedAuthorities;
import java.io.IOException;
import java.io.Reader;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
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
 *   <li>{@code proxy}: {@code system} (the default), {@code none}, or {@code host:port} of an
 *       HTTP proxy
 *   <li>{@code tls.extraCaCertificates}: comma-separated PEM files of certificate
 *       authorities to trust as well, such as a TLS-inspecting proxy's
 *   <li>{@code support.contact}: whom users should contact about security keys, such as
 *       {@code the IT service desk, extension 4321}
 * </ul>
 * A file that cannot be read or has an invalid value is reported through {@link #problems()}
 * and otherwise ignored, so the app still starts.
 */
public final class ClientConfiguration {

    public static final String FILE_NAME = "clinician.properties";
    static final String PORTAL_URL = "portal.url";
    static final String PORTAL_URL_LOCKED = "portal.url.locked";
    static final String PROXY = "proxy";
    static final String EXTRA_CA_CERTIFICATES = "tls.extraCaCertificates";
    static final String SUPPORT_CONTACT = "support.contact";

    private static final Logger LOG = LoggerFactory.getLogger(ClientConfiguration.class);

    private final String portalUrl;
    private final boolean portalUrlLocked;
    private final ConnectionSettings connection;
    private final String supportContact;
    private final List<String> problems;

    private ClientConfiguration(String portalUrl, boolean portalUrlLocked,
            ConnectionSettings connection, String supportContact, List<String> problems) {
        this.portalUrl = portalUrl;
        this.portalUrlLocked = portalUrlLocked;
        this.connection = connection;
        this.supportContact = supportContact;
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
        Path urlFile = machineFile;
        if (!locked && user.getProperty(PORTAL_URL) != null) {
            url = user.getProperty(PORTAL_URL);
            urlFile = userFile;
        }
        if (url != null && !url.isBlank() && !validAddress(url, urlFile, problems)) {
            // Unlocked and empty, the sign-in window lets the user type a working address.
            url = null;
            locked = false;
        }
        if (locked && url == null) {
            problems.add(machineFile + ": " + PORTAL_URL_LOCKED + " is true but " + PORTAL_URL
                    + " is missing, so there is nothing to lock. Add " + PORTAL_URL + "=https://…");
            locked = false;
        }
        Proxy proxy = user.getProperty(PROXY) != null
                ? parseProxy(user, userFile, problems)
                : parseProxy(machine, machineFile, problems);
        List<X509Certificate> authorities = new ArrayList<>();
        authorities.addAll(readAuthorities(machine, machineFile, problems));
        authorities.addAll(readAuthorities(user, userFile, problems));
        ClientConfiguration configuration = new ClientConfiguration(
                url == null || url.isBlank() ? null : url.strip(), locked,
                new ConnectionSettings(proxy, authorities),
                machine.getProperty(SUPPORT_CONTACT), problems);
        LOG.info("Configuration: portal address {} ({}), proxy {}, {} extra certificate "
                + "authorities, from {} and {}",
                configuration.portalUrl == null ? "not set" : configuration.portalUrl,
                locked ? "locked" : "editable", proxy == null ? "system" : proxy,
                authorities.size(), machineFile, userFile);
        problems.forEach(problem -> LOG.warn("Configuration problem: {}", problem));
        return configuration;
    }

    /** Returns the preset portal address, or null when none is configured. */
    public String portalUrl() {
        return portalUrl;
    }

    public boolean portalUrlLocked() {
        return portalUrlLocked;
    }

    /** Returns the proxy and certificate authorities for connections to the portal. */
    public ConnectionSettings connection() {
        return connection;
    }

    /** Whom to contact about security keys, or null for the portal's support. */
    public String supportContact() {
        return supportContact;
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

    private static Proxy parseProxy(Properties properties, Path file, List<String> problems) {
        String value = properties.getProperty(PROXY);
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("system")) {
            return null;
        }
        String text = value.strip();
        if (text.equalsIgnoreCase("none")) {
            return Proxy.NO_PROXY;
        }
        if (text.startsWith("http://")) {
            text = text.substring("http://".length());
        }
        int colon = text.lastIndexOf(':');
        if (colon > 0) {
            try {
                int port = Integer.parseInt(text.substring(colon + 1).replace("/", ""));
                if (port > 0 && port < 65536) {
                    return ConnectionSettings.httpProxy(text.substring(0, colon), port);
                }
            } catch (NumberFormatException e) {
                // Reported below with the accepted forms.
            }
        }
        problems.add(where(file, PROXY) + ": " + PROXY + "=" + value + " is not a proxy. Write "
                + PROXY + "=system, " + PROXY + "=none or " + PROXY + "=proxy.hospital.example:8080."
                + " The system proxy settings are used meanwhile.");
        return null;
    }

    private static List<X509Certificate> readAuthorities(Properties properties, Path file,
            List<String> problems) {
        String value = properties.getProperty(EXTRA_CA_CERTIFICATES);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (String name : value.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            Path pem = Path.of(name.strip());
            try {
                certificates.addAll(TrustedAuthorities.read(pem));
            } catch (IOException | CertificateException | IllegalArgumentException e) {
                problems.add(where(file, EXTRA_CA_CERTIFICATES) + ": the certificate file "
                        + pem + " could not be read (" + e.getMessage() + "). Give the path of "
                        + "a PEM file with the CA certificate; it is ignored meanwhile.");
            }
        }
        return certificates;
    }

    /** Names the file and, where the key is found in it, the line: {@code file:12}. */
    static String where(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).stripLeading();
                if (line.startsWith(key) && line.substring(key.length()).stripLeading()
                        .matches("^[=:].*")) {
                    return file + ":" + (i + 1);
                }
            }
        } catch (IOException e) {
            return file.toString();
        }
        return file.toString();
    }

    /** Checks a configured portal address as the sign-in window would; records why not. */
    private static boolean validAddress(String url, Path file, List<String> problems) {
        try {
            PortalAddress.parse(url);
            return true;
        } catch (IllegalArgumentException e) {
            problems.add(where(file, PORTAL_URL) + ": " + PORTAL_URL + "=" + url.strip()
                    + " is not used. " + e.getMessage());
            return false;
        }
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
                problems.add(where(file, key) + ": " + key + "=" + value
                        + " is not true or false. "
                        + "Write " + key + "=true or " + key + "=false.");
                return false;
        }
    }
}
