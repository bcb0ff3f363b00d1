package com.advapacs.clinician.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirectoriesTest {

    private static final Path HOME = Path.of("/home/ana");

    @Test
    void linuxDefaultsFollowXdg() {
        AppDirectories directories = AppDirectories.resolve("Linux", HOME, Map.of());

        assertEquals(Path.of("/home/ana/.local/share/advapacs-clinician"), directories.data());
        assertEquals(Path.of("/home/ana/.config/advapacs-clinician"), directories.config());
        assertEquals(Path.of("/home/ana/.local/state/advapacs-clinician/logs"),
                directories.logs());
        assertEquals(Path.of("/etc/advapacs-clinician"), directories.machineConfig());
    }

    @Test
    void linuxHonoursAbsoluteXdgVariablesOnly() {
        AppDirectories directories = AppDirectories.resolve("Linux", HOME,
                Map.of("XDG_CONFIG_HOME", "/srv/config", "XDG_DATA_HOME", "relative/data"));

        assertEquals(Path.of("/srv/config/advapacs-clinician"), directories.config());
        assertEquals(Path.of("/home/ana/.local/share/advapacs-clinician"), directories.data());
    }

    @Test
    void windowsUsesKnownFolders() {
        AppDirectories directories = AppDirectories.resolve("Windows 11", HOME, Map.of(
                "LOCALAPPDATA", "/users/ana/local", "APPDATA", "/users/ana/roaming",
                "ProgramData", "/programdata"));

        assertEquals(Path.of("/users/ana/local/AdvaPACS/Clinician"), directories.data());
        assertEquals(Path.of("/users/ana/roaming/AdvaPACS/Clinician"), directories.config());
        assertEquals(Path.of("/programdata/AdvaPACS/Clinician"), directories.machineConfig());
    }

    @Test
    void macUsesLibraryFolders() {
        AppDirectories directories = AppDirectories.resolve("Mac OS X", HOME, Map.of());

        assertEquals(Path.of("/home/ana/Library/Application Support/AdvaPACS Clinician"),
                directories.data());
        assertEquals(Path.of("/home/ana/Library/Logs/AdvaPACS Clinician"), directories.logs());
        assertEquals(Path.of("/Library/Application Support/AdvaPACS Clinician"),
                directories.machineConfig());
    }
}
