package com.advapacs.clinician.server.totp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-based one-time password generator as defined by RFC 4226 section 5. */
public final class Hotp {
    public static final int MIN_DIGITS = 6;
    public static final int MAX_DIGITS = 8;

    private static final int[] POWERS_OF_TEN = {
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
    };

    private Hotp() {
    }

    /**
     * Computes the HOTP value for {@code counter}, left-padded with zeros to {@code digits}.
     *
     * @throws IllegalArgumentException if {@code digits} is outside 6..8 or the key is empty
     */
    public static String generate(HmacAlgorithm algorithm, byte[] key, long counter, int digits) {
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw new IllegalArgumentException(
                    "digits must be between " + MIN_DIGITS + " and " + MAX_DIGITS + ": " + digits);
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("HOTP key must not be empty");
        }
        byte[] message = ByteBuffer.allocate(Long.BYTES).putLong(counter).array();
        byte[] hash = hmac(algorithm, key, message);
        // Dynamic truncation, RFC 4226 section 5.3: the low nibble of the last byte is an offset.
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        int value = binary % POWERS_OF_TEN[digits];
        StringBuilder code = new StringBuilder(Integer.toString(value));
        while (code.length() < digits) {
            code.insert(0, '0');
        }
        return code.toString();
    }

    private static byte[] hmac(HmacAlgorithm algorithm, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName());
            mac.init(new SecretKeySpec(key, algorithm.jcaName()));
            return mac.doFinal(message);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("HOTP key rejected by " + algorithm.jcaName(), e);
        } catch (GeneralSecurityException e) {
            // Java SE requires HmacSHA1 and HmacSHA256, and OpenJDK also ships HmacSHA512.
            throw new IllegalStateException(algorithm.jcaName() + " is not available", e);
        }
    }
}
