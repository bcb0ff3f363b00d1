package com.advapacs.clinician.server.store;

import java.time.Instant;

/**
 * Pending second sign-in step after a correct password. Only the SHA-256 hash of the token
 * is stored.
 *
 * @param usedAt when the challenge was completed, or null
 */
public record MfaChallengeRecord(String tokenHash, long userId, Instant expiresAt, Instant usedAt) {

    /** Returns whether the challenge can still be completed at {@code now}. */
    public boolean isOpenAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
