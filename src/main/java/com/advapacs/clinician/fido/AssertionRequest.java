package com.advapacs.clinician.fido;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The WebAuthn inputs of authenticatorGetAssertion. An empty allow list requests the
 * key's discoverable credentials for the RP (passwordless sign-in).
 */
public final class AssertionRequest {

    final String rpId;
    final ClientData clientData;
    final List<byte[]> allowCredentialIds;
    final UserVerificationRequirement userVerification;
    final boolean userPresence;

    private AssertionRequest(Builder builder) {
        this.rpId = builder.rpId;
        this.clientData = builder.clientData;
        this.allowCredentialIds = List.copyOf(builder.allowCredentialIds);
        this.userVerification = builder.userVerification;
        this.userPresence = builder.userPresence;
    }

    public static Builder builder(String rpId, ClientData clientData) {
        return new Builder(rpId, clientData);
    }

    /** Builder of {@link AssertionRequest}. */
    public static final class Builder {
        private final String rpId;
        private final ClientData clientData;
        private final List<byte[]> allowCredentialIds = new ArrayList<>();
        private UserVerificationRequirement userVerification =
                UserVerificationRequirement.PREFERRED;
        private boolean userPresence = true;

        private Builder(String rpId, ClientData clientData) {
            this.rpId = Objects.requireNonNull(rpId, "rpId");
            this.clientData = Objects.requireNonNull(clientData, "clientData");
        }

        /** Adds a credential ID from allowCredentials. */
        public Builder allow(byte[] credentialId) {
            allowCredentialIds.add(credentialId.clone());
            return this;
        }

        public Builder userVerification(UserVerificationRequirement value) {
            userVerification = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the "up" option, true by default because WebAuthn always requests presence. */
        public Builder userPresence(boolean value) {
            userPresence = value;
            return this;
        }

        public AssertionRequest build() {
            return new AssertionRequest(this);
        }
    }
}
