package com.advapacs.clinician.server.store;

import com.advapacs.clinician.server.throttle.FailureCount;

/**
 * Clinician account row joined with its organisation's policy.
 *
 * @param organisation organisation name, or null for an account without one
 * @param failedSignIns failed password attempts counted for throttling
 */
public record UserRecord(
        long id,
        String email,
        String displayName,
        String organisation,
        boolean userMfaRequired,
        boolean organisationMfaRequired,
        String passwordHash,
        FailureCount failedSignIns) {

    /** Returns whether the user's own flag or the organisation's policy requires MFA. */
    public boolean mfaRequired() {
        return userMfaRequired || organisationMfaRequired;
    }
}
