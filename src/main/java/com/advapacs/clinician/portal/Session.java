package com.advapacs.clinician.portal;

import java.time.Instant;

/**
 * A portal session: the bearer token and when the portal will stop accepting it.
 *
 * <p>{@link #toString()} hides the token so that a session can never be logged by accident.
 */
public record Session(String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "Session[expiresAt=" + expiresAt + "]";
    }
}
