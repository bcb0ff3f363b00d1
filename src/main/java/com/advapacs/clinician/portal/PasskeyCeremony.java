package com.advapacs.clinician.portal;

import tools.jackson.databind.JsonNode;

/**
 * A passkey ceremony the portal has started: its id and the WebAuthn options
 * ({@code publicKey}) to hand to the authenticator.
 */
public record PasskeyCeremony(String id, JsonNode publicKey) {

    @Override
    public String toString() {
        return "PasskeyCeremony[id=" + id + "]";
    }
}
