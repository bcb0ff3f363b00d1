package com.advapacs.clinician.portal;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A failed portal request, already translated into a message a clinician can act on.
 *
 * <p>The message never contains a password, code, secret or token, so it may be shown and
 * logged as it is.
 */
public final class PortalException extends Exception {

    private final PortalProblem problem;
    private final String serverCode;
    private final Duration retryAfter;
    private final Integer attemptsRemaining;

    PortalException(PortalProblem problem, String message, String serverCode,
            Duration retryAfter, Integer attemptsRemaining, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.serverCode = serverCode;
        this.retryAfter = retryAfter;
        this.attemptsRemaining = attemptsRemaining;
    }

    public PortalProblem problem() {
        return problem;
    }

    /** Returns the portal's machine-readable error code, or empty when there was none. */
    public Optional<String> serverCode() {
        return Optional.ofNullable(serverCode);
    }

    /** Returns how long the portal wants the user to wait before trying again. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Returns the message again with {@code remaining} as the wait, for a countdown while
     * the portal refuses attempts; other problems keep their message.
     */
    public String messageWithWait(Duration remaining) {
        String wait = PortalErrors.waitText(remaining);
        return switch (problem) {
            case THROTTLED -> com.advapacs.clinician.i18n.Messages.get("error.throttled", wait);
            case FACTOR_LOCKED -> com.advapacs.clinician.i18n.Messages.get("error.factorLocked",
                    wait);
            default -> getMessage();
        };
    }

    public OptionalInt attemptsRemaining() {
        return attemptsRemaining == null ? OptionalInt.empty() : OptionalInt.of(attemptsRemaining);
    }
}
