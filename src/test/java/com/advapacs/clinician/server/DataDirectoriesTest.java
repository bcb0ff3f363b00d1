package com.advapacs.clinician.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoriesTest {
    private static final Path HOME = Path.of("/home/jane");

    @Test
    void linuxUsesXdgDataHome() {
        assertEquals(Path.of("/data/jane/advapacs-clinician/portal"),
                DataDirectories.defaultDatabasePath("Linux", Map.of("XDG_DATA_HOME",
                        "/data/jane"), HOME));
    }

    @Test
    void linuxFallsBackToLocalShare() {
        assertEquals(HOME.resolve(".local/share/advapacs-clinician/portal"),
                DataDirectories.defaultDatabasePath("Linux", Map.of(), HOME));
        assertEquals(HOME.resolve(".local/share/advapacs-clinician/portal"),
                DataDirectories.defaultDatabasePath("Linux", Map.of("XDG_DATA_HOME", "rel"),
                        HOME), "a relative XDG_DATA_HOME is ignored");
    }

    @Test
    void windowsUsesLocalAppData() {
        Path local = HOME.resolve("AppData").resolve("Local");
        assertEquals(local.resolve("AdvaPACS").resolve("Clinician").resolve("portal"),
                DataDirectories.defaultDatabasePath("Windows 11",
                        Map.of("LOCALAPPDATA", local.toString()), HOME));
    }

    @Test
    void macUsesApplicationSupport() {
        assertEquals(HOME.resolve("Library/Application Support/AdvaPACS Clinician/portal"),
                DataDirectories.defaultDatabasePath("Mac OS X", Map.of(), HOME));
    }
}
