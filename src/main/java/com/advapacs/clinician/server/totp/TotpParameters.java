package com.advapacs.clinician.server.totp;

import java.time.Duration;
import java.time.Instant;

/**
 * TOTP parameters from RFC 6238 section 4: the HMAC algorithm, the code length and the time
 * step X. T0 is always the Unix epoch.
 */
public record TotpParameters(HmacAlgorithm algorithm, int digits, Duration period) {

    /** Parameters the portal issues: what common authenticator apps support without options. */
    public static final TotpParameters PORTAL =
            new TotpParameters(HmacAlgorithm.SHA1, 6, Duration.ofSeconds(30));

    public TotpParameters {
        if (algorithm == null) {
            throw new IllegalArgumentException("algorithm is required");
        }
        if (digits < Hotp.MIN_DIGITS || digits > Hotp.MAX_DIGITS) {
            throw new IllegalArgumentException("digits must be between 6 and 8: " + digits);
        }
        if (period == null || period.getSeconds() < 1 || period.getNano() != 0) {
            throw new IllegalArgumentException("period must be a whole number of seconds >= 1");
        }
    }

    /** Returns the time step number T for {@code instant} (RFC 6238 section 4.2). */
    public long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), period.getSeconds());
    }

    /** Returns the first instant of {@code step}. */
    public Instant startOfStep(long step) {
        return Instant.ofEpochSecond(Math.multiplyExact(step, period.getSeconds()));
    }
}
