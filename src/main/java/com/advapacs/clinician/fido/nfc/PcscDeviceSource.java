package com.advapacs.clinician.fido.nfc;

import com.advapacs.clinician.fido.DeviceEntry;
import com.advapacs.clinician.fido.DeviceSource;
import com.advapacs.clinician.fido.Transport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the security keys held on contactless readers. A card in a reader counts as a key
 * only when its FIDO applet can be selected, so a hospital badge on the same reader is
 * not offered. Each card is probed once while it stays in its reader.
 */
public final class PcscDeviceSource implements DeviceSource {

    /** Prefix of the device path of a key on a reader; the reader's name follows. */
    public static final String PATH_PREFIX = "pcsc://";
    /** Product name of a key on a reader: NFC does not tell a key's model. */
    public static final String PRODUCT = "NFC security key";

    private static final Logger LOG = LoggerFactory.getLogger(PcscDeviceSource.class);

    /**
     * Whether the card in each reader is a key, by reader name, forgotten when the reader
     * is seen empty.
     */
    private final Map<String, Boolean> probes = new HashMap<>();

    /** Returns the names of the readers attached now. */
    public List<String> readers() {
        List<String> names = new ArrayList<>();
        for (CardTerminal reader : PcscReaders.list()) {
            names.add(reader.getName());
        }
        return names;
    }

    /**
     * Describes the attached readers for IT staff, or why none can be seen, such as
     * pcscd not running (SCARD_E_NO_SERVICE).
     */
    public String describeReaders() {
        List<String> names = readers();
        if (!names.isEmpty()) {
            return names.size() + " found: " + String.join(", ", names);
        }
        String problem = PcscReaders.lastProblem();
        if (problem == null || problem.contains("NO_READERS")) {
            return "none attached";
        }
        return "none found: the smart-card service does not respond (" + problem + "). "
                + "NFC readers need it running; on Linux: systemctl enable --now pcscd.socket";
    }

    @Override
    public synchronized List<DeviceEntry> devices() {
        List<DeviceEntry> entries = new ArrayList<>();
        for (CardTerminal reader : PcscReaders.list()) {
            String name = reader.getName();
            if (!cardPresent(reader)) {
                probes.remove(name);
                continue;
            }
            Boolean fido = probes.get(name);
            if (fido == null) {
                fido = probe(reader);
                if (fido == null) {
                    continue;
                }
                probes.put(name, fido);
            }
            if (fido) {
                entries.add(new DeviceEntry(PATH_PREFIX + name, PRODUCT, name, Transport.NFC,
                        NfcCallbacks.connector(() -> PcscCardConnection.open(reader))));
            }
        }
        return entries;
    }

    private static boolean cardPresent(CardTerminal reader) {
        try {
            return reader.isCardPresent();
        } catch (CardException e) {
            LOG.debug("Reader {} did not report its card: {}", reader.getName(),
                    PcscReaders.reason(e));
            return false;
        }
    }

    /**
     * Returns whether the card in {@code reader} is a FIDO key, or null when it left.
     *
     * <p>NOTE: a card that is slow to respond to SELECT blocks every PC/SC call of the JVM,
     * which shares one context, until it responds. vpcd sets no time limit; reader drivers
     * set their own.
     */
    private static Boolean probe(CardTerminal reader) {
        try (PcscCardConnection card = PcscCardConnection.open(reader);
                CtapNfcSession session = new CtapNfcSession(card)) {
            try {
                session.select();
                return true;
            } catch (CtapNfcSession.NotAKeyException e) {
                LOG.info("The card on reader {} is not a security key: {}", reader.getName(),
                        e.getMessage());
                return false;
            }
        } catch (IOException e) {
            LOG.debug("Probing the card on reader {} failed: {}", reader.getName(),
                    e.getMessage());
            return null;
        }
    }
}
