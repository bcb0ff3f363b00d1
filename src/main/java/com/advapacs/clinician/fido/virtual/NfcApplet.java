package com.advapacs.clinician.fido.virtual;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FIDO applet of a virtual key on NFC (CTAP 2.1 section 11.3, and U2F over NFC for a
 * U2F-only key). It processes ISO/IEC 7816-4 command APDUs: SELECT of the FIDO AID,
 * NFCCTAP_MSG with the CTAP command byte and CBOR, NFCCTAP_GETRESPONSE, NFCCTAP_CONTROL,
 * and GET RESPONSE for response chaining. It accepts command chaining and extended
 * lengths unless {@link AuthenticatorConfig} switches them off.
 *
 * <p>The applet is strict so that client mistakes show: a wrong class byte, an unknown
 * instruction, a malformed length or a command before SELECT gets an error status word, not
 * a guess. CTAP commands run through the same {@link Ctap2Authenticator} as over CTAPHID,
 * on a worker thread.
 */
final class NfcApplet {

    /** PC/SC ATR of a contactless card without historical bytes: T=1, TCK 0x01. */
    static final byte[] ATR = {0x3b, (byte) 0x80, (byte) 0x80, 0x01, 0x01};
    /** The AID of the FIDO applet. */
    static final byte[] FIDO_AID = HexFormat.of().parseHex("a0000006472f0001");

    static final int INS_U2F_VERSION = 0x03;
    static final int INS_NFCCTAP_MSG = 0x10;
    static final int INS_NFCCTAP_GETRESPONSE = 0x11;
    static final int INS_NFCCTAP_CONTROL = 0x12;
    static final int INS_SELECT = 0xa4;
    static final int INS_GET_RESPONSE = 0xc0;

    private static final Logger LOG = LoggerFactory.getLogger(NfcApplet.class);
    private static final int CLA_ISO = 0x00;
    private static final int CLA_PROPRIETARY = 0x80;
    private static final int P1_SELECT_BY_NAME = 0x04;
    /** NFCCTAP_MSG P1 bit: the client can poll with NFCCTAP_GETRESPONSE. */
    private static final int P1_GETRESPONSE_SUPPORTED = 0x80;
    private static final int CONTROL_END_TRANSACTION = 0x01;
    /** Largest command data a chain may assemble, the same as one extended APDU. */
    private static final int MAX_COMMAND_DATA = 65535;
    private static final byte[] VERSION_FIDO_2_0 = "FIDO_2_0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VERSION_U2F_V2 = "U2F_V2".getBytes(StandardCharsets.US_ASCII);

    private final AuthenticatorConfig config;
    private final Ctap2Authenticator authenticator;
    private final UserPresence presence;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "virtual-key-nfc-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger keepAlivesSent = new AtomicInteger();

    // The fields below are guarded by this object's monitor.
    private boolean poweredOn = true;
    /** Counts power-offs and resets, so a transmit that waits notices either. */
    private int session;
    private boolean transmitting;
    private boolean selected;
    private Chain chain;
    private byte[] pendingResponse;
    private int pendingOffset;
    private Transaction transaction;

    NfcApplet(AuthenticatorConfig config, Ctap2Authenticator authenticator,
            UserPresence presence) {
        this.config = config;
        this.authenticator = authenticator;
        this.presence = presence;
    }

    /**
     * Processes one command APDU and returns the response data followed by SW1 SW2.
     *
     * @throws IllegalStateException when the card is powered off, when another transmit is
     *     in progress, or when the card is powered off or reset before it replies
     */
    synchronized byte[] transmit(byte[] apdu) {
        if (!poweredOn) {
            throw new IllegalStateException("the NFC card is powered off");
        }
        if (transmitting) {
            throw new IllegalStateException("another command APDU is still in progress");
        }
        transmitting = true;
        try {
            return process(apdu);
        } catch (ApduException e) {
            return statusWord(e.statusWord());
        } finally {
            transmitting = false;
        }
    }

    private byte[] process(byte[] apdu) throws ApduException {
        CommandApdu command = CommandApdu.parse(apdu, config.nfcExtendedLength);
        checkClass(command);
        if (command.ins == INS_SELECT) {
            return select(command);
        }
        if (command.ins != INS_GET_RESPONSE) {
            // Any command other than GET RESPONSE discards the rest of a chained response.
            pendingResponse = null;
        }
        if (!selected) {
            chain = null;
            throw new ApduException(Iso7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        CommandApdu whole = assemble(command);
        if (whole == null) {
            return statusWord(Iso7816.SW_NO_ERROR);
        }
        switch (whole.ins) {
            case INS_GET_RESPONSE:
                return getResponse(whole);
            case INS_U2F_VERSION:
                return u2fVersion(whole);
            case INS_NFCCTAP_MSG:
                return ctapMessage(whole);
            case INS_NFCCTAP_GETRESPONSE:
                return ctapGetResponse(whole);
            case INS_NFCCTAP_CONTROL:
                return ctapControl(whole);
            default:
                throw new ApduException(Iso7816.SW_INS_NOT_SUPPORTED);
        }
    }

    /**
     * Checks the class byte against the instruction: ISO commands use CLA 0x00 and the
     * NFCCTAP commands 0x80. Only NFCCTAP_MSG may set the chaining bit 0x10.
     */
    private void checkClass(CommandApdu command) throws ApduException {
        int base = command.baseCla();
        if (base != CLA_ISO && base != CLA_PROPRIETARY) {
            throw new ApduException(Iso7816.SW_CLA_NOT_SUPPORTED);
        }
        int expected = expectedClass(command.ins);
        boolean chainable = command.ins == INS_NFCCTAP_MSG;
        int cla = chainable ? base : command.cla;
        if (cla != expected) {
            throw new ApduException(Iso7816.SW_CLA_NOT_SUPPORTED);
        }
    }

    /** Returns the class byte of an instruction this key supports. */
    private int expectedClass(int ins) throws ApduException {
        if (ins == INS_SELECT || ins == INS_GET_RESPONSE) {
            return CLA_ISO;
        }
        if (config.u2fOnly && ins == INS_U2F_VERSION) {
            return CLA_ISO;
        }
        if (!config.u2fOnly && (ins == INS_NFCCTAP_MSG || ins == INS_NFCCTAP_GETRESPONSE
                || ins == INS_NFCCTAP_CONTROL)) {
            return CLA_PROPRIETARY;
        }
        throw new ApduException(Iso7816.SW_INS_NOT_SUPPORTED);
    }

    /**
     * Collects the parts of a chained command. Returns the whole command after its last
     * part, or null after a part that more parts follow.
     */
    private CommandApdu assemble(CommandApdu part) throws ApduException {
        if (chain != null && !chain.continuedBy(part)) {
            chain = null;
            throw new ApduException(Iso7816.SW_LAST_COMMAND_EXPECTED);
        }
        if (part.chained() && !config.nfcCommandChaining) {
            throw new ApduException(Iso7816.SW_COMMAND_CHAINING_NOT_SUPPORTED);
        }
        if (chain == null && !part.chained()) {
            return part;
        }
        if (chain == null) {
            chain = new Chain(part);
        }
        if (!chain.append(part.data)) {
            chain = null;
            throw new ApduException(Iso7816.SW_WRONG_LENGTH);
        }
        if (part.chained()) {
            return null;
        }
        CommandApdu whole = part.withData(chain.data());
        chain = null;
        return whole;
    }

    /** Selects the FIDO applet by its AID. Any SELECT also ends a chain and a running command. */
    private byte[] select(CommandApdu command) throws ApduException {
        chain = null;
        pendingResponse = null;
        if (command.p1 != P1_SELECT_BY_NAME || command.p2 != 0) {
            throw new ApduException(Iso7816.SW_INCORRECT_P1P2);
        }
        if (!Arrays.equals(command.data, FIDO_AID)) {
            throw new ApduException(Iso7816.SW_FILE_NOT_FOUND);
        }
        abandonTransaction(false);
        selected = true;
        return respond(config.u2fOnly ? VERSION_U2F_V2 : VERSION_FIDO_2_0, command.ne);
    }

    private byte[] getResponse(CommandApdu command) throws ApduException {
        requireNoParameters(command);
        if (pendingResponse == null) {
            throw new ApduException(Iso7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        return nextResponsePart(command.ne);
    }

    private byte[] u2fVersion(CommandApdu command) throws ApduException {
        requireNoParameters(command);
        return respond(VERSION_U2F_V2, command.ne);
    }

    /** Starts a CTAP command (NFCCTAP_MSG). With P1 0x80 the reply may be a status update. */
    private byte[] ctapMessage(CommandApdu command) throws ApduException {
        boolean statusUpdates = command.p1 == P1_GETRESPONSE_SUPPORTED;
        if ((command.p1 != 0 && !statusUpdates) || command.p2 != 0) {
            throw new ApduException(Iso7816.SW_INCORRECT_P1P2);
        }
        if (transaction != null && !transaction.finished && !transaction.cancelled.get()) {
            throw new ApduException(Iso7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        // A finished or cancelled command whose result the client did not fetch is dropped.
        transaction = new Transaction(statusUpdates);
        Transaction started = transaction;
        byte[] message = command.data;
        worker.execute(() -> run(started, message));
        return reply(started, command.ne);
    }

    /** Returns the next status update or the result of the command (NFCCTAP_GETRESPONSE). */
    private byte[] ctapGetResponse(CommandApdu command) throws ApduException {
        requireNoParameters(command);
        if (transaction == null) {
            throw new ApduException(Iso7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        return reply(transaction, command.ne);
    }

    /**
     * Cancels a running command (NFCCTAP_CONTROL with CTAP_CONTROL_END_TRANSACTION). The
     * command then ends with CTAP2_ERR_KEEPALIVE_CANCEL for the next NFCCTAP_GETRESPONSE.
     */
    private byte[] ctapControl(CommandApdu command) throws ApduException {
        if (command.p1 != CONTROL_END_TRANSACTION || command.p2 != 0) {
            throw new ApduException(Iso7816.SW_INCORRECT_P1P2);
        }
        if (command.data.length != 0) {
            throw new ApduException(Iso7816.SW_WRONG_LENGTH);
        }
        if (transaction != null && !transaction.finished) {
            transaction.cancelled.set(true);
            presence.wake();
        }
        return statusWord(Iso7816.SW_NO_ERROR);
    }

    private static void requireNoParameters(CommandApdu command) throws ApduException {
        if (command.p1 != 0 || command.p2 != 0) {
            throw new ApduException(Iso7816.SW_INCORRECT_P1P2);
        }
        if (command.data.length != 0) {
            throw new ApduException(Iso7816.SW_WRONG_LENGTH);
        }
    }

    private void run(Transaction started, byte[] message) {
        byte[] response = null;
        try {
            response = authenticator.handle(message, started);
        } catch (DeviceRemovedException e) {
            // A card that left the field, or an unplugged key, sends nothing.
        } catch (RuntimeException e) {
            LOG.error("Virtual key failed to run an NFC CTAP command", e);
        } finally {
            synchronized (this) {
                started.finished = true;
                started.response = response;
                notifyAll();
            }
        }
    }

    /**
     * Waits for the command to finish, then returns its response. A command started with
     * status updates gets a 9100 reply instead when it reports a new status or when
     * {@link AuthenticatorConfig#keepAliveInterval} passes first. A cancelled command is
     * always waited for, because it ends at its next check of the cancel flag.
     */
    private byte[] reply(Transaction running, int ne) {
        int startSession = session;
        long deadline = System.nanoTime() + config.keepAliveInterval.toNanos();
        while (!running.finished) {
            boolean untilFinished = !running.statusUpdates || running.cancelled.get();
            long left = deadline - System.nanoTime();
            if (!untilFinished
                    && (running.statusReports > running.statusReportsSent || left <= 0)) {
                running.statusReportsSent = running.statusReports;
                keepAlivesSent.incrementAndGet();
                return withStatus(new byte[] {(byte) running.status},
                        Iso7816.SW_CTAP_STATUS_UPDATE);
            }
            waitForChange(untilFinished ? 0 : Math.max(1, left / 1_000_000));
            if (session != startSession) {
                throw new IllegalStateException(
                        "the NFC card was reset or left the field before it replied");
            }
        }
        transaction = null;
        if (running.response == null) {
            return statusWord(Iso7816.SW_UNKNOWN);
        }
        return respond(running.response, ne);
    }

    private void waitForChange(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a CTAP command", e);
        }
    }

    /** Starts a response and returns its first part, with 61xx when more follows. */
    private byte[] respond(byte[] data, int ne) {
        pendingResponse = data;
        pendingOffset = 0;
        return nextResponsePart(ne);
    }

    private byte[] nextResponsePart(int ne) {
        int remaining = pendingResponse.length - pendingOffset;
        int count = Math.min(remaining, Math.min(ne, config.nfcResponseChunk));
        byte[] part = Arrays.copyOfRange(pendingResponse, pendingOffset, pendingOffset + count);
        pendingOffset += count;
        remaining -= count;
        if (remaining == 0) {
            pendingResponse = null;
            return withStatus(part, Iso7816.SW_NO_ERROR);
        }
        int available = remaining >= CommandApdu.MAX_SHORT_NE ? 0 : remaining;
        return withStatus(part, Iso7816.SW_BYTES_REMAINING_00 | available);
    }

    /**
     * Ends a running command without a reply and drops its result. A removed command
     * ends as on unplugging, otherwise as cancelled.
     */
    private void abandonTransaction(boolean removed) {
        if (transaction == null) {
            return;
        }
        if (removed) {
            transaction.removed = true;
        } else {
            transaction.cancelled.set(true);
        }
        transaction = null;
        presence.wake();
    }

    /** Powers the card up in a field again, which power-cycles the key. */
    void powerOn() {
        synchronized (this) {
            if (poweredOn) {
                return;
            }
        }
        // Outside this monitor: the worker may hold the authenticator while it reports.
        authenticator.powerUp();
        synchronized (this) {
            poweredOn = true;
        }
    }

    /**
     * Takes the card out of the field: a running command ends as on unplugging, with no
     * reply, and the applet is deselected.
     */
    synchronized void powerOff() {
        if (!poweredOn) {
            return;
        }
        poweredOn = false;
        endSession(true);
    }

    /** Resets the card: deselects the applet and ends a running command without a reply. */
    synchronized void reset() {
        endSession(false);
    }

    private void endSession(boolean removed) {
        session++;
        abandonTransaction(removed);
        selected = false;
        chain = null;
        pendingResponse = null;
        notifyAll();
    }

    synchronized boolean poweredOn() {
        return poweredOn;
    }

    int keepAlivesSent() {
        return keepAlivesSent.get();
    }

    void shutdown() {
        worker.shutdownNow();
    }

    private static byte[] statusWord(int sw) {
        return withStatus(new byte[0], sw);
    }

    private static byte[] withStatus(byte[] data, int sw) {
        byte[] response = Arrays.copyOf(data, data.length + 2);
        response[data.length] = (byte) (sw >> 8);
        response[data.length + 1] = (byte) sw;
        return response;
    }

    /** A CTAP command started by NFCCTAP_MSG and the state of its replies. */
    private final class Transaction implements CommandContext {
        final boolean statusUpdates;
        final AtomicBoolean cancelled = new AtomicBoolean();
        volatile boolean removed;
        // The fields below are guarded by the applet's monitor.
        int status = STATUS_PROCESSING;
        int statusReports;
        int statusReportsSent;
        boolean finished;
        byte[] response;

        Transaction(boolean statusUpdates) {
            this.statusUpdates = statusUpdates;
        }

        @Override
        public boolean cancelled() {
            return cancelled.get();
        }

        @Override
        public boolean removed() {
            return removed;
        }

        @Override
        public void keepAlive(int value) {
            synchronized (NfcApplet.this) {
                status = value;
                statusReports++;
                NfcApplet.this.notifyAll();
            }
        }
    }

    /** The header and data of a chained command so far. */
    private static final class Chain {
        private final CommandApdu first;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();

        Chain(CommandApdu first) {
            this.first = first;
        }

        boolean continuedBy(CommandApdu part) {
            return part.baseCla() == first.baseCla() && part.ins == first.ins
                    && part.p1 == first.p1 && part.p2 == first.p2;
        }

        /** Appends a part's data, or returns false when the total would exceed 65535 bytes. */
        boolean append(byte[] part) {
            if (data.size() + part.length > MAX_COMMAND_DATA) {
                return false;
            }
            data.writeBytes(part);
            return true;
        }

        byte[] data() {
            return data.toByteArray();
        }
    }
}
