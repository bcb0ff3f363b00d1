package com.advapacs.clinician.server.totp;

import com.advapacs.clinician.server.store.TotpFactorRecord;
import com.advapacs.clinician.server.store.TotpFactorStore;
import com.advapacs.clinician.server.throttle.BackoffPolicy;
import com.advapacs.clinician.server.throttle.FailureCount;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks codes against a stored factor with replay protection (RFC 6238 section 5.2: a code is
 * accepted once) and throttling: from the 5th consecutive failure each attempt waits 30 s,
 * doubling, and the 10th locks the factor for 15 minutes. NIST SP 800-63B section 5.2.2 allows
 * at most 100 consecutive failures, so these limits are far inside it.
 */
public final class FactorCodeChecker {
    public static final int THROTTLE_AFTER_FAILURES = 5;
    public static final int LOCK_AFTER_FAILURES = 10;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    public static final BackoffPolicy THROTTLE = new BackoffPolicy(
            THROTTLE_AFTER_FAILURES, Duration.ofSeconds(30), LOCK_DURATION, null);

    private static final Logger LOG = LoggerFactory.getLogger(FactorCodeChecker.class);

    private final TotpFactorStore factors;
    private final TotpVerifier verifier;
    private final Clock clock;

    public FactorCodeChecker(TotpFactorStore factors, TotpVerifier verifier, Clock clock) {
        this.factors = factors;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * Checks {@code code} against {@code factor}, which the caller has locked in this
     * transaction, and stores the resulting use or failure.
     */
    public CodeCheck check(Connection connection, TotpFactorRecord factor, String code)
            throws SQLException {
        Instant now = clock.instant();
        FailureCount failures = factor.failures();
        if (factor.lockedUntil() != null) {
            if (now.isBefore(factor.lockedUntil())) {
                return new CodeCheck.Locked(Duration.between(now, factor.lockedUntil()));
            }
            // The lock has run out: the user starts again with a clean count.
            failures = FailureCount.NONE;
        }
        Duration wait = THROTTLE.remainingWait(failures, now);
        if (!wait.isZero()) {
            return new CodeCheck.Throttled(wait);
        }
        byte[] key = TotpSecret.fromBase32(factor.secretBase32());
        OptionalLong step = verifier.matchingStep(key, code, now);
        if (step.isPresent()) {
            Long lastUsed = factor.lastUsedStep();
            if (lastUsed != null && step.getAsLong() <= lastUsed) {
                LOG.info("Rejected a reused TOTP code for factor {}", factor.id());
                return new CodeCheck.Reused();
            }
            factors.recordSuccess(connection, factor.id(), step.getAsLong(), now);
            return new CodeCheck.Accepted(step.getAsLong());
        }
        FailureCount updated = failures.plusFailure(THROTTLE, now);
        if (updated.failures() >= LOCK_AFTER_FAILURES) {
            Instant lockedUntil = now.plus(LOCK_DURATION);
            factors.recordFailures(connection, factor.id(), updated, lockedUntil);
            LOG.warn("Locked TOTP factor {} of user {} after {} consecutive wrong codes",
                    factor.id(), factor.userId(), updated.failures());
            return new CodeCheck.Locked(LOCK_DURATION);
        }
        factors.recordFailures(connection, factor.id(), updated, null);
        LOG.info("Wrong TOTP code for factor {} ({} consecutive)", factor.id(),
                updated.failures());
        return new CodeCheck.Rejected(LOCK_AFTER_FAILURES - updated.failures());
    }
}
