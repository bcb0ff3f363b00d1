package com.advapacs.clinician.fido.virtual;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** authenticatorClientPIN (0x06), CTAP 2.1 section 6.5.5, for protocols 1 and 2. */
final class ClientPinCommand {

    private static final int GET_PIN_RETRIES = 0x01;
    private static final int GET_KEY_AGREEMENT = 0x02;
    private static final int SET_PIN = 0x03;
    private static final int CHANGE_PIN = 0x04;
    private static final int GET_PIN_TOKEN = 0x05;
    private static final int GET_TOKEN_USING_UV = 0x06;
    private static final int GET_UV_RETRIES = 0x07;
    private static final int GET_TOKEN_USING_PIN = 0x09;

    private static final int PADDED_PIN_LENGTH = 64;
    private static final int MAX_PIN_BYTES = 63;

    private final AuthenticatorConfig config;
    private final PinState pin;

    ClientPinCommand(AuthenticatorConfig config, PinState pin) {
        this.config = config;
        this.pin = pin;
    }

    Map<Object, Object> handle(CtapRequest request) throws CtapException {
        int subCommand = request.integer(2);
        switch (subCommand) {
            case GET_PIN_RETRIES:
                return Map.of(3, pin.retries(), 4, false);
            case GET_KEY_AGREEMENT:
                protocol(request);
                return Map.of(1, coseKey((ECPublicKey) pin.keyAgreementKey().getPublic()));
            case SET_PIN:
                setPin(request);
                return Map.of();
            case CHANGE_PIN:
                changePin(request);
                return Map.of();
            case GET_PIN_TOKEN:
                return tokenUsingPin(request, PinState.PERMISSION_MAKE_CREDENTIAL
                        | PinState.PERMISSION_GET_ASSERTION, null);
            case GET_TOKEN_USING_PIN:
                return tokenUsingPin(request, permissions(request), rpId(request));
            case GET_TOKEN_USING_UV:
                return tokenUsingUv(request);
            case GET_UV_RETRIES:
                if (!config.builtInUv) {
                    throw new CtapException(CtapStatus.INVALID_PARAMETER, "no built-in UV");
                }
                return Map.of(5, 3);
            default:
                throw new CtapException(CtapStatus.INVALID_PARAMETER,
                        "unknown subCommand " + subCommand);
        }
    }

    private void setPin(CtapRequest request) throws CtapException {
        PinUvAuthProtocol protocol = protocol(request);
        CtapRequest platformKey = request.map(3);
        byte[] pinUvAuthParam = request.bytes(4);
        byte[] newPinEnc = request.bytes(5);
        if (pin.isSet()) {
            throw new CtapException(CtapStatus.NOT_ALLOWED, "PIN already set");
        }
        byte[] shared = protocol.decapsulate(pin.keyAgreementKey(), platformKey.raw());
        verify(protocol, shared, newPinEnc, pinUvAuthParam);
        pin.setPin(decryptNewPin(protocol, shared, newPinEnc));
    }

    private void changePin(CtapRequest request) throws CtapException {
        PinUvAuthProtocol protocol = protocol(request);
        CtapRequest platformKey = request.map(3);
        byte[] pinUvAuthParam = request.bytes(4);
        byte[] newPinEnc = request.bytes(5);
        byte[] pinHashEnc = request.bytes(6);
        requirePinUsable();
        byte[] shared = protocol.decapsulate(pin.keyAgreementKey(), platformKey.raw());
        byte[] signed = Arrays.copyOf(newPinEnc, newPinEnc.length + pinHashEnc.length);
        System.arraycopy(pinHashEnc, 0, signed, newPinEnc.length, pinHashEnc.length);
        verify(protocol, shared, signed, pinUvAuthParam);
        pin.checkPinHash(decrypt(protocol, shared, pinHashEnc));
        pin.setPin(decryptNewPin(protocol, shared, newPinEnc));
    }

    private Map<Object, Object> tokenUsingPin(CtapRequest request, int permissions,
            String rpId) throws CtapException {
        PinUvAuthProtocol protocol = protocol(request);
        CtapRequest platformKey = request.map(3);
        byte[] pinHashEnc = request.bytes(6);
        requirePinUsable();
        byte[] shared = protocol.decapsulate(pin.keyAgreementKey(), platformKey.raw());
        pin.checkPinHash(decrypt(protocol, shared, pinHashEnc));
        return Map.of(2, encrypt(protocol, shared, pin.issueToken(permissions, rpId)));
    }

    private Map<Object, Object> tokenUsingUv(CtapRequest request) throws CtapException {
        PinUvAuthProtocol protocol = protocol(request);
        CtapRequest platformKey = request.map(3);
        int permissions = permissions(request);
        if (!config.builtInUv) {
            throw new CtapException(CtapStatus.NOT_ALLOWED, "no built-in UV");
        }
        byte[] shared = protocol.decapsulate(pin.keyAgreementKey(), platformKey.raw());
        return Map.of(2, encrypt(protocol, shared, pin.issueToken(permissions, rpId(request))));
    }

    private void requirePinUsable() throws CtapException {
        if (!pin.isSet()) {
            throw new CtapException(CtapStatus.PIN_NOT_SET, "no PIN set");
        }
        if (pin.retries() <= 0) {
            throw new CtapException(CtapStatus.PIN_BLOCKED, "PIN blocked");
        }
        if (pin.authBlocked()) {
            throw new CtapException(CtapStatus.PIN_AUTH_BLOCKED, "power cycle needed");
        }
    }

    private byte[] decryptNewPin(PinUvAuthProtocol protocol, byte[] shared, byte[] newPinEnc)
            throws CtapException {
        byte[] padded = decrypt(protocol, shared, newPinEnc);
        if (padded.length != PADDED_PIN_LENGTH) {
            throw new CtapException(CtapStatus.INVALID_PARAMETER, "paddedNewPin not 64 bytes");
        }
        int length = 0;
        while (length < padded.length && padded[length] != 0) {
            length++;
        }
        byte[] newPin = Arrays.copyOf(padded, length);
        String text = new String(newPin, StandardCharsets.UTF_8);
        int codePoints = text.codePointCount(0, text.length());
        if (length > MAX_PIN_BYTES || codePoints < config.minPinLength) {
            throw new CtapException(CtapStatus.PIN_POLICY_VIOLATION,
                    "PIN of " + codePoints + " code points");
        }
        return newPin;
    }

    private static void verify(PinUvAuthProtocol protocol, byte[] shared, byte[] message,
            byte[] pinUvAuthParam) throws CtapException {
        boolean valid;
        try {
            valid = protocol.verify(shared, message, pinUvAuthParam);
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new CtapException(CtapStatus.PIN_AUTH_INVALID, "pinUvAuthParam mismatch");
        }
    }

    private static byte[] decrypt(PinUvAuthProtocol protocol, byte[] shared, byte[] data)
            throws CtapException {
        try {
            return protocol.decrypt(shared, data);
        } catch (GeneralSecurityException e) {
            throw new CtapException(CtapStatus.INVALID_PARAMETER, "decryption failed");
        }
    }

    private static byte[] encrypt(PinUvAuthProtocol protocol, byte[] shared, byte[] data)
            throws CtapException {
        try {
            return protocol.encrypt(shared, data);
        } catch (GeneralSecurityException e) {
            throw new CtapException(CtapStatus.INVALID_PARAMETER, "encryption failed");
        }
    }

    private PinUvAuthProtocol protocol(CtapRequest request) throws CtapException {
        int version = request.integer(1);
        if (!config.pinUvAuthProtocols.contains(version)) {
            throw new CtapException(CtapStatus.INVALID_PARAMETER, "protocol " + version);
        }
        return PinUvAuthProtocol.of(version);
    }

    private static int permissions(CtapRequest request) throws CtapException {
        int permissions = request.integer(9);
        if (permissions == 0) {
            throw new CtapException(CtapStatus.INVALID_PARAMETER, "no permissions");
        }
        int supported = PinState.PERMISSION_MAKE_CREDENTIAL | PinState.PERMISSION_GET_ASSERTION;
        if ((permissions & ~supported) != 0) {
            throw new CtapException(CtapStatus.UNAUTHORIZED_PERMISSION,
                    "permissions " + permissions);
        }
        return permissions;
    }

    private static String rpId(CtapRequest request) throws CtapException {
        return request.has(10) ? request.text(10) : null;
    }

    /** COSE_Key of the key agreement key: EC2, ECDH-ES+HKDF-256 (-25), P-256. */
    static Map<Object, Object> coseKey(ECPublicKey key) {
        Map<Object, Object> cose = new LinkedHashMap<>();
        cose.put(1, 2);
        cose.put(3, -25);
        cose.put(-1, 1);
        cose.put(-2, coordinate(key.getW().getAffineX()));
        cose.put(-3, coordinate(key.getW().getAffineY()));
        return cose;
    }

    /** Returns a P-256 coordinate as 32 unsigned big-endian bytes. */
    static byte[] coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }
}
