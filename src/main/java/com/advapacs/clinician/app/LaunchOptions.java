package com.advapacs.clinician.app;

import java.nio.file.Path;
import java.util.List;

/**
 * Command-line options of the desktop app.
 *
 * @param demo start the embedded portal with a demo clinician and sign in to it
 * @param portalUrl portal address that overrides the configured one, or null
 * @param dataDirectory overrides the per-user data directory, or null
 * @param help print usage and exit
 * @param selfCheck check libfido2, the configuration and the sign-in window, then exit
 */
public record LaunchOptions(boolean demo, String portalUrl, Path dataDirectory, boolean help,
        boolean selfCheck) {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: advapacs-clinician [--demo] [--portal URL] [--data-dir DIR] [--self-check]",
            "",
            "  --demo           start a portal inside the app with a demo clinician account,",
            "                   so that every sign-in flow can be tried on this computer",
            "                   (only when run from the source code: ./run-app.sh)",
            "  --portal URL     portal address to sign in to, e.g. https://portal.hospital.example",
            "                   (ignored when IT has locked the address)",
            "  --data-dir DIR   keep the app's data (and the demo portal's database) in DIR",
            "  --self-check     load libfido2, read the configuration and show the sign-in",
            "                   window once, then print a report and exit with status 0 when",
            "                   every part passed and 1 when one failed",
            "  --help           show this text");

    /** Parses {@code args}; throws with a message naming the bad argument and the fix. */
    public static LaunchOptions parse(List<String> args) {
        boolean demo = false;
        boolean help = false;
        boolean selfCheck = false;
        String portal = null;
        Path dataDirectory = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--demo":
                    demo = true;
                    break;
                case "--self-check":
                    selfCheck = true;
                    break;
                case "--help":
                case "-h":
                    help = true;
                    break;
                case "--portal":
                    portal = value(args, ++i, arg);
                    break;
                case "--data-dir":
                    dataDirectory = Path.of(value(args, ++i, arg)).toAbsolutePath();
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option '" + arg
                            + "'. Run with --help to see the options.");
            }
        }
        if (demo && portal != null) {
            throw new IllegalArgumentException("--demo starts its own portal, so --portal "
                    + portal + " cannot be used with it. Leave out one of the two.");
        }
        if (demo && selfCheck) {
            throw new IllegalArgumentException("--self-check starts no portal, so it cannot be "
                    + "used with --demo. Leave out one of the two.");
        }
        return new LaunchOptions(demo, portal, dataDirectory, help, selfCheck);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value, for example "
                    + (option.equals("--portal") ? "--portal https://portal.hospital.example"
                            : "--data-dir /path/to/folder") + ".");
        }
        return args.get(index);
    }
}
