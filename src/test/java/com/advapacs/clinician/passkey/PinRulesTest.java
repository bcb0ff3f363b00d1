package com.advapacs.clinician.passkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PinRulesTest {

    @Test
    void lengthCountsCodePoints() {
        assertEquals("passkey.pin.tooShort", PinRules.problem("123", 4));
        assertNull(PinRules.problem("1234", 4));
        assertEquals("passkey.pin.tooShort", PinRules.problem("12345", 6));
        assertNull(PinRules.problem("\uD83D\uDD11\uD83D\uDD11\uD83D\uDD11\uD83D\uDD11", 4));
    }

    @Test
    void decomposedAccentCountsOnceAfterNormalisation() {
        // "e" followed by a combining acute accent is one character after NFC.
        assertEquals("passkey.pin.tooShort", PinRules.problem("abce\u0301", 5));
        assertNull(PinRules.problem("abcde\u0301", 5));
    }

    @Test
    void utf8LimitIsSixtyThreeBytes() {
        assertNull(PinRules.problem("a".repeat(63), 4));
        assertEquals("passkey.pin.tooLong", PinRules.problem("a".repeat(64), 4));
        assertEquals("passkey.pin.tooLong", PinRules.problem("\u00e9".repeat(32), 4));
    }
}
