package com.advapacs.clinician.server.totp;

import java.time.Instant;

/** Time-based one-time password generator as defined by RFC 6238. */
public final class TotpGenerator {
    private final TotpParameters parameters;

    public TotpGenerator(TotpParameters parameters) {
        this.parameters = parameters;
    }

    public TotpParameters parameters() {
        return parameters;
    }

    /** Computes the code for time step {@code step}. */
    public String codeForStep(byte[] key, long step) {
        return Hotp.generate(parameters.algorithm(), key, step, parameters.digits());
    }

    /** Computes the code valid at {@code instant}. */
    public String codeAt(byte[] key, Instant instant) {
        return codeForStep(key, parameters.stepAt(instant));
    }
}
