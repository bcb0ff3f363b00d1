package com.advapacs.clinician.server.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request counts per key (a client address) in fixed windows, kept in memory, so they reset
 * when the process restarts. Each key may make {@code maxRequests} requests per window, and the
 * window starts at the key's first request after the previous window ended.
 */
public final class FixedWindowRateLimiter {
    /** Entry count that triggers removal of ended windows. */
    private static final int PRUNE_AT = 10_000;

    private final int maxRequests;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(Instant start, int requests) {
    }

    public FixedWindowRateLimiter(int maxRequests, Duration window, Clock clock) {
        if (maxRequests < 1) {
            throw new IllegalArgumentException("maxRequests must be >= 1: " + maxRequests);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        this.maxRequests = maxRequests;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Counts one request for {@code key} if its window has room. Returns zero when the request
     * is allowed, otherwise how long until the window ends. Rejected requests are not counted.
     */
    public Duration tryAcquire(String key) {
        Instant now = clock.instant();
        Duration[] wait = {Duration.ZERO};
        windows.compute(key, (k, current) -> {
            if (current == null || hasEnded(current, now)) {
                return new Window(now, 1);
            }
            if (current.requests() >= maxRequests) {
                wait[0] = Duration.between(now, current.start().plus(window));
                return current;
            }
            return new Window(current.start(), current.requests() + 1);
        });
        if (windows.size() > PRUNE_AT) {
            // NOTE: only ended windows are dropped, so a flood of distinct keys inside one
            // window can still grow the map. Each entry is a few dozen bytes.
            windows.values().removeIf(entry -> hasEnded(entry, now));
        }
        return wait[0];
    }

    private boolean hasEnded(Window entry, Instant now) {
        return !now.isBefore(entry.start().plus(window));
    }
}
