package com.advapacs.clinician.fido;

/** WebAuthn's userVerification values (WebAuthn Level 2 section 5.8.6). */
public enum UserVerificationRequirement {
    /** The key must verify the user, by PIN or built-in UV. */
    REQUIRED,
    /** Verify when a PIN was given or the key has built-in UV. */
    PREFERRED,
    /** Do not ask for verification. */
    DISCOURAGED
}
