package com.advapacs.clinician.server;

import com.advapacs.clinician.server.auth.PasswordHasher;
import com.advapacs.clinician.server.passkey.PasskeySettings;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Portal settings.
 *
 * @param bindAddress IP address to listen on; 127.0.0.1 keeps the portal local to the machine
 * @param port TCP port, or 0 for a free port chosen by the system
 * @param databasePath H2 database path without the {@code .mv.db} suffix
 * @param clock time source for expiry, throttling and TOTP steps
 * @param passwordIterations PBKDF2 iterations for new password hashes
 * @param passkeys relying party settings for passkey registration and sign-in
 */
public record PortalConfig(
        String bindAddress,
        int port,
        Path databasePath,
        Clock clock,
        int passwordIterations,
        PasskeySettings passkeys) {

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public PortalConfig {
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException("bindAddress is required");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (databasePath == null) {
            throw new IllegalArgumentException("databasePath is required");
        }
        if (clock == null) {
            throw new IllegalArgumentException("clock is required");
        }
        if (passwordIterations < 1) {
            throw new IllegalArgumentException(
                    "passwordIterations must be >= 1: " + passwordIterations);
        }
        if (passkeys == null) {
            throw new IllegalArgumentException("passkeys is required");
        }
    }

    /**
     * Production settings: loopback, port 8080, system UTC clock, 600,000 PBKDF2 iterations,
     * and passkeys for RP ID localhost at http://localhost:PORT.
     */
    public static PortalConfig defaults(Path databasePath) {
        return new PortalConfig(DEFAULT_BIND_ADDRESS, DEFAULT_PORT, databasePath,
                Clock.systemUTC(), PasswordHasher.DEFAULT_ITERATIONS, PasskeySettings.DEFAULTS);
    }

    public PortalConfig withBindAddress(String value) {
        return new PortalConfig(value, port, databasePath, clock, passwordIterations, passkeys);
    }

    public PortalConfig withPort(int value) {
        return new PortalConfig(bindAddress, value, databasePath, clock, passwordIterations,
                passkeys);
    }

    public PortalConfig withDatabasePath(Path value) {
        return new PortalConfig(bindAddress, port, value, clock, passwordIterations, passkeys);
    }

    public PortalConfig withClock(Clock value) {
        return new PortalConfig(bindAddress, port, databasePath, value, passwordIterations,
                passkeys);
    }

    public PortalConfig withPasswordIterations(int value) {
        return new PortalConfig(bindAddress, port, databasePath, clock, value, passkeys);
    }

    public PortalConfig withPasskeys(PasskeySettings value) {
        return new PortalConfig(bindAddress, port, databasePath, clock, passwordIterations,
                value);
    }
}
