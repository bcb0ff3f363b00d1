package com.advapacs.clinician.fido.virtual;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The credentials of one virtual key. Non-discoverable credentials are kept here too
 * instead of being wrapped into their IDs, which a real key would do.
 */
final class CredentialStore {

    private final Map<String, StoredCredential> byId = new LinkedHashMap<>();
    private long nextSequence;

    StoredCredential find(byte[] id) {
        return byId.get(key(id));
    }

    long nextSequence() {
        return nextSequence++;
    }

    /**
     * Adds a credential. A discoverable one replaces any discoverable credential for the
     * same RP and user ID (CTAP 2.1 section 6.1.2).
     */
    void add(StoredCredential credential) {
        if (credential.discoverable) {
            byId.values().removeIf(existing -> existing.discoverable
                    && existing.rpId.equals(credential.rpId)
                    && Arrays.equals(existing.userId, credential.userId));
        }
        byId.put(key(credential.id), credential);
    }

    /** Returns the discoverable credentials for {@code rpId}, newest first. */
    List<StoredCredential> discoverable(String rpId) {
        List<StoredCredential> result = new ArrayList<>();
        for (StoredCredential credential : byId.values()) {
            if (credential.discoverable && credential.rpId.equals(rpId)) {
                result.add(credential);
            }
        }
        result.sort(Comparator.comparingLong((StoredCredential c) -> c.sequence).reversed());
        return result;
    }

    int discoverableCount() {
        return (int) byId.values().stream().filter(c -> c.discoverable).count();
    }

    int size() {
        return byId.size();
    }

    void clear() {
        byId.clear();
    }

    private static String key(byte[] id) {
        return Base64.getEncoder().encodeToString(id);
    }
}
