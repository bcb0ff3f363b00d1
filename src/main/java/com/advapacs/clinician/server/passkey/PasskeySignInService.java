package com.advapacs.clinician.server.passkey;

import com.advapacs.clinician.server.auth.SignInService;
import com.advapacs.clinician.server.http.ApiErrors;
import com.advapacs.clinician.server.http.ApiException;
import com.advapacs.clinician.server.session.IssuedSession;
import com.advapacs.clinician.server.session.OpaqueToken;
import com.advapacs.clinician.server.session.SessionService;
import com.advapacs.clinician.server.store.Database;
import com.advapacs.clinician.server.store.MfaChallengeRecord;
import com.advapacs.clinician.server.store.MfaChallengeStore;
import com.advapacs.clinician.server.store.PasskeyRecord;
import com.advapacs.clinician.server.store.PasskeyStore;
import com.advapacs.clinician.server.store.SessionScope;
import com.advapacs.clinician.server.store.UserRecord;
import com.advapacs.clinician.server.store.UserStore;
import com.advapacs.clinician.server.store.WebAuthnCeremonyKind;
import com.advapacs.clinician.server.store.WebAuthnCeremonyRecord;
import com.advapacs.clinician.server.store.WebAuthnCeremonyStore;
import com.advapacs.clinician.server.throttle.FixedWindowRateLimiter;
import com.advapacs.clinician.server.throttle.InMemoryFailureCounter;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.extension.authenticator.AuthenticationExtensionAuthenticatorOutput;
import com.webauthn4j.util.exception.WebAuthnException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Sign-in with a passkey (WebAuthn Level 3, section 7.2), either as the second step after a
 * password or passwordless with a discoverable credential. Failed attempts count towards the
 * client address's throttle, which password failures share. Passwordless options need no
 * credentials, so each client address may request at most
 * {@link #PASSWORDLESS_OPTIONS_PER_WINDOW} of them per {@link #PASSWORDLESS_OPTIONS_WINDOW}, and
 * expired options are deleted while new ones are issued. Together these bound the rows one
 * address can keep in {@code webauthn_ceremonies}.
 */
public final class PasskeySignInService {
    private static final Logger LOG = LoggerFactory.getLogger(PasskeySignInService.class);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    public static final int PASSWORDLESS_OPTIONS_PER_WINDOW = 30;
    public static final Duration PASSWORDLESS_OPTIONS_WINDOW = Duration.ofMinutes(1);
    /** Minimum time between two deletions of expired ceremonies. */
    static final Duration EXPIRED_PURGE_INTERVAL = Duration.ofMinutes(1);

    private final Database database;
    private final UserStore users;
    private final PasskeyStore passkeys;
    private final WebAuthnCeremonyStore ceremonies;
    private final MfaChallengeStore mfaChallenges;
    private final WebAuthnVerifier verifier;
    private final Supplier<RelyingParty> relyingParty;
    private final SessionService sessions;
    private final InMemoryFailureCounter addressFailures;
    private final FixedWindowRateLimiter passwordlessOptionsLimiter;
    private final AtomicReference<Instant> nextExpiredPurgeAt = new AtomicReference<>(Instant.MIN);
    private final SecureRandom random;
    private final Clock clock;

    public PasskeySignInService(
            Database database,
            UserStore users,
            PasskeyStore passkeys,
            WebAuthnCeremonyStore ceremonies,
            MfaChallengeStore mfaChallenges,
            WebAuthnVerifier verifier,
            Supplier<RelyingParty> relyingParty,
            SessionService sessions,
            InMemoryFailureCounter addressFailures,
            SecureRandom random,
            Clock clock) {
        this.database = database;
        this.users = users;
        this.passkeys = passkeys;
        this.ceremonies = ceremonies;
        this.mfaChallenges = mfaChallenges;
        this.verifier = verifier;
        this.relyingParty = relyingParty;
        this.sessions = sessions;
        this.addressFailures = addressFailures;
        this.passwordlessOptionsLimiter = new FixedWindowRateLimiter(
                PASSWORDLESS_OPTIONS_PER_WINDOW, PASSWORDLESS_OPTIONS_WINDOW, clock);
        this.random = random;
        this.clock = clock;
    }

    /**
     * Issues assertion options. With an MFA token, the options allow the user's passkeys and
     * ask for user verification as configured. Without one, they allow any discoverable
     * passkey and require user verification, because the passkey is then the only factor.
     *
     * @throws ApiException 401 mfa_token_invalid, 404 passkey_not_found when the account has no
     *     passkey, 429 too_many_attempts after too many failures or too many passwordless
     *     option requests from {@code clientAddress}
     */
    public OptionsJson.AssertionStarted options(Optional<String> mfaToken, String clientAddress) {
        requireNotThrottled(clientAddress);
        RelyingParty rp = relyingParty.get();
        byte[] challenge = new byte[PasskeyRegistrationService.CHALLENGE_BYTES];
        random.nextBytes(challenge);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        if (mfaToken.isPresent() && !OpaqueToken.isWellFormed(mfaToken.get())) {
            throw ApiErrors.mfaTokenInvalid();
        }
        if (mfaToken.isEmpty()) {
            requirePasswordlessOptionsAllowed(clientAddress);
        }
        boolean purgeExpired = claimExpiredPurge(now);
        String mfaTokenHash = mfaToken.map(OpaqueToken::hash).orElse(null);
        String userVerification = mfaToken.isPresent()
                ? rp.userVerification().wireName() : UserVerification.REQUIRED.wireName();

        List<PasskeyRecord> allowed = database.transaction(connection -> {
            Long userId = null;
            List<PasskeyRecord> userPasskeys = List.of();
            if (mfaTokenHash != null) {
                MfaChallengeRecord mfa = mfaChallenges.findForUpdate(connection, mfaTokenHash)
                        .filter(found -> found.isOpenAt(now))
                        .orElseThrow(ApiErrors::mfaTokenInvalid);
                userId = mfa.userId();
                userPasskeys = passkeys.listByUser(connection, userId);
                if (userPasskeys.isEmpty()) {
                    throw ApiErrors.noPasskeys();
                }
            }
            if (purgeExpired) {
                int deleted = ceremonies.deleteExpiredBefore(connection, now);
                LOG.debug("Deleted {} expired WebAuthn ceremonies", deleted);
            }
            ceremonies.insert(connection, new WebAuthnCeremonyRecord(id,
                    WebAuthnCeremonyKind.ASSERTION, userId, mfaTokenHash, challenge,
                    userVerification, null, now,
                    now.plus(PasskeyRegistrationService.CHALLENGE_LIFETIME), null));
            return userPasskeys;
        });
        LOG.info("Issued {} passkey sign-in options {} to address {}",
                mfaTokenHash == null ? "passwordless" : "second-step", id, clientAddress);
        OptionsJson.RequestOptions options = new OptionsJson.RequestOptions(
                BASE64URL.encodeToString(challenge),
                OptionsJson.TIMEOUT_MILLIS,
                rp.id(),
                PasskeyRegistrationService.descriptors(allowed),
                userVerification);
        return new OptionsJson.AssertionStarted(id, options);
    }

    /**
     * Verifies an assertion against options {@code assertionId} and signs the user in. The
     * options are spent by the first response, whatever its outcome.
     *
     * @throws ApiException 400 missing_field for a passwordless response without a user
     *     handle, 401 passkey_invalid, passkey_not_recognised or mfa_token_invalid,
     *     404 assertion_not_found, 429 too_many_attempts
     */
    public SignInService.SignedIn finish(String assertionId,
            CredentialResponses.Assertion response, String clientAddress) {
        requireNotThrottled(clientAddress);
        try {
            return verifyAndSignIn(assertionId, response, clientAddress);
        } catch (ApiException e) {
            if (e.status() == 401 || e.status() == 404) {
                addressFailures.recordFailure(clientAddress);
            }
            throw e;
        }
    }

    private SignInService.SignedIn verifyAndSignIn(String assertionId,
            CredentialResponses.Assertion response, String clientAddress) {
        WebAuthnCeremonyRecord ceremony = database.transaction(connection -> {
            Instant now = clock.instant();
            WebAuthnCeremonyRecord found = ceremonies
                    .findForUpdate(connection, assertionId, WebAuthnCeremonyKind.ASSERTION)
                    .filter(candidate -> candidate.isOpenAt(now))
                    .orElseThrow(ApiErrors::assertionNotFound);
            ceremonies.markUsed(connection, found.id(), now);
            return found;
        });
        boolean passwordless = ceremony.userId() == null;
        // WebAuthn Level 3 section 7.2 requires response.userHandle when the user was not
        // identified before the ceremony, as in a passwordless sign-in.
        if (passwordless && response.userHandle() == null) {
            LOG.info("Rejected passwordless passkey sign-in {} from address {}: the user handle"
                    + " is missing", assertionId, clientAddress);
            throw ApiErrors.missingField("credential.response.userHandle");
        }
        String credential = BASE64URL.encodeToString(response.credentialId());

        record Owner(PasskeyRecord passkey, byte[] userHandle, List<byte[]> allowed) {
        }
        Owner owner = database.transaction(connection -> {
            Optional<PasskeyRecord> passkey =
                    passkeys.find(connection, response.credentialId(), false);
            if (passkey.isEmpty()
                    || (!passwordless && passkey.get().userId() != ceremony.userId())) {
                LOG.info("Passkey sign-in {} from address {} used credential {}, which is not"
                        + " registered to {}", assertionId, clientAddress, credential,
                        passwordless ? "any user" : "user " + ceremony.userId());
                throw ApiErrors.passkeyNotRecognised();
            }
            long userId = passkey.get().userId();
            byte[] userHandle = users.findUserHandle(connection, userId).orElse(null);
            List<byte[]> allowed = passwordless ? null : passkeys.listByUser(connection, userId)
                    .stream().map(PasskeyRecord::credentialId).toList();
            return new Owner(passkey.get(), userHandle, allowed);
        });
        long userId = owner.passkey().userId();

        // A user handle, when present, names the passkey's owner. It is only missing at the
        // second step, which the check above ensures.
        boolean handleMatches = response.userHandle() == null
                || owner.userHandle() != null
                        && MessageDigest.isEqual(response.userHandle(), owner.userHandle());
        if (!handleMatches) {
            LOG.info("Rejected passkey sign-in {} for user {}: the user handle names another"
                    + " user", assertionId, userId);
            throw PasskeyFailures.invalid(401, PasskeyFailures.USER_HANDLE_MISMATCH);
        }

        AuthenticationData verified;
        try {
            verified = verifier.verifyAssertion(response.credentialId(), response.userHandle(),
                    response.authenticatorData(), response.clientDataJson(),
                    response.signature(), relyingParty.get(), ceremony.challenge(),
                    UserVerification.REQUIRED.wireName().equals(ceremony.userVerification()),
                    owner.passkey(), owner.allowed());
        } catch (WebAuthnException | JacksonException | IllegalArgumentException e) {
            LOG.info("Rejected passkey sign-in {} for user {} with credential {}: {}",
                    assertionId, userId, credential, PasskeyFailures.describe(e));
            throw PasskeyFailures.toApiError(e, 401);
        }
        return complete(ceremony, verified.getAuthenticatorData(), owner.passkey(), credential);
    }

    /** Stores the use of the passkey, spends the MFA token and issues a full session. */
    private SignInService.SignedIn complete(WebAuthnCeremonyRecord ceremony,
            AuthenticatorData<AuthenticationExtensionAuthenticatorOutput> authenticatorData,
            PasskeyRecord verifiedPasskey, String credential) {
        long userId = verifiedPasskey.userId();
        long presented = authenticatorData.getSignCount();
        record Completed(SignInService.SignedIn signedIn, boolean regression, long stored) {
        }
        Completed completed = database.transaction(connection -> {
            Instant now = clock.instant();
            if (ceremony.mfaTokenHash() != null) {
                MfaChallengeRecord mfa = mfaChallenges
                        .findForUpdate(connection, ceremony.mfaTokenHash())
                        .filter(found -> found.isOpenAt(now))
                        .orElseThrow(ApiErrors::mfaTokenInvalid);
                mfaChallenges.markUsed(connection, mfa.tokenHash(), now);
            }
            // Locked again, because another sign-in may have moved the counter meanwhile.
            PasskeyRecord passkey = passkeys
                    .find(connection, verifiedPasskey.credentialId(), true)
                    .orElseThrow(ApiErrors::passkeyNotRecognised);
            long stored = passkey.signCount();
            // WebAuthn Level 3 section 6.1.1: a counter that does not increase, when either
            // value is non-zero, may mean a cloned authenticator. It is flagged, not rejected.
            boolean regression = (presented != 0 || stored != 0) && presented <= stored;
            passkeys.recordUse(connection, passkey.credentialId(), Math.max(stored, presented),
                    authenticatorData.isFlagBS(),
                    passkey.uvInitialized() || authenticatorData.isFlagUV(),
                    passkey.signCountWarning() || regression, now);
            IssuedSession session = sessions.issue(connection, userId, SessionScope.FULL);
            UserRecord user = users.findById(connection, userId).orElseThrow();
            return new Completed(new SignInService.SignedIn(session, user), regression, stored);
        });
        if (completed.regression()) {
            LOG.warn("Signature counter of passkey {} of user {} did not increase (stored {},"
                    + " presented {}); the key may have been cloned", credential, userId,
                    completed.stored(), presented);
        }
        LOG.info("{} passkey sign-in completed for user {} with credential {}",
                ceremony.userId() == null ? "Passwordless" : "Second-step", userId, credential);
        return completed.signedIn();
    }

    private void requirePasswordlessOptionsAllowed(String clientAddress) {
        Duration wait = passwordlessOptionsLimiter.tryAcquire(clientAddress);
        if (!wait.isZero()) {
            LOG.warn("Rejected passwordless passkey options for address {}: more than {} requests"
                    + " in {}", clientAddress, PASSWORDLESS_OPTIONS_PER_WINDOW,
                    PASSWORDLESS_OPTIONS_WINDOW);
            throw ApiErrors.tooManyAttempts(wait);
        }
    }

    /**
     * Returns whether this request deletes the expired ceremonies, which happens at most once
     * per {@link #EXPIRED_PURGE_INTERVAL} across all requests.
     */
    private boolean claimExpiredPurge(Instant now) {
        Instant due = nextExpiredPurgeAt.get();
        return !now.isBefore(due)
                && nextExpiredPurgeAt.compareAndSet(due, now.plus(EXPIRED_PURGE_INTERVAL));
    }

    private void requireNotThrottled(String clientAddress) {
        Duration wait = addressFailures.remainingWait(clientAddress);
        if (!wait.isZero()) {
            LOG.warn("Throttled passkey sign-in from address {}", clientAddress);
            throw ApiErrors.tooManyAttempts(wait);
        }
    }
}
