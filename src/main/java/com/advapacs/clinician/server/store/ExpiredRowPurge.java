package com.advapacs.clinician.server.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up removal of sessions, MFA challenges, pending enrolments and WebAuthn challenges that
 * expired more than a week ago, so the tables do not grow without bound. Expired rows are
 * already rejected on use, and the week keeps recent ones available for investigating sign-in
 * problems. Passkey sign-in options also delete expired WebAuthn challenges while the portal
 * runs, so those are usually gone long before the week ends.
 */
public final class ExpiredRowPurge {
    public static final Duration RETENTION = Duration.ofDays(7);

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredRowPurge.class);

    private ExpiredRowPurge() {
    }

    /** Deletes the rows that expired before now minus {@link #RETENTION}. */
    public static void run(Database database, Clock clock) {
        Instant cutoff = clock.instant().minus(RETENTION);
        int[] deleted = database.transaction(connection -> new int[] {
            new SessionStore().deleteExpiredBefore(connection, cutoff),
            new MfaChallengeStore().deleteExpiredBefore(connection, cutoff),
            new TotpFactorStore().deleteExpiredPending(connection, cutoff),
            new WebAuthnCeremonyStore().deleteExpiredBefore(connection, cutoff)
        });
        LOG.info("Purged {} sessions, {} MFA challenges, {} pending enrolments and {} WebAuthn"
                + " challenges that expired before {}", deleted[0], deleted[1], deleted[2],
                deleted[3], cutoff);
    }
}
