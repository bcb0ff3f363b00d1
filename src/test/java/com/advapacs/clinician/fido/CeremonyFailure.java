package com.advapacs.clinician.fido;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Reads the failure of a ceremony that a test runs on another thread. */
public final class CeremonyFailure {

    private CeremonyFailure() {
    }

    /**
     * Waits up to {@code seconds} for {@code pending} to fail and returns its
     * {@link FidoException}; fails the test when it succeeds, hangs or fails otherwise.
     */
    public static FidoException of(Future<?> pending, int seconds) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> pending.get(seconds, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof FidoException, String.valueOf(e.getCause()));
        return (FidoException) e.getCause();
    }
}
