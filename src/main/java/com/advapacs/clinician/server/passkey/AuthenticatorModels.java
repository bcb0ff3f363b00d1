package com.advapacs.clinician.server.passkey;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Authenticator model names for well-known AAGUIDs, as their makers publish them in the FIDO
 * Metadata Service. An all-zero AAGUID means the model is unknown.
 */
public final class AuthenticatorModels {
    public static final UUID UNKNOWN = new UUID(0, 0);

    private static final Map<UUID, String> MODELS = Map.of(
            UUID.fromString("2fc0579f-8113-47ea-b116-bb5a8db9202a"), "YubiKey 5 NFC",
            UUID.fromString("ee882879-721c-4913-9775-3dfcce97072a"),
            "YubiKey 5 Series (USB-A/C)",
            UUID.fromString("c5ef55ff-ad9a-4b9f-b580-adebafe026d0"), "YubiKey 5Ci",
            UUID.fromString("b92c3f9a-c014-4056-887f-140a2501163b"), "Security Key by Yubico",
            UUID.fromString("149a2021-8ef6-4133-96b8-81f8d5b7f1f5"),
            "Security Key NFC by Yubico",
            UUID.fromString("08987058-cadc-4b81-b6e1-30de50dcbe96"), "Windows Hello",
            UUID.fromString("42b4fb4a-2866-43b2-9bf7-6c6669c2e5d3"), "Google Titan Security Key",
            UUID.fromString("833b721a-ff5f-4d00-bb2e-bdda3ec01e29"), "Feitian ePass FIDO2",
            UUID.fromString("8876631b-d4a0-427f-5773-0ec71c9e0279"), "SoloKeys Solo 2",
            UUID.fromString("ab32f0c6-2239-afbb-c470-d2ef4e254db7"), "Token2 T2F2");

    private AuthenticatorModels() {
    }

    /** Returns the model name for {@code aaguid}, or empty when it is unknown or all zeros. */
    public static Optional<String> modelName(UUID aaguid) {
        return Optional.ofNullable(MODELS.get(aaguid));
    }
}
