package com.advapacs.clinician.server.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashing with the JDK provider. The OWASP Password Storage Cheat
 * Sheet (2023) recommends 600,000 iterations for this algorithm.
 */
public final class PasswordHasher {
    public static final int DEFAULT_ITERATIONS = 600_000;
    public static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random;
    private final PasswordHash dummy;

    /**
     * @param iterations PBKDF2 iteration count for new hashes; existing hashes keep their own
     */
    public PasswordHasher(int iterations, SecureRandom random) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1: " + iterations);
        }
        this.iterations = iterations;
        this.random = random;
        this.dummy = PasswordHash.parse(hash("dummy password for unknown accounts"));
    }

    public int iterations() {
        return iterations;
    }

    /** Hashes {@code password} with a fresh random salt and returns the storage form. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations)).format();
    }

    /**
     * Checks {@code password} against a stored hash in constant time. A stored value that
     * cannot be parsed never matches.
     */
    public boolean verify(String password, String stored) {
        PasswordHash expected;
        try {
            expected = PasswordHash.parse(stored);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] actual = derive(password, expected.salt(), expected.iterations());
        return MessageDigest.isEqual(actual, expected.hash());
    }

    /**
     * Runs one derivation against a dummy hash, so that a sign-in for an unknown email takes as
     * long as one for a known email with a wrong password.
     */
    public void verifyDummy(String password) {
        derive(password, dummy.salt(), dummy.iterations());
    }

    /** Returns whether {@code stored} was made with a different cost than new hashes use. */
    public boolean needsRehash(String stored) {
        try {
            return PasswordHash.parse(stored).iterations() != iterations;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
