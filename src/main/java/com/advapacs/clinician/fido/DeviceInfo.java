package com.advapacs.clinician.fido;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Description of an opened key: the device entry, the CTAPHID capability and, for FIDO2
 * keys, the authenticatorGetInfo fields (CTAP 2.1 section 6.4).
 *
 * @param fido2 false for a U2F-only key, which cannot hold passkeys
 * @param options getInfo options by name (rk, up, uv, clientPin, alwaysUv, credMgmt, ...)
 * @param aaguid the model identifier, empty for U2F-only keys
 * @param firmwareVersion getInfo firmwareVersion, 0 when the key does not report one
 * @param minPinLength the key's minimum PIN length in code points (4 when not reported)
 * @param remainingDiscoverableCredentials -1 when the key does not report it
 */
public record DeviceInfo(DeviceEntry entry, boolean fido2, List<String> versions,
        List<String> extensions, List<String> transports, Map<String, Boolean> options,
        Optional<UUID> aaguid, long firmwareVersion, int minPinLength,
        List<Integer> pinUvAuthProtocols, long maxCredentialCountInList,
        long remainingDiscoverableCredentials) {

    /** The CTAP minimum PIN length, used when a key reports none (CTAP 2.1 section 6.5.1). */
    public static final int DEFAULT_MIN_PIN_LENGTH = 4;

    public DeviceInfo {
        versions = List.copyOf(versions);
        extensions = List.copyOf(extensions);
        transports = List.copyOf(transports);
        options = Map.copyOf(options);
        pinUvAuthProtocols = List.copyOf(pinUvAuthProtocols);
    }

    /** Returns whether the key has a PIN set (option clientPin is true). */
    public boolean pinSet() {
        return option("clientPin");
    }

    /** Returns whether the key can have a PIN (option clientPin is present). */
    public boolean supportsPin() {
        return options.containsKey("clientPin");
    }

    /** Returns whether the key can store discoverable credentials (option rk). */
    public boolean residentKeys() {
        return option("rk");
    }

    /** Returns whether built-in user verification, such as a fingerprint, is set up. */
    public boolean builtInUserVerification() {
        return option("uv");
    }

    /** Returns whether every credential operation needs user verification (alwaysUv). */
    public boolean alwaysUserVerification() {
        return option("alwaysUv");
    }

    public boolean credentialManagement() {
        return option("credMgmt") || option("credentialMgmtPreview");
    }

    public String product() {
        return entry.product();
    }

    public String manufacturer() {
        return entry.manufacturer();
    }

    public String path() {
        return entry.path();
    }

    public Transport transport() {
        return entry.transport();
    }

    private boolean option(String name) {
        return Boolean.TRUE.equals(options.get(name));
    }
}
