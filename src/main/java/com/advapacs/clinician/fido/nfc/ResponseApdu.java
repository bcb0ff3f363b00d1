package com.advapacs.clinician.fido.nfc;

import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;

/** A response APDU split into its data and its status word (SW1 SW2). */
record ResponseApdu(byte[] data, int statusWord) {

    static final int OK = 0x9000;
    /** SW1 of "more data waiting": fetch it with GET RESPONSE, SW2 bytes at a time. */
    static final int MORE_DATA = 0x61;
    /** SW1 of a CTAP keep-alive: the key is still working (CTAP 2.1 section 11.3.4). */
    static final int CTAP_KEEP_ALIVE = 0x91;
    static final int CHAINING_UNSUPPORTED = 0x6884;
    static final int WRONG_LENGTH = 0x6700;
    static final int FILE_NOT_FOUND = 0x6A82;
    static final int INS_NOT_SUPPORTED = 0x6D00;
    static final int CLA_NOT_SUPPORTED = 0x6E00;

    static ResponseApdu parse(byte[] response) throws IOException {
        if (response == null || response.length < 2) {
            throw new IOException("The card sent a response shorter than a status word");
        }
        int length = response.length;
        int statusWord = ((response[length - 2] & 0xff) << 8) | (response[length - 1] & 0xff);
        return new ResponseApdu(Arrays.copyOf(response, length - 2), statusWord);
    }

    int sw1() {
        return statusWord >>> 8;
    }

    int sw2() {
        return statusWord & 0xff;
    }

    boolean ok() {
        return statusWord == OK;
    }

    /** Returns the data followed by the status word, the form U2F replies take. */
    byte[] withStatusWord() {
        byte[] all = Arrays.copyOf(data, data.length + 2);
        all[data.length] = (byte) sw1();
        all[data.length + 1] = (byte) sw2();
        return all;
    }

    String statusText() {
        return HexFormat.of().withUpperCase().toHexDigits((short) statusWord);
    }
}
