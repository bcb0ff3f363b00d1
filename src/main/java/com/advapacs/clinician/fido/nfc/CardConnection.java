package com.advapacs.clinician.fido.nfc;

import java.io.IOException;

/**
 * A connection to the card (here: a security key) in one contactless reader. Implemented
 * over PC/SC by {@link PcscCardConnection}; tests may exchange APDUs with a card directly.
 */
public interface CardConnection extends AutoCloseable {

    /**
     * Sends one command APDU and returns the response APDU: data, then SW1 and SW2. Fails
     * when the card left the reader or the reader went away.
     */
    byte[] transmit(byte[] command) throws IOException;

    /** Ends the connection; the card stays in the reader. */
    @Override
    void close();
}
