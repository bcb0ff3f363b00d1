package com.advapacs.clinician.server.passkey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Response bodies in the WebAuthn Level 3 JSON forms: {@code
 * PublicKeyCredentialCreationOptionsJSON} and {@code PublicKeyCredentialRequestOptionsJSON}.
 * Binary values are base64url without padding.
 */
public final class OptionsJson {
    /** Time the client may spend on a ceremony, in milliseconds. */
    public static final long TIMEOUT_MILLIS = 120_000;

    private OptionsJson() {
    }

    /** Body of a started registration. */
    public record RegistrationStarted(String registrationId, CreationOptions publicKey) {
    }

    /** Body of started sign-in options. */
    public record AssertionStarted(String assertionId, RequestOptions publicKey) {
    }

    public record CreationOptions(
            RelyingPartyEntity rp,
            UserEntity user,
            String challenge,
            List<CredentialParameters> pubKeyCredParams,
            long timeout,
            List<CredentialDescriptor> excludeCredentials,
            AuthenticatorSelection authenticatorSelection,
            String attestation,
            Map<String, Object> extensions) {
    }

    public record RequestOptions(
            String challenge,
            long timeout,
            String rpId,
            List<CredentialDescriptor> allowCredentials,
            String userVerification) {
    }

    public record RelyingPartyEntity(String id, String name) {
    }

    /** @param id user handle, base64url */
    public record UserEntity(String id, String name, String displayName) {
    }

    public record CredentialParameters(String type, long alg) {
    }

    /** @param id credential id, base64url */
    public record CredentialDescriptor(String type, String id, List<String> transports) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuthenticatorSelection(
            String residentKey,
            boolean requireResidentKey,
            String userVerification,
            String authenticatorAttachment) {
    }
}
