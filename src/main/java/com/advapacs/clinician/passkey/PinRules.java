package com.advapacs.clinician.passkey;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The rules a new PIN must meet before it is sent to a key (CTAP 2.1, section 6.5.5.7).
 * It needs at least the key's minimum length in Unicode code points and at most 63 bytes
 * of UTF-8. Both are measured after NFC normalisation, so that the same PIN typed on
 * another system matches.
 */
final class PinRules {

    static final int MAX_UTF8_BYTES = 63;

    private PinRules() {
    }

    /** Returns the problem with {@code pin} as a message key, or null when it is valid. */
    static String problem(String pin, int minLength) {
        String normalised = Normalizer.normalize(pin, Normalizer.Form.NFC);
        if (normalised.codePointCount(0, normalised.length()) < minLength) {
            return "passkey.pin.tooShort";
        }
        if (normalised.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            return "passkey.pin.tooLong";
        }
        return null;
    }
}
