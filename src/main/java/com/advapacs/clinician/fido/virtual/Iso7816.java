package com.advapacs.clinician.fido.virtual;

/**
 * Status words (SW1 SW2) of ISO/IEC 7816-4 that the NFC interface of a virtual key returns,
 * named as in Java Card's {@code javacard.framework.ISO7816}.
 */
final class Iso7816 {

    static final int SW_NO_ERROR = 0x9000;
    /** SW1 0x61: more response data follows. SW2 is its length, or 0x00 for 256 or more. */
    static final int SW_BYTES_REMAINING_00 = 0x6100;
    /** NFCCTAP status update: the data byte is PROCESSING or UPNEEDED. */
    static final int SW_CTAP_STATUS_UPDATE = 0x9100;
    static final int SW_WRONG_LENGTH = 0x6700;
    static final int SW_LAST_COMMAND_EXPECTED = 0x6883;
    static final int SW_COMMAND_CHAINING_NOT_SUPPORTED = 0x6884;
    static final int SW_CONDITIONS_NOT_SATISFIED = 0x6985;
    static final int SW_FILE_NOT_FOUND = 0x6a82;
    static final int SW_INCORRECT_P1P2 = 0x6a86;
    static final int SW_INS_NOT_SUPPORTED = 0x6d00;
    static final int SW_CLA_NOT_SUPPORTED = 0x6e00;
    static final int SW_UNKNOWN = 0x6f00;

    private Iso7816() {
    }
}
