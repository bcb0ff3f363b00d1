package com.advapacs.clinician.server.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HotpTest {
    private static final byte[] RFC_4226_SECRET =
            "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 4226 Appendix D: HOTP values for counters 0..9 with the ASCII secret above. */
    @ParameterizedTest(name = "counter {0} -> {1}")
    @CsvSource({
        "0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314",
        "5, 254676", "6, 287922", "7, 162583", "8, 399871", "9, 520489"
    })
    void matchesRfc4226AppendixD(long counter, String expected) {
        assertEquals(expected, Hotp.generate(HmacAlgorithm.SHA1, RFC_4226_SECRET, counter, 6));
    }

    @Test
    void keepsLeadingZeros() {
        // RFC 6238 Appendix B lists 07081804 for SHA-1 at T = 0x23523EC.
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertEquals("07081804", Hotp.generate(HmacAlgorithm.SHA1, key, 0x23523ECL, 8));
    }

    @Test
    void sevenDigitsTruncateTheSameValue() {
        // 94287082 (RFC 6238, T = 1, 8 digits) mod 10^7.
        assertEquals("4287082", Hotp.generate(HmacAlgorithm.SHA1, RFC_4226_SECRET, 1, 7));
    }

    @Test
    void rejectsDigitsOutsideSixToEight() {
        assertThrows(IllegalArgumentException.class,
                () -> Hotp.generate(HmacAlgorithm.SHA1, RFC_4226_SECRET, 0, 5));
        assertThrows(IllegalArgumentException.class,
                () -> Hotp.generate(HmacAlgorithm.SHA1, RFC_4226_SECRET, 0, 9));
    }

    @Test
    void rejectsEmptyKey() {
        assertThrows(IllegalArgumentException.class,
                () -> Hotp.generate(HmacAlgorithm.SHA1, new byte[0], 0, 6));
    }
}
