package com.advapacs.clinician.server.totp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Matches a submitted code against the current time step and its neighbours. RFC 6238
 * section 5.2 recommends at most one step of allowed network delay, so the window is ±1.
 */
public final class TotpVerifier {
    public static final int WINDOW_STEPS = 1;

    private final TotpGenerator generator;

    public TotpVerifier(TotpGenerator generator) {
        this.generator = generator;
    }

    /**
     * Finds the latest step within the window whose code equals {@code code}.
     *
     * @return the matching step, or empty if no step in the window produces {@code code}
     */
    public OptionalLong matchingStep(byte[] key, String code, Instant now) {
        long current = generator.parameters().stepAt(now);
        byte[] submitted = code.getBytes(StandardCharsets.US_ASCII);
        long match = Long.MIN_VALUE;
        // Every step in the window is checked, so the time taken does not depend on which matched.
        for (long step = current - WINDOW_STEPS; step <= current + WINDOW_STEPS; step++) {
            byte[] expected = generator.codeForStep(key, step).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, submitted)) {
                match = step;
            }
        }
        return match == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(match);
    }
}
