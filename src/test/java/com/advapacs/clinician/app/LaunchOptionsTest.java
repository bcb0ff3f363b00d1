package com.advapacs.clinician.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void noArgumentsMeansNormalStart() {
        LaunchOptions options = LaunchOptions.parse(List.of());

        assertFalse(options.demo());
        assertEquals(null, options.portalUrl());
    }

    @Test
    void demoAndDataDirectory() {
        LaunchOptions options = LaunchOptions.parse(List.of("--demo", "--data-dir", "/tmp/x"));

        assertTrue(options.demo());
        assertEquals(Path.of("/tmp/x"), options.dataDirectory());
    }

    @Test
    void unknownOptionIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--demmo")));
        assertTrue(e.getMessage().contains("--demmo"), e.getMessage());
        assertTrue(e.getMessage().contains("--help"), e.getMessage());
    }

    @Test
    void missingValueShowsExample() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--portal")));
        assertTrue(e.getMessage().contains("--portal https://"), e.getMessage());
    }

    @Test
    void demoWithPortalIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--demo", "--portal", "https://x.example")));
    }

    @Test
    void selfCheckOption() {
        LaunchOptions options = LaunchOptions.parse(List.of("--self-check"));

        assertTrue(options.selfCheck());
        assertFalse(options.demo());
    }

    @Test
    void selfCheckWithDemoIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--demo", "--self-check")));
        assertTrue(e.getMessage().contains("--self-check"), e.getMessage());
    }
}
