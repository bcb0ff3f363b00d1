package com.advapacs.clinician.server.passkey;

/**
 * Relying party settings in force, with the defaults filled in from the listening port.
 *
 * @param id RP ID whose SHA-256 hash authenticator data must carry
 * @param name name shown by the client and some authenticators
 * @param origin the only {@code clientDataJSON.origin} accepted
 */
public record RelyingParty(
        String id,
        String name,
        String origin,
        UserVerification userVerification,
        AttestationPreference attestation) {

    public static final String NAME = "AdvaPACS";
}
