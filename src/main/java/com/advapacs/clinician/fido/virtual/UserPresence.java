package com.advapacs.clinician.fido.virtual;

import java.time.Duration;

/**
 * The simulated user at the key. When a command needs a touch, it waits as the
 * {@link AuthenticatorConfig.Touch} setting defines and sends keep-alive frames with
 * status UPNEEDED meanwhile. A cancel from the platform, unplugging, or a card leaving the
 * NFC field ends the wait.
 */
final class UserPresence {

    private final AuthenticatorConfig config;
    private final Object lock = new Object();
    private boolean touchPending;
    private int prompts;
    private boolean removed;

    UserPresence(AuthenticatorConfig config) {
        this.config = config;
    }

    /**
     * Returns once the user touched the key.
     *
     * @throws CtapException USER_ACTION_TIMEOUT or KEEPALIVE_CANCEL
     * @throws DeviceRemovedException when the key is unplugged while waiting
     */
    void awaitTouch(CommandContext context) throws CtapException {
        synchronized (lock) {
            prompts++;
            lock.notifyAll();
        }
        if (config.touch == AuthenticatorConfig.Touch.IMMEDIATE) {
            return;
        }
        long start = System.nanoTime();
        long deadline = start + config.userActionTimeout.toNanos();
        long touchAt = config.touch == AuthenticatorConfig.Touch.AFTER_DELAY
                ? start + config.touchDelay.toNanos() : Long.MAX_VALUE;
        while (true) {
            if (context.cancelled()) {
                throw new CtapException(CtapStatus.KEEPALIVE_CANCEL, "cancelled by platform");
            }
            synchronized (lock) {
                if (removed || context.removed()) {
                    throw new DeviceRemovedException();
                }
                if (touchPending) {
                    touchPending = false;
                    return;
                }
            }
            long now = System.nanoTime();
            if (now - touchAt >= 0) {
                return;
            }
            if (now - deadline >= 0) {
                throw new CtapException(CtapStatus.USER_ACTION_TIMEOUT, "no touch");
            }
            context.keepAlive(CommandContext.STATUS_UPNEEDED);
            long waitNanos = Math.min(config.keepAliveInterval.toNanos(),
                    Math.min(deadline, touchAt) - now);
            synchronized (lock) {
                try {
                    lock.wait(Math.max(1, waitNanos / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DeviceRemovedException();
                }
            }
        }
    }

    void touch() {
        synchronized (lock) {
            touchPending = true;
            lock.notifyAll();
        }
    }

    void setRemoved(boolean value) {
        synchronized (lock) {
            removed = value;
            touchPending = false;
            lock.notifyAll();
        }
    }

    /** Wakes a waiting command so it notices a cancel at once. */
    void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Waits until the key has asked for a touch {@code count} times in total. */
    boolean awaitPrompts(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (prompts < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    int prompts() {
        synchronized (lock) {
            return prompts;
        }
    }
}
