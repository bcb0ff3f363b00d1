package com.advapacs.clinician.fido.virtual;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * authenticatorGetAssertion (0x02) and authenticatorGetNextAssertion (0x08), CTAP 2.1
 * sections 6.2.2 and 6.3: allowList or discoverable credentials, credProtect, signature
 * counters, and numberOfCredentials for several discoverable accounts.
 */
final class GetAssertionCommand {

    private final CredentialStore store;
    private final UserVerification verification;
    private final UserPresence presence;

    /** Credentials still to be returned by authenticatorGetNextAssertion. */
    private final Deque<StoredCredential> remaining = new ArrayDeque<>();
    private byte[] pendingClientDataHash;
    private String pendingRpId;
    private int pendingFlags;

    GetAssertionCommand(CredentialStore store, UserVerification verification,
            UserPresence presence) {
        this.store = store;
        this.verification = verification;
        this.presence = presence;
    }

    /** Forgets a pending getNextAssertion series; any other command ends it. */
    void endSeries() {
        remaining.clear();
        pendingClientDataHash = null;
    }

    Map<Object, Object> handle(CtapRequest request, CommandContext context)
            throws CtapException {
        endSeries();
        String rpId = request.text(1);
        byte[] clientDataHash = request.bytes(2);
        JsonNode options = request.has(5) ? request.node(5) : null;
        if (options != null && options.has("rk")) {
            throw new CtapException(CtapStatus.UNSUPPORTED_OPTION, "rk in getAssertion");
        }
        boolean userPresence = CtapRequest.option(options, "up", true);
        boolean verified = verification.check(request, 6, options, clientDataHash,
                PinState.PERMISSION_GET_ASSERTION, rpId, context);

        boolean hasAllowList = request.has(3) && request.node(3).size() > 0;
        List<StoredCredential> found = hasAllowList
                ? fromAllowList(request.node(3), rpId, verified)
                : discoverable(rpId, verified);
        if (found.isEmpty()) {
            throw new CtapException(CtapStatus.NO_CREDENTIALS, "none for " + rpId);
        }
        if (userPresence) {
            presence.awaitTouch(context);
        }
        int flags = (userPresence ? AuthenticatorData.FLAG_UP : 0)
                | (verified ? AuthenticatorData.FLAG_UV : 0);

        Map<Object, Object> response = assertion(found.get(0), rpId, clientDataHash, flags,
                verified);
        if (!hasAllowList && found.size() > 1) {
            response.put(5, found.size());
            remaining.addAll(found.subList(1, found.size()));
            pendingClientDataHash = clientDataHash;
            pendingRpId = rpId;
            pendingFlags = flags;
        }
        return response;
    }

    Map<Object, Object> next() throws CtapException {
        if (pendingClientDataHash == null || remaining.isEmpty()) {
            throw new CtapException(CtapStatus.NOT_ALLOWED, "no assertion pending");
        }
        return assertion(remaining.removeFirst(), pendingRpId, pendingClientDataHash,
                pendingFlags, (pendingFlags & AuthenticatorData.FLAG_UV) != 0);
    }

    private List<StoredCredential> fromAllowList(JsonNode allowList, String rpId,
            boolean verified) {
        List<StoredCredential> found = new ArrayList<>();
        for (JsonNode descriptor : allowList) {
            JsonNode id = descriptor.get("id");
            StoredCredential credential = id != null && id.isBinary()
                    ? store.find(id.binaryValue()) : null;
            if (credential != null && credential.rpId.equals(rpId)
                    && (credential.credProtect < 3 || verified)) {
                found.add(credential);
                break;
            }
        }
        return found;
    }

    private List<StoredCredential> discoverable(String rpId, boolean verified) {
        List<StoredCredential> found = new ArrayList<>();
        for (StoredCredential credential : store.discoverable(rpId)) {
            if (credential.credProtect == 1 || verified) {
                found.add(credential);
            }
        }
        return found;
    }

    private static Map<Object, Object> assertion(StoredCredential credential, String rpId,
            byte[] clientDataHash, int flags, boolean verified) {
        credential.signCount++;
        byte[] authData = AuthenticatorData.build(rpId, flags, credential.signCount, null,
                null);
        Map<Object, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("id", credential.id);
        descriptor.put("type", "public-key");
        Map<Object, Object> response = new LinkedHashMap<>();
        response.put(1, descriptor);
        response.put(2, authData);
        response.put(3, AuthenticatorData.sign(credential.keyPair.getPrivate(), authData,
                clientDataHash));
        if (credential.discoverable) {
            response.put(4, user(credential, verified));
        }
        return response;
    }

    /** User entity; names only after verification (CTAP 2.1 section 6.2.2). */
    private static Map<Object, Object> user(StoredCredential credential, boolean verified) {
        Map<Object, Object> user = new LinkedHashMap<>();
        user.put("id", credential.userId);
        if (verified && credential.userName != null) {
            user.put("name", credential.userName);
        }
        if (verified && credential.userDisplayName != null) {
            user.put("displayName", credential.userDisplayName);
        }
        return user;
    }
}
