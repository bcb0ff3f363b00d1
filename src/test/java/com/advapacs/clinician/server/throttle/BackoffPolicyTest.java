package com.advapacs.clinician.server.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final BackoffPolicy policy = new BackoffPolicy(
            5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(15));

    @Test
    void noDelayBelowThreshold() {
        assertEquals(Duration.ZERO, policy.delayAfter(4));
    }

    @Test
    void delayDoublesUpToMaximum() {
        assertEquals(Duration.ofSeconds(30), policy.delayAfter(5));
        assertEquals(Duration.ofSeconds(60), policy.delayAfter(6));
        assertEquals(Duration.ofSeconds(480), policy.delayAfter(9));
        assertEquals(Duration.ofMinutes(15), policy.delayAfter(11));
        assertEquals(Duration.ofMinutes(15), policy.delayAfter(1_000));
    }

    @Test
    void remainingWaitCountsFromLatestFailure() {
        FailureCount count = new FailureCount(5, NOW);
        assertEquals(Duration.ofSeconds(30), policy.remainingWait(count, NOW));
        assertEquals(Duration.ofSeconds(10), policy.remainingWait(count, NOW.plusSeconds(20)));
        assertEquals(Duration.ZERO, policy.remainingWait(count, NOW.plusSeconds(30)));
    }

    @Test
    void windowForgetsOldFailures() {
        FailureCount count = new FailureCount(4, NOW);
        assertEquals(1, count.plusFailure(policy, NOW.plus(Duration.ofMinutes(15))).failures());
        assertEquals(5, count.plusFailure(policy, NOW.plus(Duration.ofMinutes(14))).failures());
    }

    @Test
    void withoutWindowFailuresStay() {
        BackoffPolicy noWindow = new BackoffPolicy(5, Duration.ofSeconds(30),
                Duration.ofMinutes(15), null);
        FailureCount count = new FailureCount(4, NOW);
        assertEquals(5, count.plusFailure(noWindow, NOW.plus(Duration.ofDays(30))).failures());
    }

    @Test
    void retryAfterRoundsUp() {
        assertEquals(1, RetryAfter.seconds(Duration.ofMillis(1)));
        assertEquals(30, RetryAfter.seconds(Duration.ofSeconds(30)));
        assertEquals(31, RetryAfter.seconds(Duration.ofMillis(30_001)));
    }
}
