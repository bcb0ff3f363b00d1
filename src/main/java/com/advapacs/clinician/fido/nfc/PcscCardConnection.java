package com.advapacs.clinician.fido.nfc;

import java.io.IOException;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link CardConnection} through PC/SC ({@code javax.smartcardio}), in shared mode. */
final class PcscCardConnection implements CardConnection {

    private static final Logger LOG = LoggerFactory.getLogger(PcscCardConnection.class);

    private final Card card;
    private final CardChannel channel;

    private PcscCardConnection(Card card) {
        this.card = card;
        this.channel = card.getBasicChannel();
    }

    /** Connects to the card in {@code terminal} with whichever protocol it offers. */
    static PcscCardConnection open(CardTerminal terminal) throws IOException {
        try {
            return new PcscCardConnection(terminal.connect("*"));
        } catch (CardException e) {
            throw new IOException("No key on reader " + terminal.getName() + ": "
                    + PcscReaders.reason(e), e);
        }
    }

    @Override
    public byte[] transmit(byte[] command) throws IOException {
        try {
            return channel.transmit(new CommandAPDU(command)).getBytes();
        } catch (CardException | IllegalStateException | IllegalArgumentException e) {
            // A key that leaves the field mid-command can leave an empty reply, which the
            // JDK rejects with IllegalArgumentException rather than CardException.
            throw new IOException("The key left the reader or stopped responding: "
                    + PcscReaders.reason(e), e);
        }
    }

    /**
     * Disconnects without resetting the card, which other programs may be using. The next
     * connection starts clean anyway, because selecting the FIDO applet ends any command
     * the key was still working on.
     */
    @Override
    public void close() {
        try {
            card.disconnect(false);
        } catch (CardException | IllegalStateException e) {
            LOG.debug("Disconnecting from the card failed: {}", e.toString());
        }
    }
}
