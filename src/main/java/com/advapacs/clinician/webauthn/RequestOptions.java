package com.advapacs.clinician.webauthn;

import com.advapacs.clinician.portal.PortalAddress;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The portal's request for a sign-in with a passkey: a
 * {@code PublicKeyCredentialRequestOptionsJSON} (WebAuthn Level 3, section 5.1.4), read and
 * checked. An empty allow list means any discoverable credential of the RP (passwordless).
 */
public record RequestOptions(
        String rpId,
        String challenge,
        long timeoutMillis,
        List<CredentialDescriptor> allowCredentials,
        String userVerification) {

    private static final long DEFAULT_TIMEOUT_MILLIS = 120_000;

    /** Reads {@code publicKey} and checks its RP ID against the portal's address. */
    public static RequestOptions parse(JsonNode publicKey, PortalAddress portal)
            throws WebAuthnException {
        String rpId = RelyingPartyCheck.validate(
                OptionsReader.optionalText(publicKey, "rpId", null), portal);
        return new RequestOptions(
                rpId,
                OptionsReader.text(publicKey, "challenge"),
                publicKey.path("timeout").asLong(DEFAULT_TIMEOUT_MILLIS),
                OptionsReader.descriptors(publicKey, "allowCredentials"),
                OptionsReader.optionalText(publicKey, "userVerification", "preferred"));
    }

    public boolean discoverable() {
        return allowCredentials.isEmpty();
    }

    public boolean userVerificationRequired() {
        return "required".equals(userVerification);
    }
}
