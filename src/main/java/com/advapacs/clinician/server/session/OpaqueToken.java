package com.advapacs.clinician.server.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random bearer tokens: 32 bytes from {@link SecureRandom}, base64url without padding
 * (43 characters). The server keeps only their SHA-256 hash, so a copy of the database does not
 * contain usable tokens.
 */
public final class OpaqueToken {
    public static final int BYTES = 32;

    /** Maximum token length accepted for lookup. Issued tokens are 43 characters. */
    public static final int MAX_LENGTH = 256;

    private OpaqueToken() {
    }

    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Returns the lower-case hex SHA-256 of the token's UTF-8 bytes. */
    public static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java SE runtime", e);
        }
    }

    /** Returns whether {@code text} could be a token: 1..256 base64url characters. */
    public static boolean isWellFormed(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean valid = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!valid) {
                return false;
            }
        }
        return true;
    }
}
