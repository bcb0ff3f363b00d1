package com.advapacs.clinician.server.throttle;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Fixed set of locks chosen by key hash, so per-account work can be serialised without keeping
 * one lock object per account. Unrelated keys may share a lock, which only costs waiting.
 */
public final class StripedLocks {
    private final ReentrantLock[] locks;

    public StripedLocks(int stripes) {
        locks = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public ReentrantLock forKey(Object key) {
        return locks[Math.floorMod(key.hashCode(), locks.length)];
    }
}
