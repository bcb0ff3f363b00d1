package com.advapacs.clinician.server.store;

import java.time.Instant;

/**
 * Challenge issued for one WebAuthn ceremony: a passkey registration or a sign-in assertion.
 *
 * @param userId the user the ceremony is for, or null for a passwordless sign-in, where the
 *     passkey names the user
 * @param mfaTokenHash SHA-256 hash of the MFA token a second-factor assertion completes, or null
 * @param userVerification wire name of the user verification the options asked for
 * @param attachment authenticator attachment the registration asked for, or null
 * @param usedAt when a response was checked against the challenge, or null. The services set
 *     it before checking, so a challenge is checked at most once, whatever the outcome.
 */
public record WebAuthnCeremonyRecord(
        String id,
        WebAuthnCeremonyKind kind,
        Long userId,
        String mfaTokenHash,
        byte[] challenge,
        String userVerification,
        String attachment,
        Instant createdAt,
        Instant expiresAt,
        Instant usedAt) {

    public WebAuthnCeremonyRecord {
        challenge = challenge.clone();
    }

    @Override
    public byte[] challenge() {
        return challenge.clone();
    }

    /** Returns whether a response can still be checked against the challenge at {@code now}. */
    public boolean isOpenAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
