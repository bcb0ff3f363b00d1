package com.advapacs.clinician.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.config.AppDirectories;
import com.advapacs.clinician.config.ClientConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of {@code --self-check} one by one, and the whole run in a separate JVM as an
 * installed app would do it: a real libfido2, real configuration files and a real window.
 */
class SelfCheckTest {

    @TempDir
    Path temp;

    @Test
    void libraryVersionFromFileName() throws IOException {
        Path real = Files.createFile(temp.resolve("libfido2.so.1.12.0"));
        Path link = Files.createSymbolicLink(temp.resolve("libfido2.so.1"), real);

        String detail = SelfCheck.describeLibrary(link.toFile());

        assertTrue(detail.startsWith("version 1.12.0 from "), detail);
        assertTrue(detail.endsWith(real.toRealPath().toString()), detail);
    }

    @Test
    void libraryWithoutVersionInName() throws IOException {
        Path dll = Files.createFile(temp.resolve("fido2.dll"));

        String detail = SelfCheck.describeLibrary(dll.toFile());

        assertTrue(detail.startsWith("version 1.12 or newer from "), detail);
    }

    @Test
    void macLibraryVersionFromFileName() throws IOException {
        Path dylib = Files.createFile(temp.resolve("libfido2.1.12.0.dylib"));

        assertTrue(SelfCheck.describeLibrary(dylib.toFile()).startsWith("version 1.12.0 "));
    }

    @Test
    void systemLibFido2Loads() {
        SelfCheck.Result result = SelfCheck.checkLibFido2();

        assertTrue(result.passed(), result.detail());
        assertTrue(result.detail().contains("fido2"), result.detail());
    }

    @Test
    void invalidConfigurationFails() throws IOException {
        AppDirectories directories = directories("portal.url.locked=maybe\n");

        SelfCheck.Result result = SelfCheck.checkConfiguration(
                ClientConfiguration.load(directories), directories);

        assertFalse(result.passed());
        assertTrue(result.detail().contains("portal.url.locked=maybe"), result.detail());
    }

    @Test
    void lockedAddressIsReported() throws IOException {
        AppDirectories directories = directories(
                "portal.url=https://portal.hospital.example\nportal.url.locked=true\n");

        SelfCheck.Result result = SelfCheck.checkConfiguration(
                ClientConfiguration.load(directories), directories);

        assertTrue(result.passed(), result.detail());
        assertTrue(result.detail().contains("https://portal.hospital.example (locked)"),
                result.detail());
    }

    @Test
    void wholeRunPassesInOwnProcess() throws Exception {
        Process process = startSelfCheck();
        List<String> lines = output(process);

        assertEquals(0, process.exitValue(), String.join("\n", lines));
        assertTrue(lines.contains("Self-check passed."), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(line -> line.contains("sign-in window:")
                && line.contains("first frame")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(line -> line.contains("NFC readers:")),
                String.join("\n", lines));
    }

    @Test
    void wholeRunNamesFailingPart() throws Exception {
        Path config = Files.createDirectories(temp.resolve("config/advapacs-clinician"));
        Files.writeString(config.resolve(ClientConfiguration.FILE_NAME), "proxy=nowhere\n",
                StandardCharsets.UTF_8);

        Process process = startSelfCheck();
        List<String> lines = output(process);

        assertEquals(1, process.exitValue(), String.join("\n", lines));
        assertTrue(lines.contains("Self-check failed: configuration."),
                String.join("\n", lines));
    }

    private AppDirectories directories(String machineFile) throws IOException {
        Path machine = Files.createDirectories(temp.resolve("machine"));
        Files.writeString(machine.resolve(ClientConfiguration.FILE_NAME), machineFile,
                StandardCharsets.UTF_8);
        return new AppDirectories(temp.resolve("data"), temp.resolve("user"),
                temp.resolve("logs"), machine);
    }

    /** Runs {@code Main --self-check} with this test's class path and its own XDG folders. */
    private Process startSelfCheck() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--self-check"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("XDG_CONFIG_HOME", temp.resolve("config").toString());
        builder.environment().put("XDG_STATE_HOME", temp.resolve("state").toString());
        builder.environment().put("XDG_DATA_HOME", temp.resolve("data").toString());
        return builder.start();
    }

    private static List<String> output(Process process) throws Exception {
        List<String> lines = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).lines().toList();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the self-check did not exit");
        return lines;
    }
}
