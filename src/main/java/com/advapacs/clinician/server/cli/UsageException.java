package com.advapacs.clinician.server.cli;

/** Invalid command-line arguments; the message names the value and the fix. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
