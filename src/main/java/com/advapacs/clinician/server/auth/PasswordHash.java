package com.advapacs.clinician.server.auth;

import java.util.Base64;

/**
 * Stored PBKDF2 password hash in the self-describing form
 * {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (salt and hash in base64 without padding), so the
 * cost can change without invalidating stored hashes.
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {
    static final String ALGORITHM = "pbkdf2-sha256";

    /** Formats the hash for storage. */
    public String format() {
        Base64.Encoder encoder = Base64.getEncoder().withoutPadding();
        return ALGORITHM + "$" + iterations + "$" + encoder.encodeToString(salt) + "$"
                + encoder.encodeToString(hash);
    }

    /**
     * Parses a stored hash.
     *
     * @throws IllegalArgumentException if the text is not in the format written by {@link
     *     #format()}
     */
    public static PasswordHash parse(String stored) {
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            throw new IllegalArgumentException("unsupported password hash format");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid iteration count in password hash", e);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("invalid iteration count in password hash");
        }
        Base64.Decoder decoder = Base64.getDecoder();
        byte[] salt = decoder.decode(parts[2]);
        byte[] hash = decoder.decode(parts[3]);
        if (salt.length == 0 || hash.length == 0) {
            throw new IllegalArgumentException("empty salt or hash in password hash");
        }
        return new PasswordHash(iterations, salt, hash);
    }
}
