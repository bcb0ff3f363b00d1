package com.advapacs.clinician.fido;

/**
 * One assertion from authenticatorGetAssertion.
 *
 * @param authenticatorData raw authenticator data, already unwrapped from libfido2's CBOR
 * @param signature the DER ECDSA signature over authenticatorData || clientDataHash
 * @param userHandle the user ID for a discoverable credential, empty otherwise
 * @param userName null unless the key returned it (CTAP 2.1 returns names only after user
 *     verification)
 */
public record AssertionResult(byte[] credentialId, byte[] authenticatorData,
        byte[] signature, byte[] userHandle, String userName, String userDisplayName,
        int flags, long signCount) {
}
