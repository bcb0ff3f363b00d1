package com.advapacs.clinician.server.passkey;

import com.advapacs.clinician.server.http.ApiErrors;
import com.advapacs.clinician.server.session.IssuedSession;
import com.advapacs.clinician.server.session.SessionService;
import com.advapacs.clinician.server.store.Database;
import com.advapacs.clinician.server.store.PasskeyRecord;
import com.advapacs.clinician.server.store.PasskeyStore;
import com.advapacs.clinician.server.store.SessionRecord;
import com.advapacs.clinician.server.store.SessionScope;
import com.advapacs.clinician.server.store.UserRecord;
import com.advapacs.clinician.server.store.UserStore;
import com.advapacs.clinician.server.store.WebAuthnCeremonyKind;
import com.advapacs.clinician.server.store.WebAuthnCeremonyRecord;
import com.advapacs.clinician.server.store.WebAuthnCeremonyStore;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import com.webauthn4j.util.exception.WebAuthnException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Passkey registration (WebAuthn Level 3, section 7.1): options with a single-use challenge,
 * then verification of the new credential and its storage.
 */
public final class PasskeyRegistrationService {
    public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    public static final int CHALLENGE_BYTES = 32;
    public static final int USER_HANDLE_BYTES = 32;
    public static final String DEFAULT_NAME = "Security key";

    private static final Logger LOG = LoggerFactory.getLogger(PasskeyRegistrationService.class);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Database database;
    private final UserStore users;
    private final PasskeyStore passkeys;
    private final WebAuthnCeremonyStore ceremonies;
    private final WebAuthnVerifier verifier;
    private final Supplier<RelyingParty> relyingParty;
    private final SessionService sessions;
    private final SecureRandom random;
    private final Clock clock;

    public PasskeyRegistrationService(
            Database database,
            UserStore users,
            PasskeyStore passkeys,
            WebAuthnCeremonyStore ceremonies,
            WebAuthnVerifier verifier,
            Supplier<RelyingParty> relyingParty,
            SessionService sessions,
            SecureRandom random,
            Clock clock) {
        this.database = database;
        this.users = users;
        this.passkeys = passkeys;
        this.ceremonies = ceremonies;
        this.verifier = verifier;
        this.relyingParty = relyingParty;
        this.sessions = sessions;
        this.random = random;
        this.clock = clock;
    }

    /** Result of a registration: the new passkey and, for enrolment sessions, a full session. */
    public record Registered(PasskeyView passkey, IssuedSession session) {
    }

    /**
     * Starts a registration for the user.
     *
     * @param attachment {@code platform} or {@code cross-platform} to ask for one kind of
     *     authenticator, or empty for either
     */
    public OptionsJson.RegistrationStarted start(long userId, Optional<String> attachment) {
        RelyingParty rp = relyingParty.get();
        byte[] challenge = new byte[CHALLENGE_BYTES];
        random.nextBytes(challenge);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        record Started(UserRecord user, byte[] userHandle, List<PasskeyRecord> existing) {
        }
        Started started = database.transaction(connection -> {
            users.lock(connection, userId);
            UserRecord user = users.findById(connection, userId)
                    .orElseThrow(ApiErrors::sessionInvalid);
            byte[] userHandle = ensureUserHandle(connection, userId);
            ceremonies.insert(connection, new WebAuthnCeremonyRecord(id,
                    WebAuthnCeremonyKind.REGISTRATION, userId, null, challenge,
                    rp.userVerification().wireName(), attachment.orElse(null), now,
                    now.plus(CHALLENGE_LIFETIME), null));
            return new Started(user, userHandle, passkeys.listByUser(connection, userId));
        });
        LOG.info("Started passkey registration {} for user {}", id, userId);

        List<OptionsJson.CredentialParameters> parameters = WebAuthnVerifier.ALGORITHMS.stream()
                .map(alg -> new OptionsJson.CredentialParameters("public-key", alg))
                .toList();
        OptionsJson.CreationOptions options = new OptionsJson.CreationOptions(
                new OptionsJson.RelyingPartyEntity(rp.id(), rp.name()),
                new OptionsJson.UserEntity(BASE64URL.encodeToString(started.userHandle()),
                        started.user().email(), started.user().displayName()),
                BASE64URL.encodeToString(challenge),
                parameters,
                OptionsJson.TIMEOUT_MILLIS,
                descriptors(started.existing()),
                new OptionsJson.AuthenticatorSelection("preferred", false,
                        rp.userVerification().wireName(), attachment.orElse(null)),
                rp.attestation().wireName(),
                Map.of("credProps", true));
        return new OptionsJson.RegistrationStarted(id, options);
    }

    /**
     * Verifies the authenticator's response to registration {@code registrationId} and stores
     * the new passkey. The registration is spent by the first response, whatever its outcome.
     * An enrolment-scope session is revoked and replaced by a full session.
     */
    public Registered finish(SessionRecord session, String registrationId,
            CredentialResponses.Registration response, Optional<String> name) {
        long userId = session.userId();
        WebAuthnCeremonyRecord ceremony = database.transaction(connection -> {
            Instant now = clock.instant();
            WebAuthnCeremonyRecord found = ceremonies
                    .findForUpdate(connection, registrationId, WebAuthnCeremonyKind.REGISTRATION)
                    .filter(candidate -> Long.valueOf(userId).equals(candidate.userId()))
                    .filter(candidate -> candidate.isOpenAt(now))
                    .orElseThrow(ApiErrors::registrationNotFound);
            ceremonies.markUsed(connection, found.id(), now);
            return found;
        });

        RegistrationData verified = verify(registrationId, userId, ceremony, response);
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authenticatorData =
                verified.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData attested = authenticatorData.getAttestedCredentialData();
        if (!Arrays.equals(attested.getCredentialId(), response.credentialId())) {
            LOG.info("Rejected passkey registration {} for user {}: the credential id in the"
                    + " response differs from the attested one", registrationId, userId);
            throw PasskeyFailures.invalid(422, PasskeyFailures.CREDENTIAL_ID_MISMATCH);
        }

        UUID aaguid = attested.getAaguid().getValue();
        String attachment = response.attachment()
                .or(() -> Optional.ofNullable(ceremony.attachment()))
                .orElse(guessAttachment(response.transports()));
        PasskeyRecord passkey = new PasskeyRecord(
                attested.getCredentialId(),
                userId,
                verifier.publicKeyBytes(attested),
                authenticatorData.getSignCount(),
                aaguid,
                verified.getAttestationObject().getFormat(),
                response.transports(),
                authenticatorData.isFlagBE(),
                authenticatorData.isFlagBS(),
                authenticatorData.isFlagUV(),
                attachment,
                name.orElse(AuthenticatorModels.modelName(aaguid).orElse(DEFAULT_NAME)),
                false,
                clock.instant(),
                null);
        IssuedSession replacement = database.transaction(connection -> {
            Optional<PasskeyRecord> existing = passkeys.find(connection, passkey.credentialId(),
                    false);
            if (existing.isPresent()) {
                LOG.info("Rejected passkey registration {} for user {}: credential {} is"
                        + " already registered to user {}", registrationId, userId,
                        BASE64URL.encodeToString(passkey.credentialId()),
                        existing.get().userId());
                // The generic verification failure for another user's credential, so the
                // response does not reveal that the credential id belongs to an account.
                throw existing.get().userId() == userId
                        ? ApiErrors.passkeyAlreadyRegistered()
                        : PasskeyFailures.invalid(422, PasskeyFailures.VERIFICATION_FAILED);
            }
            passkeys.insert(connection, passkey);
            if (session.scope() != SessionScope.ENROLMENT) {
                return null;
            }
            sessions.revoke(connection, session.tokenHash());
            return sessions.issue(connection, userId, SessionScope.FULL);
        });
        LOG.info("Registered passkey {} ({}, {} attestation, AAGUID {}) for user {}",
                BASE64URL.encodeToString(passkey.credentialId()), attachment,
                passkey.attestationFormat(), aaguid, userId);
        return new Registered(PasskeyView.of(passkey), replacement);
    }

    private RegistrationData verify(String registrationId, long userId,
            WebAuthnCeremonyRecord ceremony, CredentialResponses.Registration response) {
        boolean userVerificationRequired =
                UserVerification.REQUIRED.wireName().equals(ceremony.userVerification());
        try {
            return verifier.verifyRegistration(response.attestationObject(),
                    response.clientDataJson(), relyingParty.get(), ceremony.challenge(),
                    userVerificationRequired);
        } catch (WebAuthnException | JacksonException | IllegalArgumentException e) {
            LOG.info("Rejected passkey registration {} for user {}: {}", registrationId, userId,
                    PasskeyFailures.describe(e));
            throw PasskeyFailures.toApiError(e, 422);
        }
    }

    /** Returns the user's WebAuthn user handle, creating it on first use. */
    private byte[] ensureUserHandle(Connection connection, long userId) throws SQLException {
        Optional<byte[]> existing = users.findUserHandle(connection, userId);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] handle = new byte[USER_HANDLE_BYTES];
        random.nextBytes(handle);
        users.setUserHandle(connection, userId, handle);
        return handle;
    }

    static List<OptionsJson.CredentialDescriptor> descriptors(List<PasskeyRecord> passkeys) {
        return passkeys.stream()
                .map(passkey -> new OptionsJson.CredentialDescriptor("public-key",
                        BASE64URL.encodeToString(passkey.credentialId()), passkey.transports()))
                .toList();
    }

    /**
     * Returns the attachment when neither the response nor the request named one. A passkey
     * that the client reports only as "internal" lives in the device, and anything else is
     * taken for a security key.
     */
    private static String guessAttachment(List<String> transports) {
        return transports.equals(List.of("internal")) ? "platform" : "cross-platform";
    }
}
