package com.advapacs.clinician.fido.nfc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CTAP over ISO 7816 with one key on a contactless reader (CTAP 2.1 section 11.3): selects
 * the FIDO applet, sends CTAP messages as NFCCTAP_MSG and collects their replies through
 * response chaining and the NFCCTAP_GETRESPONSE keep-alive loop.
 *
 * <p>Long commands go out as chained short APDUs, which every reader supports; a key that
 * refuses chaining gets extended APDUs from then on. All calls come from the thread that
 * runs the ceremony, except {@link #cancel()}, which only raises a flag that the polling
 * loop acts on, so APDUs are never sent from two threads.
 *
 * <p>A response from which no CTAP reply can be read, such as an error status word, an empty
 * or overlong reply or a response chain without end, reaches libfido2 as the CTAP status
 * CTAP1_ERR_OTHER. The app then reports a faulty key, not a removed one.
 *
 * <p>NOTE: another program that selects the FIDO applet on the same card while a command
 * runs ends that command, which then fails in this way. A PC/SC transaction over the whole
 * command would prevent that, but javax.smartcardio binds a transaction to one thread.
 */
final class CtapNfcSession implements AutoCloseable {

    /** The version the FIDO applet returns in its response to SELECT. */
    enum Applet {
        /** "FIDO_2_0": a CTAP2-only key. */
        FIDO2,
        /** "U2F_V2": a U2F key, which may speak CTAP2 as well. */
        U2F
    }

    /** The card in the reader is not a FIDO key: it has no FIDO applet. */
    static final class NotAKeyException extends IOException {
        private static final long serialVersionUID = 1L;

        NotAKeyException(String message) {
            super(message);
        }
    }

    /**
     * The key sent a response from which no CTAP reply can be read, such as an error status
     * word for a CTAP message or a response chain without end, or kept sending keep-alives
     * past {@link #MAX_WAIT_WITHOUT_BUDGET}. libfido2 gets {@link #ctapStatus} as the reply.
     */
    static final class ProtocolException extends IOException {
        private static final long serialVersionUID = 1L;

        private final byte ctapStatus;

        ProtocolException(String message) {
            this(CTAP1_ERR_OTHER, message);
        }

        ProtocolException(byte ctapStatus, String message) {
            super(message);
            this.ctapStatus = ctapStatus;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(CtapNfcSession.class);
    /** CTAP status handed to libfido2 in place of a reply the key framed wrongly. */
    private static final byte CTAP1_ERR_OTHER = 0x7F;
    /** CTAP status handed to libfido2 when the session itself ended a cancelled command. */
    private static final byte CTAP2_ERR_KEEPALIVE_CANCEL = 0x2D;
    /** CTAP status handed to libfido2 when the key keeps its reply back too long. */
    private static final byte CTAP1_ERR_TIMEOUT = 0x05;
    /**
     * Maximum wait for a reply when libfido2 sets no time budget (a time-out of -1), so a
     * card that sends keep-alives forever cannot block the ceremony's thread for good.
     * NOTE: a chosen bound. CTAP sets none and leaves the wait for a touch to each key.
     */
    private static final Duration MAX_WAIT_WITHOUT_BUDGET = Duration.ofMinutes(5);
    /** Pause between NFCCTAP_GETRESPONSE polls while the key works or waits for the user. */
    private static final long POLL_MILLIS = 80;
    /** Upper bound on GET RESPONSE rounds for one reply: 64 KiB in 256-byte parts, and more. */
    private static final int MAX_RESPONSE_PARTS = 300;

    private final CardConnection card;
    private final Duration maxWaitWithoutBudget;
    private boolean extendedLength;
    private volatile boolean cancelRequested;
    private boolean waiting;
    private boolean endSent;
    private byte[] reply;
    private int keepAliveStatus;
    /** Set after a protocol error: the key may still run the failed command. */
    private boolean reselectNeeded;

    CtapNfcSession(CardConnection card) {
        this(card, MAX_WAIT_WITHOUT_BUDGET);
    }

    /** Creates a session that waits at most {@code maxWaitWithoutBudget} when given -1. */
    CtapNfcSession(CardConnection card, Duration maxWaitWithoutBudget) {
        this.card = card;
        this.maxWaitWithoutBudget = maxWaitWithoutBudget;
    }

    /** Selects the FIDO applet and returns which versions it announced. */
    Applet select() throws IOException {
        ResponseApdu response = exchange(CommandApdus.select());
        if (!response.ok()) {
            throw new NotAKeyException("The card has no FIDO applet (SELECT returned SW "
                    + response.statusText() + ")");
        }
        String version = new String(response.data(), StandardCharsets.US_ASCII);
        switch (version) {
            case "FIDO_2_0":
                return Applet.FIDO2;
            case "U2F_V2":
                return Applet.U2F;
            default:
                throw new NotAKeyException("The FIDO applet announced an unknown version");
        }
    }

    /** Sends a U2F command APDU and returns its response: data, then the status word. */
    byte[] u2f(byte[] apdu) throws IOException {
        ResponseApdu response = send(CommandApdus.toShortChained(apdu),
                () -> CommandApdus.toExtended(apdu));
        return response.withStatusWord();
    }

    /**
     * Sends a CTAP message (command byte, then CBOR). Its reply comes from
     * {@link #receiveCbor(int, long)}, at once or after keep-alives.
     */
    void sendCbor(byte[] message) throws IOException {
        cancelRequested = false;
        endSent = false;
        reply = null;
        waiting = false;
        if (reselectNeeded) {
            // SELECT restarts the applet, which drops a command the key may still be running.
            reselectNeeded = false;
            exchange(CommandApdus.select());
        }
        try {
            accept(send(CommandApdus.ctapMessageChained(message),
                    () -> CommandApdus.ctapMessageExtended(message)));
        } catch (ProtocolException e) {
            replyWithError(e);
        }
    }

    /**
     * Returns the reply to the last CTAP message (status byte, then CBOR), polling while the
     * key sends keep-alives; null when none came within {@code timeoutMillis}, in which case
     * a later call goes on waiting for the same reply. A reply longer than {@code maxLength}
     * bytes, like any response that breaks the framing rules, is returned as the status
     * CTAP1_ERR_OTHER. With {@code timeoutMillis} -1 the wait has no budget of its own: after
     * {@link #MAX_WAIT_WITHOUT_BUDGET} the command is ended and CTAP1_ERR_TIMEOUT returned.
     */
    byte[] receiveCbor(int timeoutMillis, long maxLength) throws IOException {
        boolean budgeted = timeoutMillis >= 0;
        long waitNanos = budgeted ? TimeUnit.MILLISECONDS.toNanos(timeoutMillis)
                : maxWaitWithoutBudget.toNanos();
        long deadline = System.nanoTime() + waitNanos;
        try {
            while (reply == null) {
                if (!waiting) {
                    throw new IOException("No CTAP message is waiting for a reply");
                }
                if (cancelRequested && !endSent) {
                    endSent = true;
                    end();
                    continue;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 && budgeted) {
                    return null;
                }
                if (left <= 0) {
                    end();
                    throw new ProtocolException(CTAP1_ERR_TIMEOUT, "The key sent keep-alives "
                            + "for " + maxWaitWithoutBudget.toMillis() + " ms without a reply");
                }
                pause(Math.min(POLL_MILLIS, left));
                accept(exchange(CommandApdus.ctapGetResponse()));
            }
            if (reply.length > maxLength) {
                reply = null;
                throw new ProtocolException("The key's CTAP reply exceeds the " + maxLength
                        + " bytes libfido2 accepts");
            }
        } catch (ProtocolException e) {
            replyWithError(e);
        }
        byte[] result = reply;
        reply = null;
        return result;
    }

    /** Asks the key to abandon the running CTAP command; safe from any thread. */
    void cancel() {
        cancelRequested = true;
    }

    /** Returns the status of the last keep-alive: 1 processing, 2 waiting for the user. */
    int keepAliveStatus() {
        return keepAliveStatus;
    }

    /**
     * Ends the connection, after ending a command that still runs. libfido2 closes a key whose
     * command it cancelled without reading the reply, as {@code TouchSelector} does with the
     * keys not chosen, and such a key would otherwise go on waiting for a touch.
     */
    @Override
    public void close() {
        if (waiting) {
            try {
                end();
            } catch (IOException e) {
                LOG.debug("Ending the running command before closing failed: {}",
                        e.getMessage());
            }
        }
        card.close();
    }

    /**
     * Sends NFCCTAP_CONTROL END; the cancelled command's reply follows as usual. A key that
     * rejects END would go on until its own time-out, so the applet is selected again, which
     * drops the command, and the reply is CTAP2_ERR_KEEPALIVE_CANCEL.
     */
    private void end() throws IOException {
        ResponseApdu response = exchange(CommandApdus.ctapEnd());
        if (response.ok() && response.data().length > 0) {
            accept(response);
        } else if (response.sw1() == ResponseApdu.CTAP_KEEP_ALIVE) {
            accept(response);
        } else if (!response.ok()) {
            LOG.debug("The key rejected NFCCTAP_CONTROL END with SW {}; selecting the applet "
                    + "again to end the command", response.statusText());
            exchange(CommandApdus.select());
            reply = new byte[] {CTAP2_ERR_KEEPALIVE_CANCEL};
            waiting = false;
        }
    }

    /**
     * Replaces the reply with the CTAP status of a protocol error, and makes the next message
     * select the applet again first.
     */
    private void replyWithError(ProtocolException e) {
        LOG.warn("No usable CTAP reply from the key on the reader, so libfido2 gets status "
                + "0x{}: {}", HexFormat.of().toHexDigits(e.ctapStatus), e.getMessage());
        reply = new byte[] {e.ctapStatus};
        waiting = false;
        reselectNeeded = true;
    }

    private void accept(ResponseApdu response) throws IOException {
        if (response.ok()) {
            if (response.data().length == 0) {
                throw new ProtocolException("The key sent an empty CTAP reply");
            }
            reply = response.data();
            waiting = false;
        } else if (response.sw1() == ResponseApdu.CTAP_KEEP_ALIVE) {
            waiting = true;
            keepAliveStatus = response.data().length > 0 ? response.data()[0] & 0xff : 0;
        } else {
            waiting = false;
            throw new ProtocolException("The key rejected the CTAP message with SW "
                    + response.statusText());
        }
    }

    /** Builds the extended form of a command only when a key needs it. */
    @FunctionalInterface
    private interface ExtendedForm {
        byte[] build();
    }

    /**
     * Sends a command as chained short APDUs. A key that rejects chaining gets the command
     * again as one extended APDU, and extended APDUs from then on.
     */
    private ResponseApdu send(List<byte[]> chained, ExtendedForm extended) throws IOException {
        if (chained.size() == 1) {
            return exchange(chained.get(0));
        }
        if (!extendedLength) {
            for (int i = 0; i < chained.size(); i++) {
                ResponseApdu response = exchange(chained.get(i));
                if (i == chained.size() - 1) {
                    return response;
                }
                if (response.statusWord() == ResponseApdu.CHAINING_UNSUPPORTED
                        || response.statusWord() == ResponseApdu.CLA_NOT_SUPPORTED) {
                    LOG.debug("The key refuses command chaining (SW {}); using extended "
                            + "APDUs", response.statusText());
                    extendedLength = true;
                    break;
                }
                if (!response.ok()) {
                    return response;
                }
            }
        }
        return exchange(extended.build());
    }

    /** Sends one command APDU and gathers a chained response with GET RESPONSE. */
    private ResponseApdu exchange(byte[] command) throws IOException {
        ResponseApdu response = ResponseApdu.parse(card.transmit(command));
        if (response.sw1() != ResponseApdu.MORE_DATA) {
            return response;
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(response.data());
        for (int part = 0; response.sw1() == ResponseApdu.MORE_DATA; part++) {
            if (part == MAX_RESPONSE_PARTS) {
                throw new ProtocolException("The key's response did not end after "
                        + MAX_RESPONSE_PARTS + " parts");
            }
            response = ResponseApdu.parse(card.transmit(
                    CommandApdus.getResponse(response.sw2())));
            data.writeBytes(response.data());
        }
        return new ResponseApdu(data.toByteArray(), response.statusWord());
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for the key");
        }
    }
}
