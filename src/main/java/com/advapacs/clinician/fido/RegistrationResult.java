package com.advapacs.clinician.fido;

/**
 * The raw outputs of authenticatorMakeCredential, as libfido2 returns them.
 *
 * @param format the attestation statement format, such as "packed" or "none"
 * @param authenticatorData the authenticator data bytes (not CBOR-wrapped)
 * @param attestationStatement the attStmt map, already CBOR-encoded
 * @param publicKey the credential public key as libfido2 gives it: x then y for ES256
 */
public record RegistrationResult(String format, byte[] authenticatorData,
        byte[] attestationStatement, byte[] credentialId, byte[] publicKey, byte[] aaguid,
        int flags) {

    /** Authenticator data flag: the user was verified (WebAuthn section 6.1). */
    public static final int FLAG_USER_VERIFIED = 0x04;

    /** CBOR major type 5 (map) with no entries. */
    private static final byte EMPTY_CBOR_MAP = (byte) 0xa0;

    /** Returns the WebAuthn attestationObject: CBOR {fmt, attStmt, authData}. */
    public byte[] attestationObject() {
        return AttestationObject.encode(format, attestationStatement, authenticatorData);
    }

    /**
     * Returns the attestationObject with format "none" and an empty statement, what a
     * WebAuthn client sends when the relying party asked for no attestation (WebAuthn
     * Level 3 section 5.1.3), so that the key's certificate does not identify it. The
     * authenticator data, AAGUID included, is unchanged.
     */
    public byte[] anonymousAttestationObject() {
        return AttestationObject.encode("none", new byte[] {EMPTY_CBOR_MAP}, authenticatorData);
    }

    public boolean userVerified() {
        return (flags & FLAG_USER_VERIFIED) != 0;
    }
}
