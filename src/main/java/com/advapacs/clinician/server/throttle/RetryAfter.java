package com.advapacs.clinician.server.throttle;

import java.time.Duration;

/** Conversion of a wait into the whole seconds used by the Retry-After header (RFC 9110). */
public final class RetryAfter {
    private RetryAfter() {
    }

    /** Rounds {@code wait} up to whole seconds, at least 1. */
    public static int seconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return (int) Math.max(1, Math.min(seconds, Integer.MAX_VALUE));
    }
}
