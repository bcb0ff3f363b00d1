package com.advapacs.clinician.server.store;

import com.advapacs.clinician.server.throttle.FailureCount;
import java.time.Instant;

/**
 * TOTP factor row.
 *
 * @param secretBase32 shared key in RFC 4648 base32 without padding. NOTE: it is stored
 *     unencrypted, so the database file must be protected like a key store.
 * @param expiresAt end of the confirmation period for a pending factor, null when active
 * @param lastUsedStep latest accepted time step; codes for it or earlier steps are replays
 * @param failures consecutive wrong codes since the last accepted one
 * @param lockedUntil end of the lock after too many failures, or null
 */
public record TotpFactorRecord(
        String id,
        long userId,
        String secretBase32,
        TotpFactorState state,
        String name,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Long lastUsedStep,
        FailureCount failures,
        Instant lockedUntil) {
}
