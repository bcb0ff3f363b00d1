package com.advapacs.clinician.portal;

import java.time.Instant;

/** The signed-in user as the portal describes them. */
public record Account(
        String email,
        String displayName,
        String organisation,
        boolean mfaRequired,
        boolean enrolmentOnly,
        TotpStatus totp) {
}
