package com.advapacs.clinician.fido.virtual;

import tools.jackson.databind.JsonNode;

/**
 * The pinUvAuthParam and "uv" checks shared by authenticatorMakeCredential and
 * authenticatorGetAssertion (CTAP 2.1 sections 6.1.2 and 6.2.2, steps 1 to 6).
 */
final class UserVerification {

    private final AuthenticatorConfig config;
    private final PinState pin;
    private final UserPresence presence;

    UserVerification(AuthenticatorConfig config, PinState pin, UserPresence presence) {
        this.config = config;
        this.pin = pin;
        this.presence = presence;
    }

    /**
     * Returns whether the user was verified, by a pinUvAuthToken or built-in UV.
     *
     * @param paramKey the request key of pinUvAuthParam (its protocol follows it)
     */
    boolean check(CtapRequest request, int paramKey, JsonNode options, byte[] clientDataHash,
            int permission, String rpId, CommandContext context) throws CtapException {
        if (request.has(paramKey)) {
            byte[] param = request.bytes(paramKey);
            if (param.length == 0) {
                // A zero-length pinUvAuthParam requests only a touch, which
                // fido_dev_get_touch_begin uses to select a key.
                presence.awaitTouch(context);
                throw new CtapException(pin.isSet() ? CtapStatus.PIN_INVALID
                        : CtapStatus.PIN_NOT_SET, "touch-only request");
            }
            int version = request.integer(paramKey + 1);
            if (!config.pinUvAuthProtocols.contains(version)) {
                throw new CtapException(CtapStatus.INVALID_PARAMETER, "protocol " + version);
            }
            pin.verifyToken(PinUvAuthProtocol.of(version), clientDataHash, param, permission,
                    rpId);
            return true;
        }
        if (CtapRequest.option(options, "uv", false)) {
            if (!config.builtInUv) {
                throw new CtapException(CtapStatus.INVALID_OPTION, "no built-in UV");
            }
            return true;
        }
        if (config.alwaysUv) {
            // This key always supports clientPin, so the status is PUAT_REQUIRED rather
            // than OPERATION_DENIED.
            throw new CtapException(CtapStatus.PUAT_REQUIRED, "alwaysUv");
        }
        return false;
    }

    boolean protectedByUv() {
        return pin.isSet() || config.builtInUv;
    }
}
