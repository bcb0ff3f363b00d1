package com.advapacs.clinician.fido.virtual;

/** Ends the processing of a command APDU with an error status word and no data. */
final class ApduException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int statusWord;

    ApduException(int statusWord) {
        super(String.format("status word %04X", statusWord));
        this.statusWord = statusWord;
    }

    int statusWord() {
        return statusWord;
    }
}
