package com.advapacs.clinician.portal;

import java.time.Instant;
import java.util.List;

/**
 * A passkey registered to the account, as the portal lists it.
 *
 * @param id the credential id, base64url
 * @param model the authenticator model from its AAGUID, or null when unknown
 * @param attachment {@code cross-platform} for a security key, {@code platform} for the
 *     computer's own authenticator
 * @param signCountWarning true when the portal saw the key's signature counter go back,
 *     which can mean the key was cloned
 */
public record Passkey(
        String id,
        String name,
        String model,
        String aaguid,
        String attachment,
        List<String> transports,
        Instant createdAt,
        Instant lastUsedAt,
        boolean signCountWarning) {

    public boolean platform() {
        return "platform".equals(attachment);
    }
}
