package com.advapacs.clinician.fido.virtual;

import java.security.KeyPair;

/** One credential a virtual key created, with its private key and signature counter. */
final class StoredCredential {

    final byte[] id;
    final String rpId;
    final byte[] userId;
    final String userName;
    final String userDisplayName;
    final KeyPair keyPair;
    final boolean discoverable;
    /** credProtect level 1 to 3 (CTAP 2.1 section 12.1). */
    final int credProtect;
    final long sequence;
    int signCount;

    StoredCredential(byte[] id, String rpId, byte[] userId, String userName,
            String userDisplayName, KeyPair keyPair, boolean discoverable, int credProtect,
            long sequence) {
        this.id = id.clone();
        this.rpId = rpId;
        this.userId = userId.clone();
        this.userName = userName;
        this.userDisplayName = userDisplayName;
        this.keyPair = keyPair;
        this.discoverable = discoverable;
        this.credProtect = credProtect;
        this.sequence = sequence;
    }
}
