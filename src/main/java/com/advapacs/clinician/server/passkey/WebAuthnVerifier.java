package com.advapacs.clinician.server.passkey;

import com.advapacs.clinician.server.store.PasskeyRecord;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecord;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.CertificateBaseAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.attestation.statement.none.NoneAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.packed.PackedAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.CertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.self.DefaultSelfAttestationTrustworthinessVerifier;
import com.webauthn4j.verifier.exception.VerificationException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * WebAuthn verification with webauthn4j 0.32: registration responses with "none" or "packed"
 * attestation, and assertions against a stored passkey.
 *
 * <p>Signature counters are compared by the caller, which flags a counter that did not increase
 * instead of rejecting the assertion, so webauthn4j's own counter check is switched off.
 */
public final class WebAuthnVerifier {
    /** ES256, EdDSA and RS256, in the portal's order of preference. */
    public static final List<Long> ALGORITHMS = List.of(-7L, -8L, -257L);

    private static final List<PublicKeyCredentialParameters> CREDENTIAL_PARAMETERS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY,
                    COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY,
                    COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY,
                    COSEAlgorithmIdentifier.RS256));

    /** Length of the AAGUID and of the credential id length in attested credential data. */
    private static final int ATTESTED_DATA_HEADER_BYTES = 16 + 2;

    private final WebAuthnManager manager;
    private final AttestedCredentialDataConverter attestedDataConverter;

    public WebAuthnVerifier(AttestationPreference attestation) {
        ObjectConverter converter = new ObjectConverter();
        manager = new WebAuthnManager(
                List.of(new NoneAttestationStatementVerifier(),
                        new PackedAttestationStatementVerifier()),
                new UncheckedCertificatePath(attestation),
                new DefaultSelfAttestationTrustworthinessVerifier(true),
                converter);
        manager.getAuthenticationDataVerifier()
                .setMaliciousCounterValueHandler(authenticationObject -> {
                    // Compared and flagged by the caller, which accepts the assertion.
                });
        attestedDataConverter = new AttestedCredentialDataConverter(converter);
    }

    /**
     * Parses and verifies a registration response against the challenge issued for it.
     *
     * @throws com.webauthn4j.util.exception.WebAuthnException when the response cannot be read
     *     or fails a check, which {@link PasskeyFailures} turns into an API error
     */
    public RegistrationData verifyRegistration(byte[] attestationObject, byte[] clientDataJson,
            RelyingParty relyingParty, byte[] challenge, boolean userVerificationRequired) {
        RegistrationRequest request = new RegistrationRequest(attestationObject, clientDataJson);
        RegistrationData data = manager.parse(request);
        RegistrationParameters parameters = new RegistrationParameters(
                serverProperty(relyingParty, challenge), CREDENTIAL_PARAMETERS,
                userVerificationRequired, true);
        return manager.verify(data, parameters);
    }

    /**
     * Parses and verifies an assertion made with {@code passkey}.
     *
     * @param allowCredentials credential ids the options allowed, or null when any was allowed
     * @throws com.webauthn4j.util.exception.WebAuthnException when the response cannot be read
     *     or fails a check
     */
    public AuthenticationData verifyAssertion(byte[] credentialId, byte[] userHandle,
            byte[] authenticatorData, byte[] clientDataJson, byte[] signature,
            RelyingParty relyingParty, byte[] challenge, boolean userVerificationRequired,
            PasskeyRecord passkey, List<byte[]> allowCredentials) {
        AuthenticationRequest request = new AuthenticationRequest(credentialId, userHandle,
                authenticatorData, clientDataJson, signature);
        AuthenticationData data = manager.parse(request);
        AuthenticationParameters parameters = new AuthenticationParameters(
                serverProperty(relyingParty, challenge), credentialRecord(passkey),
                allowCredentials, userVerificationRequired, true);
        return manager.verify(data, parameters);
    }

    /** Returns the credential public key as stored: the COSE_Key bytes alone. */
    public byte[] publicKeyBytes(AttestedCredentialData attestedCredentialData) {
        byte[] encoded = attestedDataConverter.convert(attestedCredentialData);
        int start = ATTESTED_DATA_HEADER_BYTES + attestedCredentialData.getCredentialId().length;
        return Arrays.copyOfRange(encoded, start, encoded.length);
    }

    private CredentialRecord credentialRecord(PasskeyRecord passkey) {
        byte[] credentialId = passkey.credentialId();
        byte[] publicKey = passkey.publicKey();
        // Rebuilds attested credential data (AAGUID, id length, id, key) to reuse its parser.
        ByteBuffer encoded = ByteBuffer.allocate(
                ATTESTED_DATA_HEADER_BYTES + credentialId.length + publicKey.length);
        encoded.put(new byte[16]);
        encoded.putShort((short) credentialId.length);
        encoded.put(credentialId);
        encoded.put(publicKey);
        AttestedCredentialData attested = attestedDataConverter.convert(encoded.array());
        return new CredentialRecordImpl(null, passkey.uvInitialized(), passkey.backupEligible(),
                passkey.backedUp(), passkey.signCount(), attested, null, null, null, null);
    }

    private static ServerProperty serverProperty(RelyingParty relyingParty, byte[] challenge) {
        return ServerProperty.builder()
                .origin(new Origin(relyingParty.origin()))
                .rpId(relyingParty.id())
                .challenge(new DefaultChallenge(challenge))
                .build();
    }

    /**
     * Accepts an attestation certificate chain without looking for a trust anchor when the
     * portal asked for direct attestation, and rejects it otherwise.
     */
    private record UncheckedCertificatePath(AttestationPreference attestation)
            implements CertPathTrustworthinessVerifier {
        @Override
        public void verify(com.webauthn4j.data.attestation.authenticator.AAGUID aaguid,
                CertificateBaseAttestationStatement statement, Instant timestamp) {
            if (attestation != AttestationPreference.DIRECT) {
                throw new AttestationNotRequestedException();
            }
        }
    }

    /** A certificate chain (x5c) arrived although the portal asked for no attestation. */
    public static final class AttestationNotRequestedException extends VerificationException {
        AttestationNotRequestedException() {
            super("attestation certificate chain sent, but attestation \"none\" was requested");
        }
    }
}
