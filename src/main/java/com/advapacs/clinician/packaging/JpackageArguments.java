package com.advapacs.clinician.packaging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the jpackage command lines for the app image and the installer of each operating
 * system, so that the options for Windows and macOS are unit-tested on any build machine.
 * {@code scripts/package.sh} runs {@link #main} and passes the printed lines to jpackage.
 *
 * <p>Paths are taken as given; {@code repository} is the checkout's root, where the icons and
 * the per-OS resources under {@code packaging/} live.
 */
public final class JpackageArguments {

    /** Product name, as shown in menus, the Windows "Apps" list and the macOS Finder. */
    public static final String PRODUCT_NAME = "AdvaPACS Clinician";
    /** Linux package and launcher name, also the installation folder under /opt. */
    public static final String LINUX_NAME = "advapacs-clinician";
    public static final String VENDOR = "AdvaPACS";
    public static final String DESCRIPTION =
            "Signs clinicians in to the AdvaPACS clinical image portal";
    public static final String MAIN_CLASS = "com.advapacs.clinician.app.Main";
    /** Name of the app's own jar inside the app image. */
    public static final String MAIN_JAR = "advapacs-clinician.jar";
    /** macOS bundle identifier. */
    public static final String BUNDLE_ID = "com.advapacs.clinician";
    /**
     * Windows upgrade code. It must never change: Windows Installer finds the installed
     * version to replace through it.
     */
    public static final String UPGRADE_UUID = "ab89082e-1524-4316-b09a-2fc47a1354d5";
    /**
     * Debian packages the app needs beyond those jpackage finds from the native libraries.
     * libfido2 and PC/SC are loaded at run time, and NFC readers are reached through the
     * pcscd daemon. Security keys need udev rules that give the desktop user access:
     * 60-fido-id.rules, which Debian and Ubuntu ship in the udev package built from systemd
     * 244 or newer, or else the rules of libu2f-udev.
     */
    public static final String DEB_DEPENDENCIES =
            "libfido2-1 (>= 1.12), libpcsclite1, pcscd, udev (>= 244) | libu2f-udev";
    /** The same for Fedora and RHEL, where systemd-udev ships 60-fido-id.rules. */
    public static final String RPM_DEPENDENCIES =
            "libfido2 >= 1.12, pcsc-lite-libs, pcsc-lite, systemd-udev >= 244";
    /** Name of the launcher that writes the MSI's PORTAL_URL into the machine configuration. */
    public static final String WINDOWS_CONFIGURE_LAUNCHER = "configure-portal";

    /** Operating system that an installer is built for. */
    public enum TargetOs {
        LINUX, WINDOWS, MAC;

        /** Returns the system this JVM runs on. */
        public static TargetOs current() {
            return parse(System.getProperty("os.name", ""));
        }

        /** Maps an {@code os.name} value or the short names linux, windows and mac. */
        public static TargetOs parse(String name) {
            String os = name.toLowerCase(Locale.ROOT);
            if (os.startsWith("windows")) {
                return WINDOWS;
            }
            if (os.startsWith("mac")) {
                return MAC;
            }
            if (os.startsWith("linux")) {
                return LINUX;
            }
            throw new IllegalArgumentException("Unsupported operating system '" + name
                    + "'. Installers are built on Linux, Windows or macOS.");
        }

        /** Installer types jpackage builds on this system, the first being the default. */
        public List<String> installerTypes() {
            return switch (this) {
                case LINUX -> List.of("deb", "rpm");
                case WINDOWS -> List.of("msi");
                case MAC -> List.of("dmg", "pkg");
            };
        }

        /** Returns the launcher name jpackage gives the app on this system. */
        public String appName() {
            return this == LINUX ? LINUX_NAME : PRODUCT_NAME;
        }
    }

    /**
     * Inputs of one packaging run.
     *
     * @param os system the installer is for
     * @param version the app version, digits and dots only, e.g. 0.1.0
     * @param repository root of the checkout, for icons/ and packaging/
     * @param input folder with the app's jars and the native libraries beside them
     * @param runtime the jlink runtime image
     * @param nativeLibrary bundled libfido2 file name inside {@code input}, or null to use
     *     the system's (Linux)
     * @param javaOptions extra JVM options for the launcher, e.g. the AppCDS archive
     */
    public record Inputs(TargetOs os, String version, Path repository, Path input, Path runtime,
            String nativeLibrary, List<String> javaOptions) {

        public Inputs {
            if (!version.matches("\\d+(\\.\\d+){0,2}")) {
                throw new IllegalArgumentException("Invalid version '" + version + "': jpackage "
                        + "accepts one to three numbers separated by dots, e.g. 0.1.0.");
            }
            javaOptions = List.copyOf(javaOptions);
        }
    }

    private JpackageArguments() {
    }

    /** Returns the arguments that build the app image in {@code destination}. */
    public static List<String> appImage(Inputs inputs, Path destination) {
        List<String> args = new ArrayList<>(List.of("--type", "app-image",
                "--dest", destination.toString()));
        common(args, inputs);
        args.addAll(List.of("--input", inputs.input().toString(),
                "--main-jar", MAIN_JAR,
                "--main-class", MAIN_CLASS,
                "--runtime-image", inputs.runtime().toString(),
                "--icon", icon(inputs).toString()));
        for (String option : javaOptions(inputs)) {
            args.add("--java-options");
            args.add(option);
        }
        switch (inputs.os()) {
            case WINDOWS -> args.addAll(List.of("--add-launcher", WINDOWS_CONFIGURE_LAUNCHER + "="
                    + packaging(inputs, "windows").resolve("configure-portal.properties")));
            case MAC -> args.addAll(List.of(
                    "--mac-package-identifier", BUNDLE_ID,
                    "--mac-package-name", PRODUCT_NAME));
            case LINUX -> {
                // jpackage 17 has no --app-content, so the desktop files come in input/share.
            }
        }
        return args;
    }

    /** Returns the arguments that build an installer of {@code type} from an app image. */
    public static List<String> installer(Inputs inputs, String type, Path appImage,
            Path destination) {
        if (!inputs.os().installerTypes().contains(type)) {
            throw new IllegalArgumentException("jpackage cannot build '" + type + "' on "
                    + inputs.os() + "; it builds " + inputs.os().installerTypes() + ".");
        }
        List<String> args = new ArrayList<>(List.of("--type", type,
                "--dest", destination.toString(),
                "--app-image", appImage.toString()));
        common(args, inputs);
        switch (inputs.os()) {
            case LINUX -> linux(args, inputs, type);
            case WINDOWS -> windows(args, inputs);
            case MAC -> args.addAll(List.of(
                    "--resource-dir", packaging(inputs, "macos").toString(),
                    "--mac-package-identifier", BUNDLE_ID,
                    "--mac-package-name", PRODUCT_NAME));
        }
        return args;
    }

    private static void common(List<String> args, Inputs inputs) {
        args.addAll(List.of("--name", inputs.os().appName(),
                "--app-version", inputs.version(),
                "--vendor", VENDOR,
                "--description", DESCRIPTION,
                "--copyright", "Copyright AdvaPACS"));
    }

    private static void linux(List<String> args, Inputs inputs, String type) {
        // No --linux-shortcut: jpackage's postinst then runs xdg-desktop-menu, which fails
        // the install on computers without a menu directory. The desktop entry, icons and
        // metainfo travel in the app image instead, and postinst copies them to /usr/share.
        args.addAll(List.of(
                "--resource-dir", packaging(inputs, "linux").toString(),
                "--linux-package-name", LINUX_NAME,
                "--linux-app-category", type.equals("deb") ? "science" : "Applications/Science",
                "--linux-app-release", "1",
                "--linux-package-deps",
                type.equals("deb") ? DEB_DEPENDENCIES : RPM_DEPENDENCIES));
        if (type.equals("deb")) {
            args.addAll(List.of("--linux-deb-maintainer", "support@advapacs.example"));
        } else {
            args.addAll(List.of("--linux-rpm-license-type", "Proprietary"));
        }
    }

    private static void windows(List<String> args, Inputs inputs) {
        // Per-machine is jpackage's default; --win-per-user-install is left out on purpose.
        args.addAll(List.of(
                "--resource-dir", packaging(inputs, "windows").toString(),
                "--win-upgrade-uuid", UPGRADE_UUID,
                "--win-menu",
                "--win-menu-group", VENDOR,
                "--win-dir-chooser"));
    }

    /** JVM options of the launcher: the bundled libfido2, and the options passed in. */
    static List<String> javaOptions(Inputs inputs) {
        List<String> options = new ArrayList<>();
        if (inputs.nativeLibrary() != null) {
            options.add("-Dadvapacs.libfido2.path=$APPDIR/" + inputs.nativeLibrary());
        }
        if (inputs.os() == TargetOs.WINDOWS) {
            // JavaFX 21 looks for its DLLs in ..\bin from its jars, which jpackage 17 cannot
            // fill, and then on java.library.path. Unlike on Linux and macOS, they cannot sit
            // beside the jars unless this path names that folder.
            // NOTE: not run on Windows yet; the MSI has only been checked by unit tests.
            options.add("-Djava.library.path=$APPDIR");
        }
        // JNA's own native part sits beside the jars, so JNA does not unpack it at each start.
        options.add("-Djna.boot.library.path=$APPDIR");
        options.add("-Djna.nounpack=true");
        options.addAll(inputs.javaOptions());
        return options;
    }

    private static Path icon(Inputs inputs) {
        Path icons = inputs.repository().resolve("icons");
        return switch (inputs.os()) {
            case LINUX -> icons.resolve("png").resolve("advapacs-clinician-256.png");
            case WINDOWS -> icons.resolve("advapacs-clinician.ico");
            case MAC -> icons.resolve("advapacs-clinician.icns");
        };
    }

    private static Path packaging(Inputs inputs, String folder) {
        return inputs.repository().resolve("packaging").resolve(folder);
    }

    /**
     * Prints the arguments one per line. Usage: {@code app-image|TYPE OS VERSION REPOSITORY
     * INPUT RUNTIME APP_IMAGE DEST NATIVE_LIBRARY|- [JAVA_OPTION...]}, where APP_IMAGE is
     * ignored for app-image, and {@code -} stands for no bundled libfido2.
     */
    public static void main(String[] args) {
        if (args.length < 9) {
            System.err.println("Usage: JpackageArguments app-image|TYPE OS VERSION REPOSITORY "
                    + "INPUT RUNTIME APP_IMAGE DEST NATIVE_LIBRARY|- [JAVA_OPTION...]");
            System.exit(2);
        }
        Inputs inputs = new Inputs(TargetOs.parse(args[1]), args[2], Path.of(args[3]),
                Path.of(args[4]), Path.of(args[5]), args[8].equals("-") ? null : args[8],
                List.of(args).subList(9, args.length));
        List<String> result = args[0].equals("app-image")
                ? appImage(inputs, Path.of(args[7]))
                : installer(inputs, args[0], Path.of(args[6]), Path.of(args[7]));
        result.forEach(System.out::println);
    }
}
