package com.advapacs.clinician.server.totp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TotpSecretTest {

    @Test
    void generatesOneHundredSixtyBitKeys() {
        SecureRandom random = new SecureRandom();
        byte[] first = TotpSecret.generate(random);
        byte[] second = TotpSecret.generate(random);
        assertEquals(20, first.length);
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void base32HasNoPaddingAndRoundTrips() {
        byte[] key = TotpSecret.generate(new SecureRandom());
        String text = TotpSecret.toBase32(key);
        assertEquals(32, text.length());
        assertTrue(text.matches("[A-Z2-7]+"), text);
        assertArrayEquals(key, TotpSecret.fromBase32(text));
        assertArrayEquals(key, TotpSecret.fromBase32(text.toLowerCase()));
    }

    @Test
    void matchesRfc4648TestVector() {
        // RFC 4648 section 10: BASE32("foobar") = "MZXW6YTBOI======".
        byte[] foobar = "foobar".getBytes(StandardCharsets.US_ASCII);
        assertEquals("MZXW6YTBOI", TotpSecret.toBase32(foobar));
        assertArrayEquals(foobar, TotpSecret.fromBase32("MZXW6YTBOI"));
    }

    @Test
    void rejectsCharactersOutsideAlphabet() {
        assertThrows(IllegalArgumentException.class, () -> TotpSecret.fromBase32("ABC1"));
        assertNotEquals(0, TotpSecret.fromBase32("ABCD").length);
    }
}
