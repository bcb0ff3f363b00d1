package com.advapacs.clinician.fido.nfc;

import com.advapacs.clinician.fido.virtual.NfcCard;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link CardConnection} straight to a virtual key's NFC interface, without a reader,
 * that records every command APDU so tests can check how the app framed them.
 */
final class ApduLog implements CardConnection {

    private final NfcCard card;
    private final List<byte[]> commands = new CopyOnWriteArrayList<>();

    ApduLog(NfcCard card) {
        this.card = card;
    }

    @Override
    public byte[] transmit(byte[] command) throws IOException {
        commands.add(command.clone());
        try {
            return card.transmit(command);
        } catch (IllegalStateException e) {
            throw new IOException("The card left the field: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (card.poweredOn()) {
            card.reset();
        }
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
