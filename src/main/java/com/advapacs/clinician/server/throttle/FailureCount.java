package com.advapacs.clinician.server.throttle;

import java.time.Instant;

/** Number of failures counted so far and when the latest one happened (null if none). */
public record FailureCount(int failures, Instant lastFailureAt) {

    public static final FailureCount NONE = new FailureCount(0, null);

    /** Returns whether the policy's window has passed since the latest failure. */
    public boolean expiredAt(BackoffPolicy policy, Instant now) {
        if (failures == 0 || lastFailureAt == null || policy.window() == null) {
            return false;
        }
        return !now.isBefore(lastFailureAt.plus(policy.window()));
    }

    /** Returns the count after one more failure at {@code now}. */
    public FailureCount plusFailure(BackoffPolicy policy, Instant now) {
        int previous = expiredAt(policy, now) ? 0 : failures;
        return new FailureCount(previous + 1, now);
    }
}
