package com.advapacs.clinician.passkey;

import com.advapacs.clinician.i18n.Messages;

/**
 * macOS, where Touch ID passkeys are reachable only through Apple's AuthenticationServices
 * with an associated-domains entitlement, not through libfido2.
 */
final class MacPlatform implements PlatformAuthenticator {

    @Override
    public String unavailableReason() {
        return Messages.get("passkey.platform.mac");
    }
}
