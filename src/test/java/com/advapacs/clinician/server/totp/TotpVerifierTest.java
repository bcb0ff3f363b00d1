package com.advapacs.clinician.server.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TotpVerifierTest {
    private final byte[] key = TotpSecret.generate(new SecureRandom());
    private final TotpGenerator generator = new TotpGenerator(TotpParameters.PORTAL);
    private final TotpVerifier verifier = new TotpVerifier(generator);
    private final Instant now = Instant.parse("2026-03-02T09:00:10Z");
    private final long currentStep = TotpParameters.PORTAL.stepAt(now);

    @Test
    void acceptsCurrentStep() {
        assertEquals(OptionalLong.of(currentStep), verifier.matchingStep(key,
                generator.codeForStep(key, currentStep), now));
    }

    @Test
    void acceptsOneStepEitherSide() {
        for (long offset : new long[] {-1, 1}) {
            String code = generator.codeForStep(key, currentStep + offset);
            assertEquals(OptionalLong.of(currentStep + offset),
                    verifier.matchingStep(key, code, now), "offset " + offset);
        }
    }

    @Test
    void rejectsTwoStepsEitherSide() {
        for (long offset : new long[] {-2, 2}) {
            String code = generator.codeForStep(key, currentStep + offset);
            boolean collides = false;
            for (long near = -1; near <= 1; near++) {
                collides |= generator.codeForStep(key, currentStep + near).equals(code);
            }
            if (!collides) {
                assertTrue(verifier.matchingStep(key, code, now).isEmpty(), "offset " + offset);
            }
        }
    }

    @Test
    void rejectsWrongLengthCode() {
        String code = generator.codeForStep(key, currentStep);
        assertTrue(verifier.matchingStep(key, code.substring(1), now).isEmpty());
        assertTrue(verifier.matchingStep(key, code + "0", now).isEmpty());
    }
}
