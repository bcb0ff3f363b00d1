package com.advapacs.clinician.server.store;

/** Unchecked wrapper for a failed database operation. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
