package com.advapacs.clinician.fido.virtual;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;

/**
 * The PIN and pinUvAuthToken state of one virtual key (CTAP 2.1 section 6.5): the stored
 * LEFT(SHA-256(PIN), 16), the retry counters, the key agreement key and the current token
 * with its permissions. Callers synchronise on the owning authenticator.
 */
final class PinState {

    static final int MAX_PIN_RETRIES = 8;
    /** Wrong PINs in a row after which the key needs a power cycle (CTAP 2.1 6.5.5.7). */
    static final int MAX_CONSECUTIVE_MISMATCHES = 3;

    static final int PERMISSION_MAKE_CREDENTIAL = 0x01;
    static final int PERMISSION_GET_ASSERTION = 0x02;

    private static final SecureRandom RANDOM = new SecureRandom();

    private byte[] pinHash;
    private int pinRetries = MAX_PIN_RETRIES;
    private int consecutiveMismatches;
    private KeyPair keyAgreementKey;
    private byte[] token = new byte[32];
    private boolean tokenInUse;
    private int tokenPermissions;
    private String tokenRpId;

    PinState() {
        powerUp();
    }

    /** Resets what a power cycle resets: the mismatch count, key agreement key and token. */
    void powerUp() {
        consecutiveMismatches = 0;
        regenerate();
        resetToken();
    }

    boolean isSet() {
        return pinHash != null;
    }

    int retries() {
        return pinRetries;
    }

    boolean authBlocked() {
        return consecutiveMismatches >= MAX_CONSECUTIVE_MISMATCHES;
    }

    KeyPair keyAgreementKey() {
        return keyAgreementKey;
    }

    void setPin(byte[] pinUtf8) {
        pinHash = leftHash(pinUtf8);
        pinRetries = MAX_PIN_RETRIES;
        consecutiveMismatches = 0;
    }

    void clear() {
        pinHash = null;
        pinRetries = MAX_PIN_RETRIES;
        consecutiveMismatches = 0;
        resetToken();
        regenerate();
    }

    /**
     * Checks a decrypted LEFT(SHA-256(PIN), 16) as CTAP 2.1 section 6.5.5.7 orders it:
     * one retry is spent first and given back on a match.
     */
    void checkPinHash(byte[] candidate) throws CtapException {
        pinRetries--;
        if (!MessageDigest.isEqual(pinHash, candidate)) {
            regenerate();
            consecutiveMismatches++;
            if (pinRetries <= 0) {
                throw new CtapException(CtapStatus.PIN_BLOCKED, "PIN retries exhausted");
            }
            if (authBlocked()) {
                throw new CtapException(CtapStatus.PIN_AUTH_BLOCKED, "three wrong PINs in a row");
            }
            throw new CtapException(CtapStatus.PIN_INVALID, "wrong PIN");
        }
        pinRetries = MAX_PIN_RETRIES;
        consecutiveMismatches = 0;
    }

    /** Issues a fresh token with these permissions; returns the token bytes. */
    byte[] issueToken(int permissions, String rpId) {
        RANDOM.nextBytes(token);
        tokenInUse = true;
        tokenPermissions = permissions;
        tokenRpId = rpId;
        return token.clone();
    }

    /**
     * Checks a pinUvAuthParam over {@code message} and that the token grants
     * {@code permission} for {@code rpId}.
     */
    void verifyToken(PinUvAuthProtocol protocol, byte[] message, byte[] param, int permission,
            String rpId) throws CtapException {
        boolean valid;
        try {
            valid = tokenInUse && protocol.verify(token, message, param);
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new CtapException(CtapStatus.PIN_AUTH_INVALID, "pinUvAuthParam mismatch");
        }
        if ((tokenPermissions & permission) == 0) {
            throw new CtapException(CtapStatus.PIN_AUTH_INVALID, "token lacks permission");
        }
        if (tokenRpId != null && !tokenRpId.equals(rpId)) {
            throw new CtapException(CtapStatus.PIN_AUTH_INVALID, "token bound to another RP");
        }
        if (tokenRpId == null) {
            tokenRpId = rpId;
        }
    }

    static byte[] leftHash(byte[] pinUtf8) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(pinUtf8), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void resetToken() {
        RANDOM.nextBytes(token);
        tokenInUse = false;
        tokenPermissions = 0;
        tokenRpId = null;
    }

    private void regenerate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keyAgreementKey = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
