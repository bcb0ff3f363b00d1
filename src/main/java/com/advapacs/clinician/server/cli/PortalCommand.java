package com.advapacs.clinician.server.cli;

import com.advapacs.clinician.server.passkey.PasskeySettings;
import java.nio.file.Path;

/**
 * Parsed command line.
 *
 * @param databasePath H2 path without suffix, or null for the platform default
 * @param email account email for {@link Action#ADD_USER}
 * @param organisation organisation for {@link Action#ADD_USER} (optional) and {@link
 *     Action#REQUIRE_MFA_FOR_ORGANISATION}
 * @param passkeys relying party settings for {@link Action#SERVE}
 * @param logDirectory folder for the log files, or null for a {@code logs} folder beside the
 *     database
 */
public record PortalCommand(
        Action action,
        String bindAddress,
        int port,
        Path databasePath,
        String email,
        String displayName,
        String organisation,
        boolean requireMfa,
        PasskeySettings passkeys,
        Path logDirectory) {

    /** Kind of work the process does. */
    public enum Action {
        SERVE,
        ADD_USER,
        REQUIRE_MFA_FOR_ORGANISATION,
        HELP
    }
}
