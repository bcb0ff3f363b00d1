package com.advapacs.clinician.server.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.advapacs.clinician.server.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FixedWindowRateLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final FixedWindowRateLimiter limiter =
            new FixedWindowRateLimiter(3, Duration.ofMinutes(1), clock);

    @Test
    void allowsUpToMaximumPerWindow() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire("a"), "request " + i);
            clock.advance(Duration.ofSeconds(10));
        }
        assertEquals(Duration.ofSeconds(30), limiter.tryAcquire("a"));
    }

    @Test
    void newWindowStartsAfterEnd() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Duration.ofSeconds(1), limiter.tryAcquire("a"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, limiter.tryAcquire("a"));
    }

    @Test
    void keysCountedSeparately() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        assertEquals(Duration.ZERO, limiter.tryAcquire("b"));
    }
}
