package com.advapacs.clinician.server.totp;

/** Response to starting an enrolment: the new secret in the forms authenticator apps take. */
public record EnrolmentStarted(
        String enrolmentId,
        String secret,
        String otpauthUri,
        String algorithm,
        int digits,
        long periodSeconds,
        String expiresAt) {
}
