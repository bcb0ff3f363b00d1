package com.advapacs.clinician.server.totp;

import com.advapacs.clinician.server.http.ApiErrors;
import com.advapacs.clinician.server.http.ApiException;
import java.time.Duration;

/**
 * Outcome of checking a code against a factor. The check stores failure counts itself, so the
 * caller commits its transaction whatever the outcome and reports errors afterwards.
 */
public sealed interface CodeCheck {

    /** The code matched {@code step}, which is now the factor's last used step. */
    record Accepted(long step) implements CodeCheck {
    }

    /** The code matched no step in the window. */
    record Rejected(int attemptsRemaining) implements CodeCheck {
    }

    /** The code matched a step at or before the last used one. */
    record Reused() implements CodeCheck {
    }

    /** The attempt came too soon after earlier failures and was not checked. */
    record Throttled(Duration retryAfter) implements CodeCheck {
    }

    /** The factor is locked after too many failures; the attempt was not checked. */
    record Locked(Duration retryAfter) implements CodeCheck {
    }

    /**
     * Converts a failed check into the API error.
     *
     * @param rejectStatus status for wrong and reused codes: 401 at sign-in, 422 elsewhere
     * @param lockAsThrottle whether a lock is reported as 429 too_many_attempts, as for pending
     *     enrolments, instead of 423 factor_locked
     */
    static ApiException toError(CodeCheck check, int rejectStatus, boolean lockAsThrottle) {
        if (check instanceof Rejected rejected) {
            return ApiErrors.invalidCode(rejectStatus, rejected.attemptsRemaining());
        }
        if (check instanceof Reused) {
            return ApiErrors.codeReused(rejectStatus);
        }
        if (check instanceof Throttled throttled) {
            return ApiErrors.tooManyAttempts(throttled.retryAfter());
        }
        if (check instanceof Locked locked) {
            return lockAsThrottle
                    ? ApiErrors.tooManyAttempts(locked.retryAfter())
                    : ApiErrors.factorLocked(locked.retryAfter());
        }
        throw new IllegalArgumentException("accepted code has no error: " + check);
    }

    /** Throws the API error for {@code check} unless it was accepted. */
    static void requireAccepted(CodeCheck check, int rejectStatus, boolean lockAsThrottle) {
        if (!(check instanceof Accepted)) {
            throw toError(check, rejectStatus, lockAsThrottle);
        }
    }

    /** Sign-in and removal variant: wrong codes use {@code rejectStatus}, locks are 423. */
    static void requireAccepted(CodeCheck check, int rejectStatus) {
        requireAccepted(check, rejectStatus, false);
    }
}
