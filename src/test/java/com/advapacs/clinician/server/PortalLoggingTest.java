package com.advapacs.clinician.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.server.store.PrivateFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortalLoggingTest {
    @TempDir
    Path folder;

    @Test
    void logFolderBesideDatabaseByDefault() {
        Path database = folder.resolve("data").resolve("portal");
        assertEquals(folder.resolve("data").resolve("logs"),
                PortalLogging.logDirectory(null, null, database));
        assertEquals(folder.resolve("data").resolve("logs"),
                PortalLogging.logDirectory(null, " ", database), "a blank property is unset");
    }

    @Test
    void propertyThenOptionOverrideDefault() {
        Path database = folder.resolve("portal");
        Path fromProperty = folder.resolve("property-logs");
        Path fromOption = folder.resolve("option-logs");
        assertEquals(fromProperty,
                PortalLogging.logDirectory(null, fromProperty.toString(), database));
        assertEquals(fromOption,
                PortalLogging.logDirectory(fromOption, fromProperty.toString(), database));
    }

    /**
     * Starts the portal in a new JVM, as run-portal.sh does, because this JVM's logging is
     * already set up for the tests.
     */
    @Test
    void standaloneServerLogsBesideDatabase() throws Exception {
        Path data = folder.resolve("data");
        Path temporary = Files.createDirectory(folder.resolve("tmp"));
        List<String> output = runServerUntilListening(temporary, "--port", "0", "--database",
                data.resolve("portal").toString());

        Path logFile = data.resolve("logs").resolve("clinician.log");
        assertTrue(output.contains("Logging to " + logFile), String.join("\n", output));
        assertTrue(Files.readString(logFile).contains("Portal listening on"),
                Files.readString(logFile));
        assertTrue(Files.readString(logFile).contains("Portal stopped"),
                "the shutdown hook's records are kept: " + Files.readString(logFile));
        assertFalse(Files.exists(temporary.resolve("advapacs-clinician-logs")),
                "nothing is logged to the temporary folder");
        if (PrivateFiles.isPosix(folder)) {
            assertEquals("rwx------", mode(data.resolve("logs")));
            assertEquals("rw-------", mode(logFile));
            assertEquals("rwx------", mode(data));
            assertEquals("rw-------", mode(data.resolve("portal.mv.db")));
        }
    }

    @Test
    void logDirOptionChoosesFolder() throws Exception {
        Path logs = folder.resolve("chosen logs");
        Path temporary = Files.createDirectory(folder.resolve("tmp"));
        List<String> output = runServerUntilListening(temporary, "--port", "0", "--database",
                folder.resolve("portal").toString(), "--log-dir", logs.toString());

        Path logFile = logs.resolve("clinician.log");
        assertTrue(output.contains("Logging to " + logFile), String.join("\n", output));
        assertTrue(Files.readString(logFile).contains("Portal listening on"));
        assertFalse(Files.exists(folder.resolve("logs")));
    }

    /** Runs PortalServerMain until it prints its address, stops it and returns its output. */
    private static List<String> runServerUntilListening(Path temporary, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + temporary,
                PortalServerMain.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                if (line.startsWith("AdvaPACS portal listening on")) {
                    break;
                }
            }
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertTrue(output.stream().anyMatch(line -> line.startsWith("AdvaPACS portal listening")),
                String.join("\n", output));
        return output;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
