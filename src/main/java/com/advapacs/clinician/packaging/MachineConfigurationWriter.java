package com.advapacs.clinician.packaging;

import com.advapacs.clinician.config.AppDirectories;
import com.advapacs.clinician.config.ClientConfiguration;
import com.advapacs.clinician.portal.PortalAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes the portal address into the machine-wide {@code clinician.properties}, which the app
 * reads before the user's file. The Windows installer runs it as its {@code configure-portal}
 * launcher when an install sets {@code PORTAL_URL}, e.g.
 * {@code msiexec /i "AdvaPACS Clinician-0.1.0.msi" /qn PORTAL_URL=https://portal.hospital.example}.
 *
 * <p>Other lines of an existing file, comments included, stay as they are. An invalid address
 * is rejected with exit status 1, so the installation fails instead of leaving a file that
 * the app would ignore.
 */
public final class MachineConfigurationWriter {

    /** Key names as {@link ClientConfiguration} reads them. */
    static final String PORTAL_URL = "portal.url";
    static final String PORTAL_URL_LOCKED = "portal.url.locked";

    private MachineConfigurationWriter() {
    }

    /**
     * Sets {@code portal.url} in {@code file}, and {@code portal.url.locked} when
     * {@code locked} is not null, creating the file and its folder when missing.
     *
     * @return the address as written, e.g. https://portal.hospital.example
     * @throws IllegalArgumentException when the address is not a valid portal address
     */
    public static String write(Path file, String portalUrl, Boolean locked) throws IOException {
        String address = PortalAddress.parse(portalUrl).toString();
        List<String> lines = Files.isRegularFile(file)
                ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                : new ArrayList<>(List.of("# Written by the AdvaPACS Clinician installer."));
        set(lines, PORTAL_URL, escape(address));
        if (locked != null) {
            set(lines, PORTAL_URL_LOCKED, locked.toString());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(),
                ClientConfiguration.FILE_NAME, ".tmp");
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return address;
    }

    /** Replaces the first line that sets {@code key}, or appends one. */
    static void set(List<String> lines, String key, String value) {
        Pattern setsKey = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:\\s].*");
        for (int i = 0; i < lines.size(); i++) {
            if (setsKey.matcher(lines.get(i)).matches()) {
                lines.set(i, key + "=" + value);
                return;
            }
        }
        lines.add(key + "=" + value);
    }

    /** Escapes what {@link java.util.Properties#load} would otherwise read differently. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    /**
     * Usage: {@code configure-portal --portal-url URL [--locked true|false] [--file PATH]}.
     * Without {@code --file} it writes the machine-wide file of this system, e.g.
     * {@code %ProgramData%\AdvaPACS\Clinician\clinician.properties} on Windows.
     */
    public static void main(String[] args) {
        String url = null;
        Boolean locked = null;
        Path file = AppDirectories.forCurrentUser().machineConfig()
                .resolve(ClientConfiguration.FILE_NAME);
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--portal-url" -> url = argument(args, ++i, "--portal-url");
                    case "--locked" -> locked = parseBoolean(argument(args, ++i, "--locked"));
                    case "--file" -> file = Path.of(argument(args, ++i, "--file"));
                    default -> throw new IllegalArgumentException("Unknown option '" + args[i]
                            + "'. Use --portal-url URL [--locked true|false] [--file PATH].");
                }
            }
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("--portal-url is missing, e.g. "
                        + "--portal-url https://portal.hospital.example");
            }
            String written = write(file, url, locked);
            System.out.println("Wrote " + PORTAL_URL + "=" + written + " to " + file);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("Could not write " + file + ": " + e);
            System.exit(1);
        }
    }

    private static String argument(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args[index];
    }

    private static boolean parseBoolean(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("--locked " + value
                    + " is not true or false.");
        };
    }
}
