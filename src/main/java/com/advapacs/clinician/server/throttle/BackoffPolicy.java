package com.advapacs.clinician.server.throttle;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential back-off after repeated failures. Once {@code threshold} failures have been
 * counted, the next attempt must wait {@code baseDelay}, doubling with every further failure up
 * to {@code maxDelay}, measured from the latest failure.
 *
 * @param window how long after the latest failure the count is forgotten, or null if failures
 *     only reset explicitly (for example on a successful attempt)
 */
public record BackoffPolicy(int threshold, Duration baseDelay, Duration maxDelay, Duration window) {

    public BackoffPolicy {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be >= 1: " + threshold);
        }
        if (baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 < baseDelay <= maxDelay");
        }
    }

    /** Returns the wait required after the latest of {@code failures} counted failures. */
    public Duration delayAfter(int failures) {
        if (failures < threshold) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - threshold, 30);
        Duration delay = baseDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Returns how long the caller must still wait at {@code now}, or zero. */
    public Duration remainingWait(FailureCount count, Instant now) {
        FailureCount current = count.expiredAt(this, now) ? FailureCount.NONE : count;
        if (current.failures() < threshold) {
            return Duration.ZERO;
        }
        Instant allowedAt = current.lastFailureAt().plus(delayAfter(current.failures()));
        return now.isBefore(allowedAt) ? Duration.between(now, allowedAt) : Duration.ZERO;
    }
}
