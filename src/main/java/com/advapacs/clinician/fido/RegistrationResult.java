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

    /** Returns the WebAuthn attestationObject: CBOR {fmt, attStmt, authData}. */
    public byte[] attestationObject() {
        return AttestationObject.encode(format, attestationStatement, authenticatorData);
    }

    public boolean userVerified() {
        return (flags & FLAG_USER_VERIFIED) != 0;
    }
}
