package com.advapacs.clinician.server.cli;

import com.advapacs.clinician.server.PortalConfig;
import com.advapacs.clinician.server.passkey.AttestationPreference;
import com.advapacs.clinician.server.passkey.PasskeySettings;
import com.advapacs.clinician.server.passkey.UserVerification;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses the portal's command line; options take {@code --name value} or {@code --name=value}. */
public final class CommandLineParser {
    public static final String USAGE = """
            Usage: PortalServerMain [--port N] [--bind ADDRESS] [--database PATH]
                                    [--log-dir DIR] [--rp-id DOMAIN] [--origin URL]
                                    [--user-verification MODE] [--attestation MODE]
                   PortalServerMain --add-user EMAIL --display-name NAME [--organisation ORG]
                                    [--require-mfa] [--database PATH] [--log-dir DIR]
                   PortalServerMain --require-mfa-for-organisation ORG [--database PATH]
                                    [--log-dir DIR]

            Serving (the default):
              --port N         TCP port to listen on, 0 picks a free port (default 8080)
              --bind ADDRESS   IP address to listen on (default 127.0.0.1); any address other
                               than loopback exposes the portal to the network
              --database PATH  H2 database path without the .mv.db suffix
                               (default: %s)
              --log-dir DIR    folder for the log files, created with mode 700 if missing
                               (default: the system property advapacs.logDir when it is
                               set, else the folder "logs" beside the database)

            Passkeys (serving only):
              --rp-id DOMAIN   WebAuthn RP ID: the domain passkeys are bound to, never an IP
                               address (default: localhost); passkeys registered under one
                               RP ID do not work under another
              --origin URL     scheme, host and port the app uses to reach the portal, which
                               must match the client data exactly, for example
                               https://portal.example.org:8443; its host must be the RP ID or
                               a subdomain of it (default: http://localhost:PORT); required
                               with an RP ID other than localhost
              --user-verification MODE
                               required, preferred or discouraged: whether a security key
                               must check a PIN or fingerprint (default: preferred)
              --attestation MODE
                               none or direct: direct also accepts an attestation certificate
                               chain, without checking it against a trust anchor
                               (default: none)

            Administration (changes the database and exits; stop a portal that uses the same
            database first, because H2 lets only one process open the file):
              --add-user EMAIL         create a clinician account; the password is read from
                                       the console without echo, or as one line of stdin
              --display-name NAME      name shown to the clinician (required with --add-user)
              --organisation ORG       organisation of the new account
              --require-mfa            require a second sign-in step for the new account
              --require-mfa-for-organisation ORG
                                       require a second sign-in step for every member of ORG,
                                       now and later; ORG must already have a member, so a
                                       misspelt name exits with status 2 and lists the
                                       organisations that have members
              --help                   show this text
            """;

    private static final Set<String> VALUE_OPTIONS = Set.of("--port", "--bind", "--database",
            "--add-user", "--display-name", "--organisation", "--require-mfa-for-organisation",
            "--rp-id", "--origin", "--user-verification", "--attestation", "--log-dir");
    private static final List<String> SERVE_ONLY_OPTIONS = List.of("--port", "--bind",
            "--rp-id", "--origin", "--user-verification", "--attestation");
    private static final Set<String> FLAG_OPTIONS = Set.of("--require-mfa", "--help");
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private CommandLineParser() {
    }

    /**
     * Parses {@code args}.
     *
     * @throws UsageException for an unknown, repeated or misplaced option or an invalid value
     */
    public static PortalCommand parse(List<String> args) throws UsageException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (FLAG_OPTIONS.contains(name)) {
                if (value != null) {
                    throw new UsageException(name + " takes no value; write just " + name + ".");
                }
                value = "";
            } else if (VALUE_OPTIONS.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException(name + " needs a value, for example "
                                + example(name) + ".");
                    }
                    value = args.get(++i);
                }
            } else {
                throw new UsageException("Unknown option \"" + arg
                        + "\". Run with --help to list the options.");
            }
            if (options.put(name, value) != null) {
                throw new UsageException(name + " was given more than once; give it once.");
            }
        }
        return toCommand(options);
    }

    private static PortalCommand toCommand(Map<String, String> options) throws UsageException {
        if (options.containsKey("--help")) {
            return new PortalCommand(PortalCommand.Action.HELP, null, 0, null, null, null, null,
                    false, null, null);
        }
        Path database = options.containsKey("--database")
                ? databasePath(options.get("--database")) : null;
        Path logDirectory = options.containsKey("--log-dir")
                ? logDirectory(options.get("--log-dir")) : null;
        boolean addUser = options.containsKey("--add-user");
        boolean requireForOrganisation = options.containsKey("--require-mfa-for-organisation");
        if (addUser && requireForOrganisation) {
            throw new UsageException("Use either --add-user or --require-mfa-for-organisation,"
                    + " not both; run the command twice.");
        }
        if (!addUser) {
            rejectPresent(options, List.of("--display-name", "--organisation", "--require-mfa"),
                    " only applies together with --add-user EMAIL.");
        }

        if (addUser || requireForOrganisation) {
            rejectPresent(options, SERVE_ONLY_OPTIONS,
                    " only applies when serving; leave it out of administration commands.");
            return addUser
                    ? addUserCommand(options, database, logDirectory)
                    : new PortalCommand(PortalCommand.Action.REQUIRE_MFA_FOR_ORGANISATION, null,
                            0, database, null, null,
                            options.get("--require-mfa-for-organisation"), false, null,
                            logDirectory);
        }

        int port = options.containsKey("--port")
                ? port(options.get("--port")) : PortalConfig.DEFAULT_PORT;
        String bind = options.containsKey("--bind")
                ? bindAddress(options.get("--bind")) : PortalConfig.DEFAULT_BIND_ADDRESS;
        return new PortalCommand(PortalCommand.Action.SERVE, bind, port, database, null, null,
                null, false, passkeys(options), logDirectory);
    }

    private static PasskeySettings passkeys(Map<String, String> options) throws UsageException {
        try {
            PasskeySettings settings = PasskeySettings.DEFAULTS;
            if (options.containsKey("--user-verification")) {
                settings = settings.withUserVerification(
                        UserVerification.fromWireName(options.get("--user-verification")));
            }
            if (options.containsKey("--attestation")) {
                settings = settings.withAttestation(
                        AttestationPreference.fromWireName(options.get("--attestation")));
            }
            return new PasskeySettings(options.get("--rp-id"), options.get("--origin"),
                    settings.userVerification(), settings.attestation());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static PortalCommand addUserCommand(Map<String, String> options, Path database,
            Path logDirectory) throws UsageException {
        String displayName = options.get("--display-name");
        if (displayName == null) {
            throw new UsageException("--add-user needs --display-name NAME, for example"
                    + " --display-name \"Dr Jane Smith\".");
        }
        return new PortalCommand(PortalCommand.Action.ADD_USER, null, 0, database,
                options.get("--add-user"), displayName, options.get("--organisation"),
                options.containsKey("--require-mfa"), null, logDirectory);
    }

    private static void rejectPresent(Map<String, String> options, List<String> names,
            String reason) throws UsageException {
        for (String name : names) {
            if (options.containsKey(name)) {
                throw new UsageException(name + reason);
            }
        }
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted range.
        }
        throw new UsageException("Invalid port \"" + value
                + "\": use a whole number from 0 to 65535 (0 picks a free port).");
    }

    /** Accepts IP literals and "localhost" only, so no DNS lookup is needed for the address. */
    private static String bindAddress(String value) throws UsageException {
        if (value.equalsIgnoreCase("localhost")) {
            return "127.0.0.1";
        }
        String literal = value.startsWith("[") && value.endsWith("]")
                ? value.substring(1, value.length() - 1) : value;
        boolean ipv6 = literal.contains(":") && IPV6.matcher(literal).matches();
        if (IPV4.matcher(literal).matches() || ipv6) {
            return literal;
        }
        throw new UsageException("Invalid bind address \"" + value
                + "\": use an IP address such as 127.0.0.1 or ::1.");
    }

    private static Path databasePath(String value) throws UsageException {
        if (value.isBlank() || value.contains(";")) {
            throw new UsageException("Invalid database path \"" + value
                    + "\": give a file path without ';', for example /var/lib/advapacs/portal.");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException("Invalid database path \"" + value + "\": "
                    + e.getReason() + ".");
        }
    }

    private static Path logDirectory(String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException("Invalid log folder \"" + value
                    + "\": give a folder path, for example /var/log/advapacs.");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException("Invalid log folder \"" + value + "\": " + e.getReason()
                    + ".");
        }
    }

    private static String example(String option) {
        return switch (option) {
            case "--port" -> "--port 8080";
            case "--bind" -> "--bind 127.0.0.1";
            case "--database" -> "--database /var/lib/advapacs/portal";
            case "--log-dir" -> "--log-dir /var/log/advapacs";
            case "--add-user" -> "--add-user jane.smith@example.org";
            case "--display-name" -> "--display-name \"Dr Jane Smith\"";
            case "--rp-id" -> "--rp-id portal.example.org";
            case "--origin" -> "--origin https://portal.example.org";
            case "--user-verification" -> "--user-verification required";
            case "--attestation" -> "--attestation direct";
            default -> option + " \"St Example Hospital\"";
        };
    }
}
