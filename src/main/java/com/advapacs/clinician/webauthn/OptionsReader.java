package com.advapacs.clinician.webauthn;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads fields of the portal's WebAuthn options, rejecting missing or mistyped ones. */
final class OptionsReader {

    private OptionsReader() {
    }

    static String text(JsonNode node, String field) throws WebAuthnException {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isEmpty()) {
            throw invalid("the field " + field + " is missing");
        }
        return value.asString();
    }

    static String optionalText(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : fallback;
    }

    static byte[] binary(JsonNode node, String field) throws WebAuthnException {
        String text = text(node, field);
        try {
            return Base64Url.decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid("the field " + field + " is not base64url");
        }
    }

    static List<CredentialDescriptor> descriptors(JsonNode node, String field)
            throws WebAuthnException {
        JsonNode array = node.get(field);
        List<CredentialDescriptor> descriptors = new ArrayList<>();
        if (array == null || array.isNull()) {
            return descriptors;
        }
        if (!array.isArray()) {
            throw invalid("the field " + field + " is not a list");
        }
        for (JsonNode element : array) {
            List<String> transports = new ArrayList<>();
            element.path("transports").forEach(transport -> transports.add(transport.asString()));
            descriptors.add(new CredentialDescriptor(binary(element, "id"), transports));
        }
        return descriptors;
    }

    static WebAuthnException invalid(String detail) {
        return new WebAuthnException(WebAuthnException.Reason.INVALID_OPTIONS,
                "The portal sent passkey settings the app cannot use (" + detail
                        + "). Try again; if it keeps happening, contact IT.");
    }
}
