package com.advapacs.clinician.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigurationTest {

    @TempDir
    Path directory;

    @Test
    void noFilesMeansNoPresetAndNoProblems() {
        ClientConfiguration configuration = load();

        assertNull(configuration.portalUrl());
        assertFalse(configuration.portalUrlLocked());
        assertTrue(configuration.problems().isEmpty());
    }

    @Test
    void userFileOverridesUnlockedMachineAddress() throws IOException {
        write("machine.properties", "portal.url=https://machine.example\n");
        write("user.properties", "portal.url=https://user.example\n");

        assertEquals("https://user.example", load().portalUrl());
    }

    @Test
    void lockedMachineAddressWins() throws IOException {
        write("machine.properties", "portal.url=https://machine.example\nportal.url.locked=true\n");
        write("user.properties", "portal.url=https://user.example\n");

        ClientConfiguration configuration = load();

        assertEquals("https://machine.example", configuration.portalUrl());
        assertTrue(configuration.portalUrlLocked());
    }

    @Test
    void invalidLockValueIsReportedWithFileAndFix() throws IOException {
        write("machine.properties", "portal.url=https://machine.example\nportal.url.locked=maybe\n");

        ClientConfiguration configuration = load();

        assertFalse(configuration.portalUrlLocked());
        assertEquals(1, configuration.problems().size());
        String problem = configuration.problems().get(0);
        assertTrue(problem.contains("machine.properties"), problem);
        assertTrue(problem.contains("portal.url.locked=maybe"), problem);
        assertTrue(problem.contains("portal.url.locked=true"), problem);
    }

    @Test
    void lockWithoutAddressIsIgnored() throws IOException {
        write("machine.properties", "portal.url.locked=true\n");

        ClientConfiguration configuration = load();

        assertFalse(configuration.portalUrlLocked());
        assertEquals(1, configuration.problems().size());
    }

    @Test
    void unreadableFileIsReportedAndIgnored() throws IOException {
        Files.write(directory.resolve("machine.properties"), new byte[] {'a', '=', '\\', 'u',
                'z', 'z'});

        ClientConfiguration configuration = load();

        assertNull(configuration.portalUrl());
        assertEquals(1, configuration.problems().size());
    }

    @Test
    void rememberedAddressIsReadBack() {
        AppDirectories directories = new AppDirectories(directory, directory.resolve("config"),
                directory, directory.resolve("machine"));

        ClientConfiguration.rememberPortalUrl(directories, "https://remembered.example");

        assertEquals("https://remembered.example",
                ClientConfiguration.load(directories).portalUrl());
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(directory.resolve(name), content);
    }

    private ClientConfiguration load() {
        return ClientConfiguration.load(directory.resolve("machine.properties"),
                directory.resolve("user.properties"));
    }
}
