package com.advapacs.clinician.server.passkey;

import com.advapacs.clinician.server.http.ApiErrors;
import com.advapacs.clinician.server.http.RequestFields;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the WebAuthn Level 3 JSON forms {@code RegistrationResponseJSON} and
 * {@code AuthenticationResponseJSON} from a request, with 400 errors that name the field.
 * Extension results are not used and not read.
 */
public final class CredentialResponses {
    /** WebAuthn Level 3 section 4: a credential id has at most 1023 bytes. */
    public static final int MAX_CREDENTIAL_ID_BYTES = 1023;
    public static final int MAX_USER_HANDLE_BYTES = 64;
    public static final Set<String> ATTACHMENTS = Set.of("platform", "cross-platform");

    private static final int MAX_CLIENT_DATA_BYTES = 8 * 1024;
    private static final int MAX_BINARY_BYTES = 48 * 1024;
    private static final int MAX_TRANSPORTS = 8;
    private static final int MAX_TRANSPORT_LENGTH = 32;
    private static final Pattern TRANSPORT = Pattern.compile("[a-z0-9-]+");

    private CredentialResponses() {
    }

    /** A {@code RegistrationResponseJSON}, decoded. */
    public record Registration(
            byte[] credentialId,
            byte[] clientDataJson,
            byte[] attestationObject,
            List<String> transports,
            Optional<String> attachment) {
    }

    /** An {@code AuthenticationResponseJSON}, decoded; {@code userHandle} may be null. */
    public record Assertion(
            byte[] credentialId,
            byte[] clientDataJson,
            byte[] authenticatorData,
            byte[] signature,
            byte[] userHandle) {
    }

    public static Registration registration(RequestFields credential) {
        byte[] id = credentialId(credential);
        RequestFields response = credential.object("response");
        byte[] clientData = response.base64Url("clientDataJSON", MAX_CLIENT_DATA_BYTES);
        byte[] attestationObject = response.base64Url("attestationObject", MAX_BINARY_BYTES);
        List<String> transports =
                response.optionalStringList("transports", MAX_TRANSPORTS, MAX_TRANSPORT_LENGTH);
        for (String transport : transports) {
            if (!TRANSPORT.matcher(transport).matches()) {
                throw ApiErrors.invalidField("credential.response.transports",
                        "Each transport must be lower-case letters, digits and '-', such as"
                                + " \"usb\" or \"nfc\".");
            }
        }
        Optional<String> attachment =
                credential.optionalChoice("authenticatorAttachment", ATTACHMENTS);
        return new Registration(id, clientData, attestationObject,
                transports.stream().distinct().toList(), attachment);
    }

    public static Assertion assertion(RequestFields credential) {
        byte[] id = credentialId(credential);
        RequestFields response = credential.object("response");
        byte[] clientData = response.base64Url("clientDataJSON", MAX_CLIENT_DATA_BYTES);
        byte[] authenticatorData = response.base64Url("authenticatorData", MAX_BINARY_BYTES);
        byte[] signature = response.base64Url("signature", MAX_BINARY_BYTES);
        // Some clients send "" instead of leaving out the user handle of a non-discoverable key.
        boolean hasUserHandle = response.optionalString("userHandle")
                .filter(value -> !value.isEmpty()).isPresent();
        byte[] userHandle = hasUserHandle
                ? response.base64Url("userHandle", MAX_USER_HANDLE_BYTES) : null;
        credential.optionalChoice("authenticatorAttachment", ATTACHMENTS);
        return new Assertion(id, clientData, authenticatorData, signature, userHandle);
    }

    private static byte[] credentialId(RequestFields credential) {
        byte[] id = credential.base64Url("id", MAX_CREDENTIAL_ID_BYTES);
        byte[] rawId = credential.base64Url("rawId", MAX_CREDENTIAL_ID_BYTES);
        if (!Arrays.equals(id, rawId)) {
            throw ApiErrors.invalidField("credential.rawId",
                    "The fields \"credential.id\" and \"credential.rawId\" must encode the same"
                            + " bytes.");
        }
        String type = credential.string("type");
        if (!type.equals("public-key")) {
            throw ApiErrors.invalidField("credential.type",
                    "The field \"credential.type\" must be \"public-key\".");
        }
        return id;
    }
}
