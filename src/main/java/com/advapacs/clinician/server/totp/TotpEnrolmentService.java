package com.advapacs.clinician.server.totp;

import com.advapacs.clinician.server.http.ApiErrors;
import com.advapacs.clinician.server.http.Timestamps;
import com.advapacs.clinician.server.session.IssuedSession;
import com.advapacs.clinician.server.session.SessionService;
import com.advapacs.clinician.server.store.Database;
import com.advapacs.clinician.server.store.SessionRecord;
import com.advapacs.clinician.server.store.SessionScope;
import com.advapacs.clinician.server.store.TotpFactorRecord;
import com.advapacs.clinician.server.store.TotpFactorState;
import com.advapacs.clinician.server.store.TotpFactorStore;
import com.advapacs.clinician.server.store.UserRecord;
import com.advapacs.clinician.server.store.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TOTP enrolment: a pending secret becomes the active factor only once a code from it is
 * confirmed, so an abandoned or restarted enrolment never disturbs a working authenticator.
 */
public final class TotpEnrolmentService {
    public static final String ISSUER = "AdvaPACS";
    public static final String DEFAULT_NAME = "Authenticator app";
    public static final Duration PENDING_LIFETIME = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(TotpEnrolmentService.class);

    private final Database database;
    private final UserStore users;
    private final TotpFactorStore factors;
    private final FactorCodeChecker checker;
    private final SessionService sessions;
    private final SecureRandom random;
    private final Clock clock;

    public TotpEnrolmentService(
            Database database,
            UserStore users,
            TotpFactorStore factors,
            FactorCodeChecker checker,
            SessionService sessions,
            SecureRandom random,
            Clock clock) {
        this.database = database;
        this.users = users;
        this.factors = factors;
        this.checker = checker;
        this.sessions = sessions;
        this.random = random;
        this.clock = clock;
    }

    /** Result of a confirmation: the active factor and, for enrolment sessions, a new session. */
    public record Confirmed(TotpStatus totp, IssuedSession session) {
    }

    /** Starts an enrolment, replacing the user's previous pending one. */
    public EnrolmentStarted start(long userId) {
        byte[] key = TotpSecret.generate(random);
        String secret = TotpSecret.toBase32(key);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(PENDING_LIFETIME);
        UserRecord user = database.transaction(connection -> {
            UserRecord owner = users.findById(connection, userId)
                    .orElseThrow(ApiErrors::sessionInvalid);
            factors.deleteByState(connection, userId, TotpFactorState.PENDING);
            factors.insertPending(connection, id, userId, secret, now, expiresAt);
            return owner;
        });
        LOG.info("Started TOTP enrolment {} for user {}", id, userId);
        TotpParameters parameters = TotpParameters.PORTAL;
        return new EnrolmentStarted(
                id,
                secret,
                OtpauthUri.totp(ISSUER, user.email(), secret, parameters),
                parameters.algorithm().otpauthName(),
                parameters.digits(),
                parameters.period().getSeconds(),
                Timestamps.format(expiresAt));
    }

    /**
     * Confirms a pending enrolment with a code from it. The new factor replaces any active one.
     * An enrolment-scope session is revoked and replaced by a full session.
     */
    public Confirmed confirm(SessionRecord session, String enrolmentId, String code,
            Optional<String> name) {
        record Attempt(CodeCheck check, Confirmed confirmed) {
        }
        Attempt attempt = database.transaction(connection -> {
            Instant now = clock.instant();
            TotpFactorRecord pending = factors
                    .findPendingForUpdate(connection, session.userId(), enrolmentId)
                    .filter(factor -> now.isBefore(factor.expiresAt()))
                    .orElseThrow(ApiErrors::enrolmentNotFound);
            CodeCheck check = checker.check(connection, pending, code);
            if (!(check instanceof CodeCheck.Accepted accepted)) {
                return new Attempt(check, null);
            }
            factors.deleteByState(connection, session.userId(), TotpFactorState.ACTIVE);
            factors.activate(connection, pending.id(), name.orElse(DEFAULT_NAME),
                    accepted.step(), now);
            IssuedSession replacement = null;
            if (session.scope() == SessionScope.ENROLMENT) {
                sessions.revoke(connection, session.tokenHash());
                replacement = sessions.issue(connection, session.userId(), SessionScope.FULL);
            }
            TotpFactorRecord active = factors.findActive(connection, session.userId(), false)
                    .orElseThrow();
            return new Attempt(check, new Confirmed(TotpStatus.active(active), replacement));
        });
        CodeCheck.requireAccepted(attempt.check(), 422, true);
        LOG.info("Activated TOTP factor {} for user {}", enrolmentId, session.userId());
        return attempt.confirmed();
    }

    /** Discards a pending enrolment; the active factor, if any, stays. */
    public void abandon(long userId, String enrolmentId) {
        boolean deleted = database.transaction(
                connection -> factors.deletePending(connection, userId, enrolmentId));
        if (!deleted) {
            throw ApiErrors.enrolmentNotFound();
        }
        LOG.info("Abandoned TOTP enrolment {} for user {}", enrolmentId, userId);
    }

    /** Returns the user's TOTP status for the API. */
    public TotpStatus status(long userId) {
        return TotpStatus.of(database.transaction(
                connection -> factors.findActive(connection, userId, false)));
    }
}
