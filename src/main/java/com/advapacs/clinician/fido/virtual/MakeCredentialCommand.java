package com.advapacs.clinician.fido.virtual;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * authenticatorMakeCredential (0x01), CTAP 2.1 section 6.1.2: ES256 only, packed self
 * attestation, the credProtect extension, excludeList and discoverable credentials.
 */
final class MakeCredentialCommand {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CREDENTIAL_ID_LENGTH = 32;

    private final AuthenticatorConfig config;
    private final CredentialStore store;
    private final UserVerification verification;
    private final UserPresence presence;

    MakeCredentialCommand(AuthenticatorConfig config, CredentialStore store,
            UserVerification verification, UserPresence presence) {
        this.config = config;
        this.store = store;
        this.verification = verification;
        this.presence = presence;
    }

    Map<Object, Object> handle(CtapRequest request, CommandContext context)
            throws CtapException {
        byte[] clientDataHash = request.bytes(1);
        CtapRequest rp = request.map(2);
        String rpId = rp.raw().path("id").stringValue(null);
        CtapRequest user = request.map(3);
        JsonNode userId = user.raw().get("id");
        if (rpId == null || userId == null || !userId.isBinary()) {
            throw new CtapException(CtapStatus.MISSING_PARAMETER, "rp.id or user.id");
        }
        requireEs256(request.node(4));
        JsonNode options = request.has(7) ? request.node(7) : null;
        boolean residentKey = CtapRequest.option(options, "rk", false);
        if (!CtapRequest.option(options, "up", true)) {
            throw new CtapException(CtapStatus.INVALID_OPTION, "up=false");
        }

        boolean verified = verification.check(request, 8, options, clientDataHash,
                PinState.PERMISSION_MAKE_CREDENTIAL, rpId, context);
        if (!verified && verification.protectedByUv()
                && (residentKey || !config.makeCredUvNotRequired)) {
            throw new CtapException(CtapStatus.PUAT_REQUIRED, "verification needed");
        }
        if (request.has(5)) {
            checkExcludeList(request.node(5), rpId, verified, context);
        }
        int credProtect = credProtect(request);
        if (residentKey && store.discoverableCount() >= config.maxResidentKeys) {
            throw new CtapException(CtapStatus.KEY_STORE_FULL, "no room for rk");
        }

        presence.awaitTouch(context);

        KeyPair keyPair = newKeyPair();
        byte[] credentialId = new byte[CREDENTIAL_ID_LENGTH];
        RANDOM.nextBytes(credentialId);
        store.add(new StoredCredential(credentialId, rpId, userId.binaryValue(),
                user.raw().path("name").stringValue(null),
                user.raw().path("displayName").stringValue(null), keyPair, residentKey,
                credProtect == 0 ? 1 : credProtect, store.nextSequence()));

        int flags = AuthenticatorData.FLAG_UP | AuthenticatorData.FLAG_AT
                | (verified ? AuthenticatorData.FLAG_UV : 0);
        byte[] extensions = null;
        if (credProtect != 0) {
            flags |= AuthenticatorData.FLAG_ED;
            extensions = Cbor.encode(Map.of("credProtect", credProtect));
        }
        byte[] authData = AuthenticatorData.build(rpId, flags, 0,
                AuthenticatorData.attestedCredential(config.aaguid, credentialId,
                        (ECPublicKey) keyPair.getPublic()), extensions);

        Map<Object, Object> attStmt = new LinkedHashMap<>();
        attStmt.put("alg", -7);
        attStmt.put("sig", AuthenticatorData.sign(keyPair.getPrivate(), authData,
                clientDataHash));
        Map<Object, Object> response = new LinkedHashMap<>();
        response.put(1, "packed");
        response.put(2, authData);
        response.put(3, attStmt);
        return response;
    }

    private static void requireEs256(JsonNode parameters) throws CtapException {
        if (!parameters.isArray()) {
            throw new CtapException(CtapStatus.CBOR_UNEXPECTED_TYPE, "pubKeyCredParams");
        }
        for (JsonNode parameter : parameters) {
            if ("public-key".equals(parameter.path("type").stringValue(null))
                    && parameter.path("alg").asInt(0) == -7) {
                return;
            }
        }
        throw new CtapException(CtapStatus.UNSUPPORTED_ALGORITHM, "no ES256");
    }

    private void checkExcludeList(JsonNode excludeList, String rpId, boolean verified,
            CommandContext context) throws CtapException {
        for (JsonNode descriptor : excludeList) {
            JsonNode id = descriptor.get("id");
            if (id == null || !id.isBinary()) {
                continue;
            }
            StoredCredential existing = store.find(id.binaryValue());
            boolean hidden = existing != null && existing.credProtect == 3 && !verified;
            if (existing != null && existing.rpId.equals(rpId) && !hidden) {
                // CTAP 2.1 section 6.1.2 collects a touch before returning this status, so
                // a page cannot probe silently for keys that are already registered.
                presence.awaitTouch(context);
                throw new CtapException(CtapStatus.CREDENTIAL_EXCLUDED, "excluded");
            }
        }
    }

    private static int credProtect(CtapRequest request) throws CtapException {
        if (!request.has(6)) {
            return 0;
        }
        JsonNode level = request.node(6).get("credProtect");
        if (level == null) {
            return 0;
        }
        if (!level.isIntegralNumber() || level.intValue() < 1 || level.intValue() > 3) {
            throw new CtapException(CtapStatus.INVALID_PARAMETER, "credProtect " + level);
        }
        return level.intValue();
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
