package com.advapacs.clinician.server.store;

import java.time.Instant;

/**
 * Session row. Only the SHA-256 hash of the bearer token is stored.
 *
 * @param revokedAt when the session was signed out or replaced, or null
 */
public record SessionRecord(
        String tokenHash,
        long userId,
        SessionScope scope,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt) {

    /** Returns whether the session is neither revoked nor expired at {@code now}. */
    public boolean isValidAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
