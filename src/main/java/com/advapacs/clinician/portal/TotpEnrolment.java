package com.advapacs.clinician.portal;

import java.time.Instant;

/**
 * A pending authenticator-app enrolment: the shared secret and its {@code otpauth://} URI.
 *
 * <p>{@link #toString()} leaves the secret and URI out so that they never reach a log.
 */
public record TotpEnrolment(
        String enrolmentId,
        String secret,
        String otpauthUri,
        String algorithm,
        int digits,
        int periodSeconds,
        Instant expiresAt) {

    @Override
    public String toString() {
        return "TotpEnrolment[id=" + enrolmentId + ", algorithm=" + algorithm + ", digits="
                + digits + ", period=" + periodSeconds + "s]";
    }
}
