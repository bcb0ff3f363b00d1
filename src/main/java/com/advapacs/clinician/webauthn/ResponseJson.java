package com.advapacs.clinician.webauthn;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the WebAuthn Level 3 JSON forms the portal verifies:
 * {@code RegistrationResponseJSON} after a new passkey and
 * {@code AuthenticationResponseJSON} after a sign-in.
 */
public final class ResponseJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResponseJson() {
    }

    /**
     * Builds a {@code RegistrationResponseJSON}.
     *
     * @param attestationObject CBOR map of fmt, attStmt and authData
     * @param residentKey whether the key stored the credential (the credProps extension)
     */
    public static ObjectNode registration(byte[] credentialId, ClientData clientData,
            byte[] attestationObject, byte[] authenticatorData, List<String> transports,
            String attachment, boolean residentKey) {
        ObjectNode response = JSON.createObjectNode();
        response.put("clientDataJSON", Base64Url.encode(clientData.json()));
        response.put("attestationObject", Base64Url.encode(attestationObject));
        response.put("authenticatorData", Base64Url.encode(authenticatorData));
        ArrayNode transportList = response.putArray("transports");
        transports.forEach(transportList::add);

        ObjectNode credential = credential(credentialId, attachment);
        credential.set("response", response);
        credential.putObject("clientExtensionResults").putObject("credProps")
                .put("rk", residentKey);
        return credential;
    }

    /** Builds an {@code AuthenticationResponseJSON}; {@code userHandle} may be null. */
    public static ObjectNode authentication(byte[] credentialId, ClientData clientData,
            byte[] authenticatorData, byte[] signature, byte[] userHandle, String attachment) {
        ObjectNode response = JSON.createObjectNode();
        response.put("clientDataJSON", Base64Url.encode(clientData.json()));
        response.put("authenticatorData", Base64Url.encode(authenticatorData));
        response.put("signature", Base64Url.encode(signature));
        if (userHandle != null && userHandle.length > 0) {
            response.put("userHandle", Base64Url.encode(userHandle));
        }
        ObjectNode credential = credential(credentialId, attachment);
        credential.set("response", response);
        credential.putObject("clientExtensionResults");
        return credential;
    }

    private static ObjectNode credential(byte[] credentialId, String attachment) {
        ObjectNode credential = JSON.createObjectNode();
        String id = Base64Url.encode(credentialId);
        credential.put("id", id);
        credential.put("rawId", id);
        credential.put("type", "public-key");
        credential.put("authenticatorAttachment", attachment);
        return credential;
    }
}
