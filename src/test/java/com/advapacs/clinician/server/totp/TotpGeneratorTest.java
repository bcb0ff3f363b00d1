package com.advapacs.clinician.server.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpGeneratorTest {

    /**
     * RFC 6238 Appendix B: 8-digit codes, X = 30 s, T0 = 0. Each algorithm has its own seed:
     * the ASCII digits "1234567890" repeated to 20, 32 and 64 bytes.
     */
    @ParameterizedTest(name = "{2} at {0}")
    @CsvSource({
        "59, 0000000000000001, SHA1, 94287082",
        "59, 0000000000000001, SHA256, 46119246",
        "59, 0000000000000001, SHA512, 90693936",
        "1111111109, 00000000023523EC, SHA1, 07081804",
        "1111111109, 00000000023523EC, SHA256, 68084774",
        "1111111109, 00000000023523EC, SHA512, 25091201",
        "1111111111, 00000000023523ED, SHA1, 14050471",
        "1111111111, 00000000023523ED, SHA256, 67062674",
        "1111111111, 00000000023523ED, SHA512, 99943326",
        "1234567890, 000000000273EF07, SHA1, 89005924",
        "1234567890, 000000000273EF07, SHA256, 91819424",
        "1234567890, 000000000273EF07, SHA512, 93441116",
        "2000000000, 0000000003F940AA, SHA1, 69279037",
        "2000000000, 0000000003F940AA, SHA256, 90698825",
        "2000000000, 0000000003F940AA, SHA512, 38618901",
        "20000000000, 0000000027BC86AA, SHA1, 65353130",
        "20000000000, 0000000027BC86AA, SHA256, 77737706",
        "20000000000, 0000000027BC86AA, SHA512, 47863826"
    })
    void matchesRfc6238AppendixB(long unixSeconds, String stepHex, HmacAlgorithm algorithm,
            String expected) {
        TotpParameters parameters = new TotpParameters(algorithm, 8, Duration.ofSeconds(30));
        Instant time = Instant.ofEpochSecond(unixSeconds);

        assertEquals(Long.parseLong(stepHex, 16), parameters.stepAt(time));
        assertEquals(expected, new TotpGenerator(parameters).codeAt(seed(algorithm), time));
    }

    @Test
    void portalParametersAreSha1SixDigitsThirtySeconds() {
        assertEquals(HmacAlgorithm.SHA1, TotpParameters.PORTAL.algorithm());
        assertEquals(6, TotpParameters.PORTAL.digits());
        assertEquals(Duration.ofSeconds(30), TotpParameters.PORTAL.period());
    }

    @Test
    void portalCodeTruncatesToSixDigits() {
        TotpGenerator generator = new TotpGenerator(TotpParameters.PORTAL);
        assertEquals("287082", generator.codeAt(seed(HmacAlgorithm.SHA1),
                Instant.ofEpochSecond(59)));
    }

    @Test
    void otherPeriodChangesStep() {
        TotpParameters sixty = new TotpParameters(HmacAlgorithm.SHA1, 6, Duration.ofSeconds(60));
        assertEquals(1, sixty.stepAt(Instant.ofEpochSecond(119)));
        assertEquals(2, sixty.stepAt(Instant.ofEpochSecond(120)));
    }

    @Test
    void rejectsInvalidParameters() {
        assertThrows(IllegalArgumentException.class,
                () -> new TotpParameters(HmacAlgorithm.SHA1, 9, Duration.ofSeconds(30)));
        assertThrows(IllegalArgumentException.class,
                () -> new TotpParameters(HmacAlgorithm.SHA1, 6, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new TotpParameters(HmacAlgorithm.SHA1, 6, Duration.ofMillis(1500)));
    }

    private static byte[] seed(HmacAlgorithm algorithm) {
        int length = switch (algorithm) {
            case SHA1 -> 20;
            case SHA256 -> 32;
            case SHA512 -> 64;
        };
        return "1234567890".repeat(7).substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }
}
