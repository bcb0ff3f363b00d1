package com.advapacs.clinician.fido;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The WebAuthn inputs of authenticatorMakeCredential for one ES256 credential. Build it
 * with {@link #builder(String, ClientData, byte[], String)}.
 */
public final class RegistrationRequest {

    /** credProtect levels (CTAP 2.1 section 12.1); 0 leaves the extension out. */
    public static final int CRED_PROTECT_NONE = 0;
    public static final int CRED_PROTECT_UV_OPTIONAL = 1;
    public static final int CRED_PROTECT_UV_OPTIONAL_WITH_ID = 2;
    public static final int CRED_PROTECT_UV_REQUIRED = 3;

    final String rpId;
    final String rpName;
    final ClientData clientData;
    final byte[] userId;
    final String userName;
    final String userDisplayName;
    final List<byte[]> excludeCredentialIds;
    final boolean residentKey;
    final UserVerificationRequirement userVerification;
    final int credProtect;

    private RegistrationRequest(Builder builder) {
        this.rpId = builder.rpId;
        this.rpName = builder.rpName;
        this.clientData = builder.clientData;
        this.userId = builder.userId.clone();
        this.userName = builder.userName;
        this.userDisplayName = builder.userDisplayName;
        this.excludeCredentialIds = List.copyOf(builder.excludeCredentialIds);
        this.residentKey = builder.residentKey;
        this.userVerification = builder.userVerification;
        this.credProtect = builder.credProtect;
    }

    /**
     * Starts a request.
     *
     * @param rpId the relying party ID, a domain (the caller has checked it)
     * @param userId the user handle, 1 to 64 bytes
     */
    public static Builder builder(String rpId, ClientData clientData, byte[] userId,
            String userName) {
        return new Builder(rpId, clientData, userId, userName);
    }

    /** Builder of {@link RegistrationRequest}. */
    public static final class Builder {
        private final String rpId;
        private final ClientData clientData;
        private final byte[] userId;
        private final String userName;
        private String rpName;
        private String userDisplayName;
        private final List<byte[]> excludeCredentialIds = new ArrayList<>();
        private boolean residentKey;
        private UserVerificationRequirement userVerification =
                UserVerificationRequirement.PREFERRED;
        private int credProtect = CRED_PROTECT_NONE;

        private Builder(String rpId, ClientData clientData, byte[] userId, String userName) {
            this.rpId = Objects.requireNonNull(rpId, "rpId");
            this.clientData = Objects.requireNonNull(clientData, "clientData");
            if (userId == null || userId.length < 1 || userId.length > 64) {
                throw new IllegalArgumentException("user id must be 1 to 64 bytes");
            }
            this.userId = userId.clone();
            this.userName = Objects.requireNonNull(userName, "userName");
        }

        public Builder rpName(String value) {
            rpName = value;
            return this;
        }

        public Builder userDisplayName(String value) {
            userDisplayName = value;
            return this;
        }

        /** Adds a credential ID the key must not already hold (excludeCredentials). */
        public Builder exclude(byte[] credentialId) {
            excludeCredentialIds.add(credentialId.clone());
            return this;
        }

        /** Asks for a discoverable credential (residentKey required). */
        public Builder residentKey(boolean value) {
            residentKey = value;
            return this;
        }

        public Builder userVerification(UserVerificationRequirement value) {
            userVerification = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the credProtect level, one of the {@code CRED_PROTECT_*} constants. */
        public Builder credProtect(int level) {
            if (level < CRED_PROTECT_NONE || level > CRED_PROTECT_UV_REQUIRED) {
                throw new IllegalArgumentException("credProtect level " + level);
            }
            credProtect = level;
            return this;
        }

        public RegistrationRequest build() {
            return new RegistrationRequest(this);
        }
    }
}
