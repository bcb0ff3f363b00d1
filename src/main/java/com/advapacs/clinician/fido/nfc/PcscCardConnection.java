package com.advapacs.clinician.fido.nfc;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CardConnection} through PC/SC ({@code javax.smartcardio}), in shared mode.
 *
 * <p>The JDK keeps one {@link Card} per reader and returns it again from
 * {@code CardTerminal.connect} while it is connected, so two connections to one reader, such
 * as a ceremony that is ending and the next one, share it. The last of them to close
 * disconnects it.
 */
final class PcscCardConnection implements CardConnection {

    private static final Logger LOG = LoggerFactory.getLogger(PcscCardConnection.class);
    /** Open connections per shared card; connecting and disconnecting hold its monitor. */
    private static final Map<Card, Integer> CONNECTIONS = new IdentityHashMap<>();

    private final Card card;
    private final CardChannel channel;
    private boolean closed;

    private PcscCardConnection(Card card) {
        this.card = card;
        this.channel = card.getBasicChannel();
    }

    /** Connects to the card in {@code terminal} with whichever protocol it offers. */
    static PcscCardConnection open(CardTerminal terminal) throws IOException {
        synchronized (CONNECTIONS) {
            try {
                Card card = terminal.connect("*");
                PcscCardConnection connection = new PcscCardConnection(card);
                CONNECTIONS.merge(card, 1, Integer::sum);
                return connection;
            } catch (CardException | IllegalStateException e) {
                // getBasicChannel throws IllegalStateException when another connection to the
                // shared card saw it removed meanwhile.
                throw new IOException("No key on reader " + terminal.getName() + ": "
                        + PcscReaders.reason(e), e);
            }
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
        synchronized (CONNECTIONS) {
            if (closed) {
                return;
            }
            closed = true;
            int left = CONNECTIONS.merge(card, -1, Integer::sum);
            if (left > 0) {
                return;
            }
            CONNECTIONS.remove(card);
            try {
                card.disconnect(false);
            } catch (CardException | IllegalStateException e) {
                LOG.debug("Disconnecting from the card failed: {}", e.toString());
            }
        }
    }
}
