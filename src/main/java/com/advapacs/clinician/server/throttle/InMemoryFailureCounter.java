package com.advapacs.clinician.server.throttle;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failure counts per key (a client address, or an email without an account) kept in memory, so
 * they reset when the process restarts.
 */
public final class InMemoryFailureCounter {
    /** Entry count that triggers removal of expired entries. */
    private static final int PRUNE_AT = 10_000;

    private final BackoffPolicy policy;
    private final Clock clock;
    private final Map<String, FailureCount> counts = new ConcurrentHashMap<>();

    public InMemoryFailureCounter(BackoffPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** Returns how long {@code key} must still wait before its next attempt, or zero. */
    public Duration remainingWait(String key) {
        FailureCount count = counts.getOrDefault(key, FailureCount.NONE);
        return policy.remainingWait(count, clock.instant());
    }

    /** Counts one failure for {@code key}. */
    public void recordFailure(String key) {
        counts.compute(key, (k, old) -> {
            FailureCount previous = old == null ? FailureCount.NONE : old;
            return previous.plusFailure(policy, clock.instant());
        });
        if (counts.size() > PRUNE_AT) {
            // NOTE: only expired entries are dropped, so a flood of distinct keys inside one
            // window can still grow the map. Each entry is a few dozen bytes.
            counts.values().removeIf(count -> count.expiredAt(policy, clock.instant()));
        }
    }

    /** Forgets the failures of {@code key}. */
    public void reset(String key) {
        counts.remove(key);
    }
}
