package com.advapacs.clinician.passkey;

import com.advapacs.clinician.i18n.Messages;
import java.util.Locale;

/**
 * Whether the computer's own authenticator can hold a passkey for this app. libfido2
 * reaches one only on Windows (Windows Hello through {@code webauthn.dll}); on macOS,
 * Touch ID passkeys need Apple's AuthenticationServices with an associated-domains
 * entitlement, and Linux has no platform authenticator.
 */
public final class PlatformAuthenticator {

    private final String osName;

    public PlatformAuthenticator(String osName) {
        this.osName = osName.toLowerCase(Locale.ROOT);
    }

    public static PlatformAuthenticator forThisComputer() {
        return new PlatformAuthenticator(System.getProperty("os.name", ""));
    }

    /** Returns why the platform option is unavailable, or null when it can be offered. */
    public String unavailableReason() {
        if (osName.startsWith("mac")) {
            return Messages.get("passkey.platform.mac");
        }
        if (osName.startsWith("windows")) {
            // NOTE: Windows Hello through libfido2's windows://hello device is not wired up
            // yet, so the option stays unavailable there too.
            return Messages.get("passkey.platform.windowsPending");
        }
        return Messages.get("passkey.platform.linux");
    }
}
