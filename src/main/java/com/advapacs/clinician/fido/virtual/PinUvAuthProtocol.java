package com.advapacs.clinician.fido.virtual;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * The authenticator side of PIN/UV auth protocols 1 and 2 (CTAP 2.1 sections 6.5.6 and
 * 6.5.7): ECDH on P-256, the key derivation, AES-256-CBC and the HMAC-SHA-256 check.
 */
enum PinUvAuthProtocol {

    /** SHA-256(Z) as one key, zero IV, HMAC truncated to 16 bytes. */
    ONE(1) {
        @Override
        byte[] kdf(byte[] z) throws GeneralSecurityException {
            return MessageDigest.getInstance("SHA-256").digest(z);
        }

        @Override
        byte[] encrypt(byte[] sharedSecret, byte[] plaintext) throws GeneralSecurityException {
            return aesCbc(Cipher.ENCRYPT_MODE, sharedSecret, new byte[16], plaintext);
        }

        @Override
        byte[] decrypt(byte[] sharedSecret, byte[] ciphertext) throws GeneralSecurityException {
            return aesCbc(Cipher.DECRYPT_MODE, sharedSecret, new byte[16], ciphertext);
        }

        @Override
        boolean verify(byte[] key, byte[] message, byte[] signature)
                throws GeneralSecurityException {
            byte[] mac = Arrays.copyOf(hmac(key, message), 16);
            return signature.length == 16 && MessageDigest.isEqual(mac, signature);
        }
    },

    /** HKDF-SHA-256 into an HMAC key and an AES key, random IV, full 32-byte HMAC. */
    TWO(2) {
        @Override
        byte[] kdf(byte[] z) throws GeneralSecurityException {
            byte[] hmacKey = hkdfSha256(z, "CTAP2 HMAC key");
            byte[] aesKey = hkdfSha256(z, "CTAP2 AES key");
            byte[] secret = Arrays.copyOf(hmacKey, 64);
            System.arraycopy(aesKey, 0, secret, 32, 32);
            return secret;
        }

        @Override
        byte[] encrypt(byte[] sharedSecret, byte[] plaintext) throws GeneralSecurityException {
            byte[] iv = new byte[16];
            RANDOM.nextBytes(iv);
            byte[] aesKey = Arrays.copyOfRange(sharedSecret, 32, 64);
            byte[] ciphertext = aesCbc(Cipher.ENCRYPT_MODE, aesKey, iv, plaintext);
            byte[] out = Arrays.copyOf(iv, 16 + ciphertext.length);
            System.arraycopy(ciphertext, 0, out, 16, ciphertext.length);
            return out;
        }

        @Override
        byte[] decrypt(byte[] sharedSecret, byte[] ciphertext) throws GeneralSecurityException {
            if (ciphertext.length < 16) {
                throw new GeneralSecurityException("ciphertext shorter than the IV");
            }
            byte[] aesKey = Arrays.copyOfRange(sharedSecret, 32, 64);
            byte[] iv = Arrays.copyOf(ciphertext, 16);
            return aesCbc(Cipher.DECRYPT_MODE, aesKey, iv,
                    Arrays.copyOfRange(ciphertext, 16, ciphertext.length));
        }

        @Override
        boolean verify(byte[] key, byte[] message, byte[] signature)
                throws GeneralSecurityException {
            // A 64-byte key is a shared secret whose first half is the HMAC key; a
            // pinUvAuthToken (32 bytes) is used whole.
            byte[] hmacKey = key.length == 64 ? Arrays.copyOf(key, 32) : key;
            return signature.length == 32
                    && MessageDigest.isEqual(hmac(hmacKey, message), signature);
        }
    };

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int version;

    PinUvAuthProtocol(int version) {
        this.version = version;
    }

    int version() {
        return version;
    }

    static PinUvAuthProtocol of(int version) throws CtapException {
        for (PinUvAuthProtocol protocol : values()) {
            if (protocol.version == version) {
                return protocol;
            }
        }
        throw new CtapException(CtapStatus.INVALID_PARAMETER,
                "unsupported pinUvAuthProtocol " + version);
    }

    abstract byte[] kdf(byte[] z) throws GeneralSecurityException;

    abstract byte[] encrypt(byte[] sharedSecret, byte[] plaintext)
            throws GeneralSecurityException;

    abstract byte[] decrypt(byte[] sharedSecret, byte[] ciphertext)
            throws GeneralSecurityException;

    abstract boolean verify(byte[] key, byte[] message, byte[] signature)
            throws GeneralSecurityException;

    /** Derives the shared secret from the platform's COSE key and our key agreement key. */
    byte[] decapsulate(KeyPair keyAgreementKey, JsonNode platformCoseKey) throws CtapException {
        try {
            ECPublicKey own = (ECPublicKey) keyAgreementKey.getPublic();
            BigInteger x = new BigInteger(1, platformCoseKey.get("-2").binaryValue());
            BigInteger y = new BigInteger(1, platformCoseKey.get("-3").binaryValue());
            PublicKey peer = KeyFactory.getInstance("EC").generatePublic(
                    new ECPublicKeySpec(new ECPoint(x, y), own.getParams()));
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(keyAgreementKey.getPrivate());
            agreement.doPhase(peer, true);
            return kdf(agreement.generateSecret());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CtapException(CtapStatus.INVALID_PARAMETER,
                    "invalid keyAgreement: " + e.getMessage());
        }
    }

    private static byte[] aesCbc(int mode, byte[] key, byte[] iv, byte[] data)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return cipher.doFinal(data);
    }

    static byte[] hmac(byte[] key, byte[] message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }

    /** HKDF-SHA-256 (RFC 5869) with a zero salt and one 32-byte output block. */
    private static byte[] hkdfSha256(byte[] inputKey, String info)
            throws GeneralSecurityException {
        byte[] pseudoRandomKey = hmac(new byte[32], inputKey);
        byte[] infoBytes = info.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] block = Arrays.copyOf(infoBytes, infoBytes.length + 1);
        block[infoBytes.length] = 1;
        return hmac(pseudoRandomKey, block);
    }
}
