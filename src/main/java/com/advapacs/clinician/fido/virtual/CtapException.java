package com.advapacs.clinician.fido.virtual;

/** Ends a CTAP command with a status code other than success. */
final class CtapException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    CtapException(int status, String reason) {
        super(String.format("CTAP status 0x%02x: %s", status, reason));
        this.status = status;
    }

    int status() {
        return status;
    }
}
