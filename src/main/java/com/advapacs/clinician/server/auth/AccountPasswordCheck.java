package com.advapacs.clinician.server.auth;

import com.advapacs.clinician.server.http.ApiErrors;
import com.advapacs.clinician.server.store.Database;
import com.advapacs.clinician.server.store.UserRecord;
import com.advapacs.clinician.server.store.UserStore;
import com.advapacs.clinician.server.throttle.BackoffPolicy;
import com.advapacs.clinician.server.throttle.FailureCount;
import com.advapacs.clinician.server.throttle.StripedLocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies an account's password with per-account throttling stored in the database, so the
 * count survives restarts: 5 failures with less than 15 minutes between them make the next
 * attempt wait 30 s, doubling up to 15 minutes.
 */
public final class AccountPasswordCheck {
    public static final BackoffPolicy POLICY = new BackoffPolicy(
            5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(15));

    private static final Logger LOG = LoggerFactory.getLogger(AccountPasswordCheck.class);

    private final Database database;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final StripedLocks locks = new StripedLocks(64);

    public AccountPasswordCheck(
            Database database, UserStore users, PasswordHasher hasher, Clock clock) {
        this.database = database;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Checks the password of user {@code userId}, counting a failure or clearing the count.
     * Attempts on one account run one at a time, so parallel guesses cannot overtake the count.
     *
     * @return whether the password is correct
     * @throws com.advapacs.clinician.server.http.ApiException 429 while the account must wait;
     *     the password is then not checked
     */
    public boolean verify(long userId, String password) {
        ReentrantLock lock = locks.forKey(userId);
        lock.lock();
        try {
            UserRecord user = database.transaction(c -> users.findById(c, userId)).orElseThrow();
            Instant now = clock.instant();
            Duration wait = POLICY.remainingWait(user.failedSignIns(), now);
            if (!wait.isZero()) {
                LOG.warn("Throttled a password attempt for user {}: {} failures", userId,
                        user.failedSignIns().failures());
                throw ApiErrors.tooManyAttempts(wait);
            }
            if (!hasher.verify(password, user.passwordHash())) {
                FailureCount updated = user.failedSignIns().plusFailure(POLICY, now);
                database.transaction(c -> {
                    users.updateFailedSignIns(c, userId, updated);
                    return null;
                });
                LOG.info("Wrong password for user {} ({} recent failures)", userId,
                        updated.failures());
                return false;
            }
            if (user.failedSignIns().failures() > 0 || hasher.needsRehash(user.passwordHash())) {
                String rehashed = hasher.needsRehash(user.passwordHash())
                        ? hasher.hash(password) : null;
                database.transaction(c -> {
                    users.updateFailedSignIns(c, userId, FailureCount.NONE);
                    if (rehashed != null) {
                        users.updatePasswordHash(c, userId, rehashed);
                    }
                    return null;
                });
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
