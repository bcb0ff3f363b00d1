package com.advapacs.clinician.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.packaging.JpackageArguments.Inputs;
import com.advapacs.clinician.packaging.JpackageArguments.TargetOs;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The jpackage options for each system. Windows and macOS installers cannot be built on the
 * Linux CI machine, so these tests are where their options are checked, together with the
 * files under packaging/ that the options name.
 */
class JpackageArgumentsTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath();
    private static final Path IMAGE = Path.of("/build/image/app");
    private static final Path OUT = Path.of("/build/out");

    private static Inputs inputs(TargetOs os, String nativeLibrary) {
        return new Inputs(os, "1.2.3", REPOSITORY, Path.of("/build/input"),
                Path.of("/build/runtime"), nativeLibrary, List.of());
    }

    /** Returns the value after {@code option}, failing when the option is missing. */
    private static String value(List<String> args, String option) {
        int index = args.indexOf(option);
        assertTrue(index >= 0 && index + 1 < args.size(), option + " missing in " + args);
        return args.get(index + 1);
    }

    private static List<String> values(List<String> args, String option) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals(option)) {
                values.add(args.get(i + 1));
            }
        }
        return values;
    }

    @Test
    void linuxAppImageUsesTheRuntime() {
        List<String> args = JpackageArguments.appImage(inputs(TargetOs.LINUX, null), OUT);

        assertEquals("app-image", value(args, "--type"));
        assertEquals("advapacs-clinician", value(args, "--name"));
        assertEquals("/build/runtime", value(args, "--runtime-image"));
        assertEquals("advapacs-clinician.jar", value(args, "--main-jar"));
        assertEquals("com.advapacs.clinician.app.Main", value(args, "--main-class"));
        assertEquals("1.2.3", value(args, "--app-version"));
        assertTrue(Files.isRegularFile(Path.of(value(args, "--icon"))));
        assertTrue(value(args, "--icon").endsWith("advapacs-clinician-256.png"));
    }

    @Test
    void linuxUsesSystemLibFido2() {
        List<String> options = values(
                JpackageArguments.appImage(inputs(TargetOs.LINUX, null), OUT), "--java-options");

        assertFalse(options.stream().anyMatch(option -> option.contains("libfido2")),
                "" + options);
        assertFalse(options.stream().anyMatch(option -> option.contains("java.library.path")),
                "" + options);
        assertTrue(options.contains("-Djna.boot.library.path=$APPDIR"), "" + options);
        assertTrue(options.contains("-Djna.nounpack=true"), "" + options);
    }

    @Test
    void debDependsOnFidoLibrariesAndUdevRules() {
        List<String> args = JpackageArguments.installer(inputs(TargetOs.LINUX, null), "deb",
                IMAGE, OUT);

        assertEquals("deb", value(args, "--type"));
        assertEquals(IMAGE.toString(), value(args, "--app-image"));
        assertEquals("advapacs-clinician", value(args, "--linux-package-name"));
        String depends = value(args, "--linux-package-deps");
        assertTrue(depends.contains("libfido2-1 (>= 1.12)"), depends);
        assertTrue(depends.contains("libpcsclite1"), depends);
        assertTrue(depends.contains("pcscd"), depends);
        assertTrue(depends.contains("udev (>= 244) | libu2f-udev"), depends);
        assertFalse(args.contains("--linux-shortcut"), "jpackage's xdg-desktop-menu call fails "
                + "on computers without a menu directory: " + args);
        Path resources = Path.of(value(args, "--resource-dir"));
        assertTrue(Files.isRegularFile(resources.resolve("postinst")));
        assertTrue(Files.isRegularFile(resources.resolve("prerm")));
    }

    @Test
    void rpmUsesRpmDependencyNames() {
        List<String> args = JpackageArguments.installer(inputs(TargetOs.LINUX, null), "rpm",
                IMAGE, OUT);

        String depends = value(args, "--linux-package-deps");
        assertTrue(depends.contains("libfido2 >= 1.12"), depends);
        assertTrue(depends.contains("systemd-udev >= 244"), depends);
        assertEquals("Proprietary", value(args, "--linux-rpm-license-type"));
    }

    @Test
    void windowsAppImageBundlesLibFido2() {
        List<String> args = JpackageArguments.appImage(inputs(TargetOs.WINDOWS, "fido2.dll"),
                OUT);

        assertEquals("AdvaPACS Clinician", value(args, "--name"));
        assertTrue(value(args, "--icon").endsWith("advapacs-clinician.ico"));
        assertTrue(Files.isRegularFile(Path.of(value(args, "--icon"))));
        assertTrue(values(args, "--java-options")
                .contains("-Dadvapacs.libfido2.path=$APPDIR/fido2.dll"), "" + args);
        assertTrue(values(args, "--java-options").contains("-Djava.library.path=$APPDIR"),
                "JavaFX finds its DLLs beside the jars only through java.library.path: " + args);
    }

    @Test
    void windowsConfigureLauncherRunsWriter() throws IOException {
        List<String> args = JpackageArguments.appImage(inputs(TargetOs.WINDOWS, "fido2.dll"),
                OUT);

        String launcher = value(args, "--add-launcher");
        assertTrue(launcher.startsWith("configure-portal="), launcher);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(launcher.substring(
                "configure-portal=".length())))) {
            properties.load(reader);
        }
        assertEquals(MachineConfigurationWriter.class.getName(),
                properties.getProperty("main-class"));
        assertEquals("false", properties.getProperty("win-menu"));
        assertEquals("false", properties.getProperty("win-shortcut"));
    }

    @Test
    void msiIsPerMachineWithStableUpgradeCode() {
        List<String> args = JpackageArguments.installer(inputs(TargetOs.WINDOWS, "fido2.dll"),
                "msi", IMAGE, OUT);

        assertEquals("msi", value(args, "--type"));
        assertEquals("ab89082e-1524-4316-b09a-2fc47a1354d5", value(args, "--win-upgrade-uuid"));
        assertTrue(args.contains("--win-menu"), "" + args);
        assertEquals("AdvaPACS", value(args, "--win-menu-group"));
        assertFalse(args.contains("--win-per-user-install"), "" + args);
        Path resources = Path.of(value(args, "--resource-dir"));
        assertTrue(Files.isRegularFile(resources.resolve("main.wxs")));
    }

    @Test
    void msiDefinesPortalUrlProperty() throws IOException {
        String mainWxs = Files.readString(REPOSITORY.resolve("packaging/windows/main.wxs"));

        assertTrue(mainWxs.contains("<Property Id=\"PORTAL_URL\""), mainWxs);
        assertTrue(mainWxs.contains("configure-portal.exe"), mainWxs);
        assertTrue(mainWxs.contains("Impersonate=\"no\""), mainWxs);
        assertTrue(mainWxs.contains("UpgradeCode=\"$(var.JpProductUpgradeCode)\""), mainWxs);
        assertTrue(mainWxs.contains("<UIRef Id=\"JpUI\"/>"), mainWxs);
    }

    @Test
    void macBundleIdentifierAndIcon() {
        List<String> image = JpackageArguments.appImage(
                inputs(TargetOs.MAC, "libfido2.1.dylib"), OUT);
        List<String> dmg = JpackageArguments.installer(
                inputs(TargetOs.MAC, "libfido2.1.dylib"), "dmg", IMAGE, OUT);

        assertEquals("com.advapacs.clinician", value(image, "--mac-package-identifier"));
        assertEquals("com.advapacs.clinician", value(dmg, "--mac-package-identifier"));
        assertTrue(value(image, "--icon").endsWith("advapacs-clinician.icns"));
        assertTrue(values(image, "--java-options")
                .contains("-Dadvapacs.libfido2.path=$APPDIR/libfido2.1.dylib"), "" + image);
    }

    @Test
    void macBuildsDmgAndPkg() {
        assertEquals(List.of("dmg", "pkg"), TargetOs.MAC.installerTypes());
        assertEquals("pkg", value(JpackageArguments.installer(
                inputs(TargetOs.MAC, "libfido2.1.dylib"), "pkg", IMAGE, OUT), "--type"));
    }

    @Test
    void installerTypeMustMatchSystem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JpackageArguments.installer(inputs(TargetOs.LINUX, null), "msi", IMAGE,
                        OUT));
        assertTrue(e.getMessage().contains("msi"), e.getMessage());
    }

    @Test
    void versionMustBeNumeric() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Inputs(TargetOs.LINUX, "0.1.0-SNAPSHOT", REPOSITORY, OUT, OUT, null,
                        List.of()));
        assertTrue(e.getMessage().contains("0.1.0-SNAPSHOT"), e.getMessage());
    }

    @Test
    void osNamesMapToTargets() {
        assertEquals(TargetOs.WINDOWS, TargetOs.parse("Windows 11"));
        assertEquals(TargetOs.MAC, TargetOs.parse("Mac OS X"));
        assertEquals(TargetOs.LINUX, TargetOs.parse("Linux"));
        assertEquals(TargetOs.LINUX, TargetOs.parse("linux"));
        assertThrows(IllegalArgumentException.class, () -> TargetOs.parse("SunOS"));
    }

    @Test
    void extraJavaOptionsComeLast() {
        Inputs inputs = new Inputs(TargetOs.LINUX, "1.0", REPOSITORY, OUT, OUT, null,
                List.of("-Xmx512m"));

        List<String> options = JpackageArguments.javaOptions(inputs);

        assertEquals("-Xmx512m", options.get(options.size() - 1));
    }
}
