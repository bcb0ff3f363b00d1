package com.advapacs.clinician.webauthn;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The portal's requirements for a new passkey: a {@code PublicKeyCredentialCreationOptionsJSON}
 * (WebAuthn Level 3, section 5.1.3 and its JSON form), read and checked.
 *
 * @param rpId the RP ID after {@link RelyingPartyCheck}
 * @param algorithms COSE algorithm identifiers in the portal's order of preference
 * @param residentKey {@code required}, {@code preferred} or {@code discouraged}
 * @param userVerification {@code required}, {@code preferred} or {@code discouraged}
 */
public record CreationOptions(
        String rpId,
        String rpName,
        byte[] userId,
        String userName,
        String userDisplayName,
        String challenge,
        List<Integer> algorithms,
        long timeoutMillis,
        List<CredentialDescriptor> excludeCredentials,
        String residentKey,
        String userVerification,
        String attestation) {

    /** COSE ES256 (ECDSA P-256 with SHA-256), which every FIDO2 security key supports. */
    public static final int ES256 = -7;

    private static final long DEFAULT_TIMEOUT_MILLIS = 120_000;

    /** Reads {@code publicKey} and checks its RP ID against the portal's address. */
    public static CreationOptions parse(JsonNode publicKey,
            com.advapacs.clinician.portal.PortalAddress portal) throws WebAuthnException {
        JsonNode rp = publicKey.path("rp");
        JsonNode user = publicKey.path("user");
        String rpId = RelyingPartyCheck.validate(OptionsReader.optionalText(rp, "id", null),
                portal);
        byte[] userId = OptionsReader.binary(user, "id");
        if (userId.length == 0 || userId.length > 64) {
            throw OptionsReader.invalid("the user handle has " + userId.length
                    + " bytes, not 1 to 64");
        }
        List<Integer> algorithms = new ArrayList<>();
        for (JsonNode parameter : publicKey.path("pubKeyCredParams")) {
            if ("public-key".equals(parameter.path("type").asString(""))
                    && parameter.path("alg").isInt()) {
                algorithms.add(parameter.get("alg").asInt());
            }
        }
        if (!algorithms.contains(ES256)) {
            throw new WebAuthnException(WebAuthnException.Reason.UNSUPPORTED_ALGORITHM,
                    "The portal does not accept the ES256 signatures that security keys make "
                            + "(it offered " + algorithms + "). Contact IT.");
        }
        JsonNode selection = publicKey.path("authenticatorSelection");
        String residentKey = OptionsReader.optionalText(selection, "residentKey",
                selection.path("requireResidentKey").asBoolean(false) ? "required"
                        : "discouraged");
        return new CreationOptions(
                rpId,
                OptionsReader.optionalText(rp, "name", rpId),
                userId,
                OptionsReader.text(user, "name"),
                OptionsReader.optionalText(user, "displayName", ""),
                OptionsReader.text(publicKey, "challenge"),
                List.copyOf(algorithms),
                publicKey.path("timeout").asLong(DEFAULT_TIMEOUT_MILLIS),
                OptionsReader.descriptors(publicKey, "excludeCredentials"),
                residentKey,
                OptionsReader.optionalText(selection, "userVerification", "preferred"),
                OptionsReader.optionalText(publicKey, "attestation", "none"));
    }

    /** True when the key must keep the credential (a discoverable credential). */
    public boolean residentKeyRequired() {
        return "required".equals(residentKey);
    }

    /** True when the key should keep the credential if it can. */
    public boolean residentKeyPreferred() {
        return "required".equals(residentKey) || "preferred".equals(residentKey);
    }

    public boolean userVerificationRequired() {
        return "required".equals(userVerification);
    }

    @Override
    public byte[] userId() {
        return userId.clone();
    }
}
