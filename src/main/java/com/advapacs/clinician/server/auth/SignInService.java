package com.advapacs.clinician.server.auth;

import com.advapacs.clinician.server.http.ApiErrors;
import com.advapacs.clinician.server.session.IssuedSession;
import com.advapacs.clinician.server.session.OpaqueToken;
import com.advapacs.clinician.server.session.SessionService;
import com.advapacs.clinician.server.store.Database;
import com.advapacs.clinician.server.store.MfaChallengeRecord;
import com.advapacs.clinician.server.store.MfaChallengeStore;
import com.advapacs.clinician.server.store.PasskeyStore;
import com.advapacs.clinician.server.store.SessionScope;
import com.advapacs.clinician.server.store.TotpFactorRecord;
import com.advapacs.clinician.server.store.TotpFactorStore;
import com.advapacs.clinician.server.store.UserRecord;
import com.advapacs.clinician.server.store.UserStore;
import com.advapacs.clinician.server.throttle.BackoffPolicy;
import com.advapacs.clinician.server.throttle.InMemoryFailureCounter;
import com.advapacs.clinician.server.totp.CodeCheck;
import com.advapacs.clinician.server.totp.FactorCodeChecker;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two-step sign-in: a password, then a TOTP code or a passkey if the account has an MFA method.
 * Unknown emails and wrong passwords look the same to the caller, in body and in timing.
 */
public final class SignInService {
    /** Per client address: 20 failures with less than 15 minutes between them, then wait. */
    public static final BackoffPolicy ADDRESS_POLICY = new BackoffPolicy(
            20, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(15));
    public static final Duration MFA_TOKEN_LIFETIME = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(SignInService.class);

    private final Database database;
    private final UserStore users;
    private final TotpFactorStore factors;
    private final PasskeyStore passkeys;
    private final MfaChallengeStore challenges;
    private final AccountPasswordCheck passwordCheck;
    private final PasswordHasher hasher;
    private final FactorCodeChecker codeChecker;
    private final SessionService sessions;
    private final SecureRandom random;
    private final Clock clock;
    // Shared with passkey sign-in, so both kinds of failure count towards one limit.
    private final InMemoryFailureCounter addressFailures;
    // Unknown emails get the per-account policy too, so throttling does not reveal which exist.
    private final InMemoryFailureCounter unknownAccountFailures;

    public SignInService(
            Database database,
            UserStore users,
            TotpFactorStore factors,
            PasskeyStore passkeys,
            MfaChallengeStore challenges,
            AccountPasswordCheck passwordCheck,
            PasswordHasher hasher,
            FactorCodeChecker codeChecker,
            SessionService sessions,
            InMemoryFailureCounter addressFailures,
            SecureRandom random,
            Clock clock) {
        this.database = database;
        this.users = users;
        this.factors = factors;
        this.passkeys = passkeys;
        this.challenges = challenges;
        this.passwordCheck = passwordCheck;
        this.hasher = hasher;
        this.codeChecker = codeChecker;
        this.sessions = sessions;
        this.random = random;
        this.clock = clock;
        this.addressFailures = addressFailures;
        this.unknownAccountFailures = new InMemoryFailureCounter(AccountPasswordCheck.POLICY,
                clock);
    }

    /** Result of a completed second step. */
    public record SignedIn(IssuedSession session, UserRecord user) {
    }

    /**
     * Checks an email and password.
     *
     * @throws com.advapacs.clinician.server.http.ApiException 401 invalid_credentials or
     *     429 too_many_attempts
     */
    public PasswordSignInResult signInWithPassword(
            String email, String password, String clientAddress) {
        Duration addressWait = addressFailures.remainingWait(clientAddress);
        if (!addressWait.isZero()) {
            LOG.warn("Throttled password sign-in from address {}", clientAddress);
            throw ApiErrors.tooManyAttempts(addressWait);
        }
        Optional<UserRecord> user = database.transaction(c -> users.findByEmail(c, email));
        if (user.isEmpty()) {
            String key = UserStore.emailKey(email);
            Duration wait = unknownAccountFailures.remainingWait(key);
            if (!wait.isZero()) {
                throw ApiErrors.tooManyAttempts(wait);
            }
            hasher.verifyDummy(password);
            unknownAccountFailures.recordFailure(key);
            addressFailures.recordFailure(clientAddress);
            LOG.info("Password sign-in for an unknown email from address {}", clientAddress);
            throw ApiErrors.invalidCredentials();
        }
        long userId = user.get().id();
        if (!passwordCheck.verify(userId, password)) {
            addressFailures.recordFailure(clientAddress);
            throw ApiErrors.invalidCredentials();
        }
        PasswordSignInResult result = database.transaction(c -> afterPassword(c, user.get()));
        LOG.info("Password accepted for user {}: {}", userId,
                result.getClass().getSimpleName());
        return result;
    }

    private PasswordSignInResult afterPassword(Connection connection, UserRecord user)
            throws SQLException {
        List<String> methods = new ArrayList<>();
        if (factors.findActive(connection, user.id(), false).isPresent()) {
            methods.add("totp");
        }
        if (passkeys.countByUser(connection, user.id()) > 0) {
            methods.add("passkey");
        }
        if (!methods.isEmpty()) {
            String token = OpaqueToken.generate(random);
            Instant now = clock.instant();
            Instant expiresAt = now.plus(MFA_TOKEN_LIFETIME);
            challenges.insert(connection,
                    new MfaChallengeRecord(OpaqueToken.hash(token), user.id(), expiresAt, null),
                    now);
            return new PasswordSignInResult.MfaRequired(token, expiresAt, List.copyOf(methods));
        }
        if (user.mfaRequired()) {
            IssuedSession session = sessions.issue(connection, user.id(), SessionScope.ENROLMENT);
            return new PasswordSignInResult.EnrolmentRequired(session, user);
        }
        IssuedSession session = sessions.issue(connection, user.id(), SessionScope.FULL);
        return new PasswordSignInResult.SignedIn(session, user);
    }

    /**
     * Completes a sign-in with a TOTP code. The MFA token stays usable after a wrong code until
     * it expires, and is spent by the first success.
     */
    public SignedIn completeWithTotp(String mfaToken, String code) {
        if (!OpaqueToken.isWellFormed(mfaToken)) {
            throw ApiErrors.mfaTokenInvalid();
        }
        record Attempt(CodeCheck check, SignedIn signedIn) {
        }
        Attempt attempt = database.transaction(connection -> {
            Instant now = clock.instant();
            MfaChallengeRecord challenge = challenges
                    .findForUpdate(connection, OpaqueToken.hash(mfaToken))
                    .filter(found -> found.isOpenAt(now))
                    .orElseThrow(ApiErrors::mfaTokenInvalid);
            TotpFactorRecord factor = factors.findActive(connection, challenge.userId(), true)
                    .orElseThrow(ApiErrors::mfaTokenInvalid);
            CodeCheck check = codeChecker.check(connection, factor, code);
            if (!(check instanceof CodeCheck.Accepted)) {
                return new Attempt(check, null);
            }
            challenges.markUsed(connection, challenge.tokenHash(), now);
            IssuedSession session =
                    sessions.issue(connection, challenge.userId(), SessionScope.FULL);
            UserRecord user = users.findById(connection, challenge.userId()).orElseThrow();
            return new Attempt(check, new SignedIn(session, user));
        });
        CodeCheck.requireAccepted(attempt.check(), 401);
        LOG.info("TOTP sign-in completed for user {}", attempt.signedIn().user().id());
        return attempt.signedIn();
    }
}
