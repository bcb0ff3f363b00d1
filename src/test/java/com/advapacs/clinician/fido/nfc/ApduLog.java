package com.advapacs.clinician.fido.nfc;

import com.advapacs.clinician.fido.virtual.NfcCard;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A {@link CardConnection} straight to a card, without a reader, that records every command
 * APDU so tests can check how the app framed them. The card is a virtual key's NFC
 * interface or any function from command APDU to response APDU; an
 * {@link IllegalStateException} from it means the card left the field.
 */
final class ApduLog implements CardConnection {

    private final UnaryOperator<byte[]> card;
    private final Runnable onClose;
    private final List<byte[]> commands = new CopyOnWriteArrayList<>();

    ApduLog(NfcCard card) {
        this(card::transmit, () -> {
            if (card.poweredOn()) {
                card.reset();
            }
        });
    }

    ApduLog(UnaryOperator<byte[]> card) {
        this(card, () -> { });
    }

    private ApduLog(UnaryOperator<byte[]> card, Runnable onClose) {
        this.card = card;
        this.onClose = onClose;
    }

    @Override
    public byte[] transmit(byte[] command) throws IOException {
        commands.add(command.clone());
        try {
            return card.apply(command);
        } catch (IllegalStateException e) {
            throw new IOException("The card left the field: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        onClose.run();
    }

    /** Counts the commands whose CLA and INS match. */
    long count(int cla, int ins) {
        return commands.stream()
                .filter(apdu -> (apdu[0] & 0xff) == cla && (apdu[1] & 0xff) == ins)
                .count();
    }

    /** Counts the commands sent in extended-length form (Lc or Le of three bytes). */
    long extendedCount() {
        return commands.stream().filter(apdu -> apdu.length > 7 && apdu[4] == 0).count();
    }
}
