package com.advapacs.clinician.server.passkey;

import com.advapacs.clinician.server.http.Timestamps;
import com.advapacs.clinician.server.store.PasskeyRecord;
import java.util.Base64;
import java.util.List;

/**
 * The {@code Passkey} object of the API.
 *
 * @param id credential id, base64url without padding
 * @param model authenticator model from the AAGUID, or null when unknown
 * @param aaguid AAGUID as a UUID string, or null when the authenticator sent all zeros
 * @param signCountWarning true once a signature counter did not increase, which can mean the
 *     key was cloned
 */
public record PasskeyView(
        String id,
        String name,
        String model,
        String aaguid,
        String attachment,
        List<String> transports,
        boolean backupEligible,
        boolean backedUp,
        String createdAt,
        String lastUsedAt,
        boolean signCountWarning) {

    public static PasskeyView of(PasskeyRecord passkey) {
        boolean known = !passkey.aaguid().equals(AuthenticatorModels.UNKNOWN);
        return new PasskeyView(
                Base64.getUrlEncoder().withoutPadding().encodeToString(passkey.credentialId()),
                passkey.name(),
                AuthenticatorModels.modelName(passkey.aaguid()).orElse(null),
                known ? passkey.aaguid().toString() : null,
                passkey.attachment(),
                passkey.transports(),
                passkey.backupEligible(),
                passkey.backedUp(),
                Timestamps.format(passkey.createdAt()),
                Timestamps.format(passkey.lastUsedAt()),
                passkey.signCountWarning());
    }
}
