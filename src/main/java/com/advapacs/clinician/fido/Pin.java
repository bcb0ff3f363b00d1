package com.advapacs.clinician.fido;

import com.advapacs.clinician.fido.jna.NativeData;
import com.sun.jna.Memory;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * PIN handling by CTAP 2.1 rules (section 6.5.1): the PIN is the UTF-8 encoding of its
 * NFC form, 4 to 63 bytes long, with at least the key's minPINLength code points.
 * libfido2 sends the bytes as they are, so the normalisation happens here.
 */
final class Pin {

    static final int MIN_LENGTH = 4;
    static final int MAX_UTF8_BYTES = 63;

    private Pin() {
    }

    /**
     * Returns the PIN as NFC-normalised UTF-8 in native memory with a terminating NUL.
     * The caller clears it with {@link Memory#clear()} after the libfido2 call.
     *
     * <p>NOTE: a PIN that is not already in NFC form passes through one immutable String
     * during normalisation, which cannot be wiped.
     */
    static Memory toNative(char[] pin) throws FidoException {
        byte[] utf8 = utf8(pin);
        try {
            return NativeData.secretString(utf8);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /** Checks a new PIN against CTAP's limits and the key's minimum length. */
    static void validateNew(char[] pin, int minPinLength) throws FidoException {
        byte[] utf8 = utf8(pin);
        try {
            int codePoints = codePoints(utf8);
            int minimum = Math.max(MIN_LENGTH, minPinLength);
            if (codePoints < minimum) {
                throw FidoException.of(FidoProblem.PIN_POLICY_VIOLATION,
                        "PIN shorter than " + minimum + " characters");
            }
            if (utf8.length > MAX_UTF8_BYTES) {
                throw FidoException.of(FidoProblem.PIN_POLICY_VIOLATION,
                        "PIN longer than " + MAX_UTF8_BYTES + " bytes of UTF-8");
            }
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /** Counts code points in UTF-8: every byte except continuation bytes starts one. */
    private static int codePoints(byte[] utf8) {
        int count = 0;
        for (byte b : utf8) {
            if ((b & 0xc0) != 0x80) {
                count++;
            }
        }
        return count;
    }

    /** Overwrites a PIN the caller no longer needs. */
    static void wipe(char[] pin) {
        if (pin != null) {
            Arrays.fill(pin, '\0');
        }
    }

    private static byte[] utf8(char[] pin) throws FidoException {
        CharBuffer chars = CharBuffer.wrap(pin);
        if (!Normalizer.isNormalized(chars, Normalizer.Form.NFC)) {
            chars = CharBuffer.wrap(Normalizer.normalize(chars, Normalizer.Form.NFC));
        }
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        try {
            ByteBuffer encoded = encoder.encode(chars);
            byte[] utf8 = new byte[encoded.remaining()];
            encoded.get(utf8);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
            return utf8;
        } catch (CharacterCodingException e) {
            throw FidoException.of(FidoProblem.PIN_POLICY_VIOLATION,
                    "PIN is not valid Unicode text");
        }
    }
}
