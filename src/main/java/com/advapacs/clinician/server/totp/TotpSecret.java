package com.advapacs.clinician.server.totp;

import java.security.SecureRandom;
import java.util.Locale;
import org.apache.commons.codec.binary.Base32;

/** Shared TOTP key, shown to the user as RFC 4648 base32 without padding. */
public final class TotpSecret {
    /** 160 bits, the HMAC-SHA-1 output length recommended by RFC 4226 section 4 (R6). */
    public static final int LENGTH_BYTES = 20;

    private static final Base32 BASE32 = new Base32();

    private TotpSecret() {
    }

    /** Generates a fresh random key. */
    public static byte[] generate(SecureRandom random) {
        byte[] key = new byte[LENGTH_BYTES];
        random.nextBytes(key);
        return key;
    }

    /** Encodes {@code key} as upper-case base32 with the '=' padding removed. */
    public static String toBase32(byte[] key) {
        String encoded = BASE32.encodeAsString(key);
        int end = encoded.length();
        while (end > 0 && encoded.charAt(end - 1) == '=') {
            end--;
        }
        return encoded.substring(0, end);
    }

    /**
     * Decodes base32 text, ignoring case and missing padding.
     *
     * @throws IllegalArgumentException if the text contains characters outside the alphabet
     */
    public static byte[] fromBase32(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            boolean valid = (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7') || c == '=';
            if (!valid) {
                throw new IllegalArgumentException("not a base32 character at index " + i);
            }
        }
        return BASE32.decode(upper);
    }
}
