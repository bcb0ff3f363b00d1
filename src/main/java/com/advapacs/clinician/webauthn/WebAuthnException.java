package com.advapacs.clinician.webauthn;

/**
 * A WebAuthn client rule that stopped a ceremony before the security key was contacted.
 * The message is meant for the user.
 */
public final class WebAuthnException extends Exception {

    /** The rule that failed. */
    public enum Reason {
        RP_ID_REJECTED,
        INVALID_OPTIONS,
        UNSUPPORTED_ALGORITHM
    }

    private final Reason reason;

    public WebAuthnException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
