package com.advapacs.clinician.fido;

import java.util.Objects;

/**
 * The client data of a ceremony: either the clientDataJSON bytes, which libfido2 hashes
 * ({@code fido_cred_set_clientdata}), or their SHA-256 hash
 * ({@code fido_cred_set_clientdata_hash}). Exactly one is set.
 */
public final class ClientData {

    private final byte[] json;
    private final byte[] hash;

    private ClientData(byte[] json, byte[] hash) {
        this.json = json;
        this.hash = hash;
    }

    public static ClientData ofJson(byte[] clientDataJson) {
        Objects.requireNonNull(clientDataJson, "clientDataJson");
        return new ClientData(clientDataJson.clone(), null);
    }

    public static ClientData ofHash(byte[] clientDataHash) {
        if (clientDataHash == null || clientDataHash.length != 32) {
            throw new IllegalArgumentException("clientDataHash must be 32 bytes of SHA-256");
        }
        return new ClientData(null, clientDataHash.clone());
    }

    /** Returns the JSON, or null when only the hash is known. */
    byte[] json() {
        return json;
    }

    /** Returns the hash, or null when libfido2 is to hash the JSON. */
    byte[] hash() {
        return hash;
    }
}
