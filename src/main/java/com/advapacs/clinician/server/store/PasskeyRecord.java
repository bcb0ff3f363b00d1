package com.advapacs.clinician.server.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Registered passkey row: a WebAuthn credential record (WebAuthn Level 3, section 4).
 *
 * @param publicKey credential public key as a COSE_Key (RFC 9052), CBOR encoded
 * @param signCount highest signature counter seen; 0 for authenticators without a counter
 * @param aaguid authenticator model id; all zeros when unknown
 * @param transports the client's {@code response.transports}, in the order given
 * @param attachment {@code platform} or {@code cross-platform}
 * @param signCountWarning set once a signature counter did not increase, a sign of a cloned
 *     authenticator; the passkey still works
 * @param lastUsedAt last successful sign-in with it, or null
 */
public record PasskeyRecord(
        byte[] credentialId,
        long userId,
        byte[] publicKey,
        long signCount,
        UUID aaguid,
        String attestationFormat,
        List<String> transports,
        boolean backupEligible,
        boolean backedUp,
        boolean uvInitialized,
        String attachment,
        String name,
        boolean signCountWarning,
        Instant createdAt,
        Instant lastUsedAt) {

    public PasskeyRecord {
        credentialId = credentialId.clone();
        publicKey = publicKey.clone();
        transports = List.copyOf(transports);
    }

    @Override
    public byte[] credentialId() {
        return credentialId.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }
}
