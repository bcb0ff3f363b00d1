package com.advapacs.clinician.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.server.PortalConfig;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1_000, new SecureRandom());

    @Test
    void productionDefaultIsSixHundredThousandIterations() {
        assertEquals(600_000, PasswordHasher.DEFAULT_ITERATIONS);
        assertEquals(600_000, PortalConfig.defaults(Path.of("portal")).passwordIterations());
        String stored = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS, new SecureRandom())
                .hash("correct horse battery");
        assertTrue(stored.startsWith("pbkdf2-sha256$600000$"), stored);
    }

    @Test
    void storedFormIsSelfDescribing() {
        String stored = hasher.hash("correct horse battery");
        PasswordHash parsed = PasswordHash.parse(stored);
        assertEquals(1_000, parsed.iterations());
        assertEquals(16, parsed.salt().length);
        assertEquals(32, parsed.hash().length);
        assertEquals(stored, parsed.format());
    }

    @Test
    void verifiesOnlyTheRightPassword() {
        String stored = hasher.hash("Zoë's pässword");
        assertTrue(hasher.verify("Zoë's pässword", stored));
        assertFalse(hasher.verify("Zoe's password", stored));
        assertFalse(hasher.verify("", stored));
    }

    @Test
    void saltDiffersPerHash() {
        assertNotEquals(hasher.hash("same"), hasher.hash("same"));
    }

    @Test
    void verifiesHashesMadeWithOtherCost() {
        String stored = new PasswordHasher(2_000, new SecureRandom()).hash("secret words");
        assertTrue(hasher.verify("secret words", stored));
        assertTrue(hasher.needsRehash(stored));
        assertFalse(hasher.needsRehash(hasher.hash("secret words")));
    }

    @Test
    void malformedStoredHashNeverMatches() {
        assertFalse(hasher.verify("x", "plain-text"));
        assertFalse(hasher.verify("x", "pbkdf2-sha256$abc$AAAA$AAAA"));
        assertFalse(hasher.verify("x", "bcrypt$10$AAAA$AAAA"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("a$b"));
    }
}
