package com.advapacs.clinician.fido.jna;

/**
 * Thrown when no usable libfido2 (1.12 or newer) could be loaded. The message names the
 * package to install.
 */
public final class LibFido2UnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public LibFido2UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
