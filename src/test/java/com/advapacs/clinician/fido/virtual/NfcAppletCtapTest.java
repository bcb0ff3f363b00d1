package com.advapacs.clinician.fido.virtual;

import static com.advapacs.clinician.fido.virtual.Apdus.NFCCTAP_CONTROL_END;
import static com.advapacs.clinician.fido.virtual.Apdus.NFCCTAP_GETRESPONSE;
import static com.advapacs.clinician.fido.virtual.Apdus.P1_STATUS_UPDATES;
import static com.advapacs.clinician.fido.virtual.Apdus.SELECT_FIDO;
import static com.advapacs.clinician.fido.virtual.Apdus.data;
import static com.advapacs.clinician.fido.virtual.Apdus.hex;
import static com.advapacs.clinician.fido.virtual.Apdus.sw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.fido.HidReportLink;
import com.advapacs.clinician.fido.virtual.AuthenticatorConfig.Touch;
import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** CTAP commands over NFCCTAP_MSG: results, status updates, cancel, power-off and reset. */
class NfcAppletCtapTest {

    private static final byte[] GET_INFO = {0x04};
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private VirtualAuthenticator key;

    @AfterEach
    void close() {
        executor.shutdownNow();
        if (key != null) {
            key.close();
        }
    }

    private NfcCard selectedCard(AuthenticatorConfig config) {
        key = new VirtualAuthenticator(config);
        NfcCard card = key.nfcCard();
        assertEquals(0x9000, sw(card.transmit(Apdus.hex(SELECT_FIDO + "00"))));
        return card;
    }

    /**
     * Returns a key configuration that waits for {@link VirtualAuthenticator#touch()}. The
     * status update interval leaves a command time to reach the touch even in a cold JVM,
     * so its first status is UPNEEDED rather than PROCESSING.
     */
    private static AuthenticatorConfig manualTouch() {
        return new AuthenticatorConfig().touch(Touch.MANUAL)
                .keepAliveInterval(Duration.ofMillis(500));
    }

    /** Polls with NFCCTAP_GETRESPONSE while the reply is a status update, then returns it. */
    private static byte[] pollUntilDone(NfcCard card, byte[] first) {
        byte[] response = first;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sw(response) == 0x9100) {
            assertTrue(System.nanoTime() < deadline, "command still running after " + WAIT);
            response = card.transmit(hex(NFCCTAP_GETRESPONSE + "00"));
        }
        return response;
    }

    @Test
    void getInfoReturnsStatusAndCbor() {
        NfcCard card = selectedCard(new AuthenticatorConfig());

        byte[] response = card.transmit(Apdus.ctapMessage(0, GET_INFO));

        assertEquals(0x9000, sw(response));
        JsonNode info = CtapMessages.decodeSuccess(data(response));
        assertEquals("FIDO_2_0", info.get("1").get(0).stringValue());
        assertEquals("FIDO_2_1", info.get("1").get(1).stringValue());
        assertArrayEquals(new AuthenticatorConfig().aaguid, info.get("3").binaryValue());
        assertEquals(0, card.keepAlivesSent());
    }

    @Test
    void makeCredentialAndGetAssertionRoundTrip() throws Exception {
        NfcCard card = selectedCard(new AuthenticatorConfig());

        byte[] created = CtapMessages.readAll(card,
                card.transmit(Apdus.ctapMessage(0, CtapMessages.makeCredential("zoe"))));
        JsonNode attestation = CtapMessages.decodeSuccess(created);
        byte[] authData = attestation.get("2").binaryValue();
        byte[] credentialId = CtapMessages.credentialId(authData);
        PublicKey publicKey = CtapMessages.credentialPublicKey(authData);
        byte[] asserted = CtapMessages.readAll(card,
                card.transmit(Apdus.ctapMessage(0, CtapMessages.getAssertion(credentialId))));
        JsonNode assertion = CtapMessages.decodeSuccess(asserted);
        byte[] assertionData = assertion.get("2").binaryValue();

        assertEquals("packed", attestation.get("1").stringValue());
        assertArrayEquals(CtapMessages.sha256(CtapMessages.RP_ID), Arrays.copyOf(authData, 32));
        assertEquals(32, credentialId.length);
        assertTrue(CtapMessages.verify(publicKey, authData,
                attestation.get("3").get("sig").binaryValue()), "self-attestation signature");
        assertArrayEquals(credentialId, assertion.get("1").get("id").binaryValue());
        assertEquals(37, assertionData.length);
        assertEquals(0x01, assertionData[32] & 0x05, "UP without UV");
        assertEquals(1, ByteBuffer.wrap(assertionData, 33, 4).getInt(), "signature counter");
        assertTrue(CtapMessages.verify(publicKey, assertionData,
                assertion.get("3").binaryValue()), "assertion signature");
        assertEquals(1, key.credentialCount());
    }

    @Test
    void immediateResultNeedsNoStatusUpdate() {
        NfcCard card = selectedCard(new AuthenticatorConfig());

        byte[] response = card.transmit(Apdus.ctapMessage(P1_STATUS_UPDATES, GET_INFO));

        assertEquals(0x9000, sw(response));
        assertEquals(CtapStatus.OK, data(response)[0]);
        assertEquals(0, card.keepAlivesSent());
    }

    @Test
    void waitingForTouchSendsUpNeeded() {
        NfcCard card = selectedCard(manualTouch());

        byte[] first = card.transmit(Apdus.ctapMessage(P1_STATUS_UPDATES,
                CtapMessages.makeCredential("zoe")));
        byte[] second = card.transmit(hex(NFCCTAP_GETRESPONSE + "00"));
        key.touch();
        byte[] last = pollUntilDone(card, card.transmit(hex(NFCCTAP_GETRESPONSE + "00")));

        assertEquals("029100", hex(first));
        assertEquals("029100", hex(second));
        CtapMessages.decodeSuccess(CtapMessages.readAll(card, last));
        assertTrue(card.keepAlivesSent() >= 2, "status updates: " + card.keepAlivesSent());
        assertEquals(1, key.credentialCount());
        assertEquals("6985", hex(card.transmit(hex(NFCCTAP_GETRESPONSE + "00"))),
                "the result was fetched");
    }

    @Test
    void touchDelaySendsStatusUpdates() {
        NfcCard card = selectedCard(new AuthenticatorConfig().touch(Touch.AFTER_DELAY)
                .touchDelay(Duration.ofMillis(300)).keepAliveInterval(Duration.ofMillis(50)));
        long start = System.nanoTime();

        byte[] response = card.transmit(Apdus.ctapMessage(P1_STATUS_UPDATES,
                CtapMessages.makeCredential("zoe")));
        Set<String> updates = new HashSet<>();
        while (sw(response) == 0x9100) {
            updates.add(hex(response));
            response = card.transmit(hex(NFCCTAP_GETRESPONSE + "00"));
        }

        assertTrue(updates.contains("029100"), "status updates: " + updates);
        CtapMessages.decodeSuccess(CtapMessages.readAll(card, response));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos(),
                "waited for the touch");
        assertTrue(card.keepAlivesSent() >= 3, "status updates: " + card.keepAlivesSent());
    }

    @Test
    void busyKeySendsProcessing() throws Exception {
        NfcCard card = selectedCard(manualTouch());
        HidReportLink link = key.openLink();
        int channel = HidFrames.init(link);
        HidFrames.sendCbor(link, channel, CtapMessages.makeCredential("usb-user"));
        assertTrue(key.awaitTouchPrompts(1, WAIT), "the USB command waits for a touch");

        // getInfo cannot start before the USB command ends, so the key is still processing.
        byte[] first = card.transmit(Apdus.ctapMessage(P1_STATUS_UPDATES, GET_INFO));
        key.touch();
        byte[] last = pollUntilDone(card, first);

        assertEquals("019100", hex(first));
        assertEquals(0x9000, sw(last));
        assertEquals(CtapStatus.OK, data(last)[0]);
        assertEquals(1, key.credentialCount(), "the USB command finished too");
    }

    @Test
    void messageWithoutStatusUpdatesBlocks() throws Exception {
        NfcCard card = selectedCard(manualTouch());

        Future<byte[]> pending = executor.submit(() -> card.transmit(Apdus.ctapMessage(0,
                CtapMessages.makeCredential("zoe"))));
        assertTrue(key.awaitTouchPrompts(1, WAIT), "the command waits for a touch");
        Thread.sleep(150);
        boolean doneBeforeTouch = pending.isDone();
        key.touch();
        byte[] first = pending.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertFalse(doneBeforeTouch, "no reply before the touch");
        CtapMessages.decodeSuccess(CtapMessages.readAll(card, first));
        assertEquals(0, card.keepAlivesSent());
    }

    @Test
    void controlCancelsRunningCommand() {
        NfcCard card = selectedCard(manualTouch());
        assertEquals("029100", hex(card.transmit(Apdus.ctapMessage(P1_STATUS_UPDATES,
                CtapMessages.makeCredential("zoe")))));

        byte[] control = card.transmit(hex(NFCCTAP_CONTROL_END));
        byte[] result = card.transmit(hex(NFCCTAP_GETRESPONSE + "00"));

        assertEquals("9000", hex(control));
        assertEquals("2D9000", hex(result));
        assertEquals("6985", hex(card.transmit(hex(NFCCTAP_GETRESPONSE + "00"))));
        key.touch();
        assertEquals(CtapStatus.OK, data(card.transmit(Apdus.ctapMessage(0, GET_INFO)))[0]);
        assertEquals(0, key.credentialCount());
    }

    @Test
    void messageAfterCancelStartsNewCommand() {
        NfcCard card = selectedCard(manualTouch());
        card.transmit(Apdus.ctapMessage(P1_STATUS_UPDATES, CtapMessages.makeCredential("zoe")));
        assertEquals("9000", hex(card.transmit(hex(NFCCTAP_CONTROL_END))));

        byte[] response = card.transmit(Apdus.ctapMessage(P1_STATUS_UPDATES, GET_INFO));

        assertEquals(0x9000, sw(response));
        assertEquals(CtapStatus.OK, data(response)[0]);
    }

    @Test
    void controlWithoutCommandIsAccepted() {
        NfcCard card = selectedCard(new AuthenticatorConfig());

        assertEquals("9000", hex(card.transmit(hex(NFCCTAP_CONTROL_END))));
        assertEquals("6985", hex(card.transmit(hex(NFCCTAP_GETRESPONSE + "00"))));
    }

    @Test
    void secondMessageWhileRunningIsRejected() {
        NfcCard card = selectedCard(manualTouch());
        card.transmit(Apdus.ctapMessage(P1_STATUS_UPDATES, CtapMessages.makeCredential("zoe")));

        byte[] second = card.transmit(Apdus.ctapMessage(P1_STATUS_UPDATES, GET_INFO));

        assertEquals("6985", hex(second));
        assertEquals("029100", hex(card.transmit(hex(NFCCTAP_GETRESPONSE + "00"))),
                "the first command still runs");
    }

    @Test
    void getResponseWithoutCommandIsRejected() {
        NfcCard card = selectedCard(new AuthenticatorConfig());

        assertEquals("6985", hex(card.transmit(hex(NFCCTAP_GETRESPONSE + "00"))));
        assertEquals("6985", hex(card.transmit(hex(NFCCTAP_GETRESPONSE))));
    }

    @Test
    void longFinalResponseIsChained() {
        NfcCard card = selectedCard(manualTouch()
                .nfcResponseChunk(64));
        assertEquals("029100", hex(card.transmit(Apdus.ctapMessage(P1_STATUS_UPDATES,
                CtapMessages.makeCredential("zoe")))));

        key.touch();
        byte[] first = pollUntilDone(card, card.transmit(hex(NFCCTAP_GETRESPONSE + "00")));

        assertEquals(0x61, first[first.length - 2]);
        assertEquals(64, data(first).length);
        JsonNode attestation = CtapMessages.decodeSuccess(CtapMessages.readAll(card, first));
        assertEquals("packed", attestation.get("1").stringValue());
    }

    @Test
    void powerOffEndsBlockedCommandWithoutReply() throws Exception {
        NfcCard card = selectedCard(manualTouch());
        Future<byte[]> pending = executor.submit(() -> card.transmit(Apdus.ctapMessage(0,
                CtapMessages.makeCredential("zoe"))));
        assertTrue(key.awaitTouchPrompts(1, WAIT), "the command waits for a touch");

        card.powerOff();
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> pending.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        key.touch();

        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertFalse(card.poweredOn());
        assertThrows(IllegalStateException.class,
                () -> card.transmit(hex(SELECT_FIDO + "00")));
        card.powerOn();
        assertEquals("6985", hex(card.transmit(Apdus.ctapMessage(0, GET_INFO))),
                "power-off deselects the applet");
        assertEquals(0x9000, sw(card.transmit(hex(SELECT_FIDO + "00"))));
        assertEquals(CtapStatus.OK, data(card.transmit(Apdus.ctapMessage(0, GET_INFO)))[0]);
        assertEquals(0, key.credentialCount(), "the ended command made no credential");
    }

    @Test
    void powerOffDropsPolledCommand() {
        NfcCard card = selectedCard(manualTouch());
        assertEquals("029100", hex(card.transmit(Apdus.ctapMessage(P1_STATUS_UPDATES,
                CtapMessages.makeCredential("zoe")))));

        card.powerOff();
        card.powerOn();
        assertEquals(0x9000, sw(card.transmit(hex(SELECT_FIDO + "00"))));
        byte[] afterwards = card.transmit(hex(NFCCTAP_GETRESPONSE + "00"));
        key.touch();
        // The worker runs one command at a time, so getInfo returns after the dropped one ended.
        byte[] info = card.transmit(Apdus.ctapMessage(0, GET_INFO));

        assertEquals("6985", hex(afterwards));
        assertEquals(CtapStatus.OK, data(info)[0]);
        assertEquals(0, key.credentialCount());
    }

    @Test
    void powerCycleReopensResetWindow() throws Exception {
        NfcCard card = selectedCard(new AuthenticatorConfig().resetWindow(Duration.ofMillis(200)));
        byte[] reset = {Ctap2Authenticator.RESET};
        Thread.sleep(300);

        byte[] late = card.transmit(Apdus.ctapMessage(0, reset));
        card.powerOff();
        card.powerOn();
        card.transmit(hex(SELECT_FIDO + "00"));
        byte[] afterPowerCycle = card.transmit(Apdus.ctapMessage(0, reset));

        assertEquals("309000", hex(late), "CTAP2_ERR_NOT_ALLOWED after the window");
        assertEquals("009000", hex(afterPowerCycle));
    }

    @Test
    void resetDeselectsAndDropsCommand() {
        NfcCard card = selectedCard(manualTouch());
        card.transmit(Apdus.ctapMessage(P1_STATUS_UPDATES, CtapMessages.makeCredential("zoe")));

        card.reset();
        byte[] beforeSelect = card.transmit(hex(NFCCTAP_GETRESPONSE + "00"));
        card.transmit(hex(SELECT_FIDO + "00"));
        byte[] afterSelect = card.transmit(hex(NFCCTAP_GETRESPONSE + "00"));
        key.touch();
        byte[] info = card.transmit(Apdus.ctapMessage(0, GET_INFO));

        assertEquals("6985", hex(beforeSelect));
        assertEquals("6985", hex(afterSelect));
        assertEquals(CtapStatus.OK, data(info)[0]);
        assertEquals(0, key.credentialCount());
        assertTrue(card.poweredOn());
    }

    @Test
    void selectDropsRunningCommand() {
        NfcCard card = selectedCard(manualTouch());
        card.transmit(Apdus.ctapMessage(P1_STATUS_UPDATES, CtapMessages.makeCredential("zoe")));

        byte[] select = card.transmit(hex(SELECT_FIDO + "00"));
        byte[] afterwards = card.transmit(hex(NFCCTAP_GETRESPONSE + "00"));

        assertEquals(0x9000, sw(select));
        assertEquals("6985", hex(afterwards));
    }

    @Test
    void transmitWhilePoweredOffFails() {
        NfcCard card = selectedCard(new AuthenticatorConfig());
        card.powerOff();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> card.transmit(hex(SELECT_FIDO + "00")));

        assertEquals("the NFC card is powered off", e.getMessage());
    }

    /** Minimal CTAPHID framing, enough to keep the key busy with one command over USB. */
    private static final class HidFrames {

        private static final int BROADCAST = 0xffffffff;

        static int init(HidReportLink link) throws Exception {
            ByteBuffer request = ByteBuffer.allocate(CtapHidTransport.REPORT_SIZE);
            request.putInt(BROADCAST).put((byte) 0x86).putShort((short) 8);
            request.put(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            link.write(request.array());
            byte[] reply = link.read((int) WAIT.toMillis());
            return ByteBuffer.wrap(reply).getInt(7 + 8);
        }

        static void sendCbor(HidReportLink link, int channel, byte[] message) throws Exception {
            int initData = CtapHidTransport.REPORT_SIZE - 7;
            int continuationData = CtapHidTransport.REPORT_SIZE - 5;
            ByteBuffer first = ByteBuffer.allocate(CtapHidTransport.REPORT_SIZE);
            first.putInt(channel).put((byte) 0x90).putShort((short) message.length);
            int sent = Math.min(message.length, initData);
            first.put(message, 0, sent);
            link.write(first.array());
            for (int sequence = 0; sent < message.length; sequence++) {
                ByteBuffer next = ByteBuffer.allocate(CtapHidTransport.REPORT_SIZE);
                int chunk = Math.min(message.length - sent, continuationData);
                next.putInt(channel).put((byte) sequence).put(message, sent, chunk);
                sent += chunk;
                link.write(next.array());
            }
        }
    }
}
