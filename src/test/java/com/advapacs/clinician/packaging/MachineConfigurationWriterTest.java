package com.advapacs.clinician.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.config.AppDirectories;
import com.advapacs.clinician.config.ClientConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file that the Windows installer's PORTAL_URL property produces, read back by the app's
 * own {@link ClientConfiguration}.
 */
class MachineConfigurationWriterTest {

    @TempDir
    Path temp;

    private ClientConfiguration readBack() {
        return ClientConfiguration.load(new AppDirectories(temp.resolve("data"),
                temp.resolve("user"), temp.resolve("logs"), temp.resolve("machine")));
    }

    private Path machineFile() {
        return temp.resolve("machine").resolve(ClientConfiguration.FILE_NAME);
    }

    @Test
    void newFileIsReadByApp() throws IOException {
        MachineConfigurationWriter.write(machineFile(), "https://portal.hospital.example", null);

        ClientConfiguration configuration = readBack();
        assertEquals("https://portal.hospital.example", configuration.portalUrl());
        assertFalse(configuration.portalUrlLocked());
        assertEquals(List.of(), configuration.problems());
    }

    @Test
    void lockedAddressIsReadByApp() throws IOException {
        MachineConfigurationWriter.write(machineFile(), "portal.hospital.example", true);

        ClientConfiguration configuration = readBack();
        assertEquals("https://portal.hospital.example", configuration.portalUrl());
        assertTrue(configuration.portalUrlLocked());
    }

    @Test
    void existingLinesAreKept() throws IOException {
        Files.createDirectories(machineFile().getParent());
        Files.write(machineFile(), List.of("# set by IT", "proxy=proxy.hospital.example:8080",
                "portal.url = https://old.hospital.example", "portal.url.locked=true"),
                StandardCharsets.UTF_8);

        MachineConfigurationWriter.write(machineFile(), "https://new.hospital.example", null);

        List<String> lines = Files.readAllLines(machineFile(), StandardCharsets.UTF_8);
        assertEquals(List.of("# set by IT", "proxy=proxy.hospital.example:8080",
                "portal.url=https://new.hospital.example", "portal.url.locked=true"), lines);
        assertTrue(readBack().portalUrlLocked());
    }

    @Test
    void invalidAddressIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MachineConfigurationWriter.write(machineFile(),
                        "http://portal.hospital.example", null));

        assertTrue(e.getMessage().contains("portal.hospital.example"), e.getMessage());
        assertFalse(Files.exists(machineFile()));
    }

    @Test
    void addressWithPathIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> MachineConfigurationWriter.write(machineFile(),
                        "https://portal.hospital.example/login", null));
    }

    @Test
    void similarKeyIsNotReplaced() {
        List<String> lines = new ArrayList<>(List.of("portal.url.locked=true"));

        MachineConfigurationWriter.set(lines, "portal.url", "https://a.example");

        assertEquals(List.of("portal.url.locked=true", "portal.url=https://a.example"), lines);
    }
}
