package com.advapacs.clinician.fido.nfc;

import static com.advapacs.clinician.fido.nfc.NfcCeremonyTest.entry;
import static com.advapacs.clinician.fido.nfc.NfcCeremonyTest.longRegistration;
import static com.advapacs.clinician.fido.nfc.NfcCeremonyTest.registration;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.fido.CeremonyFailure;
import com.advapacs.clinician.fido.DeviceEntry;
import com.advapacs.clinician.fido.FidoDevice;
import com.advapacs.clinician.fido.FidoException;
import com.advapacs.clinician.fido.FidoProblem;
import com.advapacs.clinician.fido.RegistrationCeremony;
import com.advapacs.clinician.fido.RegistrationRequest;
import com.advapacs.clinician.fido.RegistrationResult;
import com.advapacs.clinician.fido.TouchSelector;
import com.advapacs.clinician.fido.Transport;
import com.advapacs.clinician.fido.jna.FidoErrorCode;
import com.advapacs.clinician.fido.virtual.AuthenticatorConfig;
import com.advapacs.clinician.fido.virtual.AuthenticatorConfig.Touch;
import com.advapacs.clinician.fido.virtual.NfcCard;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keys that break the rules of CTAP over ISO 7816, or leave the field midway, as seen by a
 * libfido2 ceremony: each must end in a bounded failure with the usual {@link FidoProblem}.
 * A virtual key processes the APDUs until the app sends a chosen CTAP command, and from then
 * on a scripted card responds to every APDU.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NfcFaultTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAKE_CREDENTIAL = 0x01;
    private static final int CLA_CTAP = 0x80;
    private static final int CLA_CHAINED = 0x90;
    private static final int INS_CTAP_MSG = 0x10;
    private static final int INS_CTAP_GET_RESPONSE = 0x11;
    private static final int INS_CTAP_CONTROL = 0x12;
    private static final int INS_SELECT = 0xA4;
    private static final int INS_GET_RESPONSE = 0xC0;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void emptyFinalReplyIsProtocolError() throws Exception {
        FidoException e = makeCredentialFails(new AuthenticatorConfig(),
                key -> fromCtapCommand(key, MAKE_CREDENTIAL, command -> bytes(0x90, 0x00)));

        assertEquals(FidoProblem.KEY_PROTOCOL_ERROR, e.problem());
    }

    @Test
    void rejectedMessageIsProtocolError() throws Exception {
        FidoException e = makeCredentialFails(new AuthenticatorConfig(),
                key -> fromCtapCommand(key, MAKE_CREDENTIAL, command -> bytes(0x6F, 0x00)));

        assertEquals(FidoProblem.KEY_PROTOCOL_ERROR, e.problem());
    }

    @Test
    void endlessResponseChainStops() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig())) {
            ApduLog log = new ApduLog(fromCtapCommand(key.nfcCard(), MAKE_CREDENTIAL,
                    command -> withStatus(new byte[256], 0x6100)));
            try (FidoDevice device = FidoDevice.open(entry(log), TIMEOUT)) {
                FidoException e = assertThrows(FidoException.class,
                        () -> RegistrationCeremony.makeCredential(device,
                                registration("zoe").build(), null));

                assertEquals(FidoProblem.KEY_PROTOCOL_ERROR, e.problem());
                long getResponses = log.count(0x00, INS_GET_RESPONSE);
                assertTrue(getResponses <= 300, "GET RESPONSE commands: " + getResponses);
            }
        }
    }

    @Test
    void replyLongerThanLibfido2Buffer() throws Exception {
        // Debian's libfido2 1.12 reads CTAP replies of up to 4096 bytes.
        FidoException e = makeCredentialFails(new AuthenticatorConfig(),
                key -> fromCtapCommand(key, MAKE_CREDENTIAL,
                        command -> withStatus(new byte[5000], 0x9000)));

        assertEquals(FidoProblem.KEY_PROTOCOL_ERROR, e.problem());
    }

    @Test
    void chainingAndExtendedRejected() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .nfcCommandChaining(false).nfcExtendedLength(false));
                FidoDevice device = FidoDevice.open(entry(new ApduLog(key.nfcCard())),
                        TIMEOUT)) {
            FidoException e = assertThrows(FidoException.class,
                    () -> RegistrationCeremony.makeCredential(device,
                            longRegistration().build(), null));

            assertEquals(FidoProblem.KEY_PROTOCOL_ERROR, e.problem());
        }
    }

    @Test
    void chainingRejectedOnLastPart() throws Exception {
        AtomicBoolean chainStarted = new AtomicBoolean();
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig())) {
            ApduLog log = new ApduLog(command -> {
                if (isCommand(command, CLA_CHAINED, INS_CTAP_MSG)) {
                    chainStarted.set(true);
                } else if (chainStarted.get() && isCommand(command, CLA_CTAP, INS_CTAP_MSG)) {
                    return bytes(0x68, 0x84);
                }
                return key.nfcCard().transmit(command);
            });
            try (FidoDevice device = FidoDevice.open(entry(log), TIMEOUT)) {
                FidoException e = assertThrows(FidoException.class,
                        () -> RegistrationCeremony.makeCredential(device,
                                longRegistration().build(), null));

                assertEquals(FidoProblem.KEY_PROTOCOL_ERROR, e.problem());
                assertEquals(0, log.extendedCount(), "no fallback after the whole chain");
            }
        }
    }

    @Test
    void chainingRejectedOnSecondPart() throws Exception {
        AtomicInteger chainedParts = new AtomicInteger();
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig())) {
            ApduLog log = new ApduLog(command -> {
                if (isCommand(command, CLA_CHAINED, INS_CTAP_MSG)
                        && chainedParts.incrementAndGet() == 2) {
                    return bytes(0x68, 0x84);
                }
                return key.nfcCard().transmit(command);
            });
            try (FidoDevice device = FidoDevice.open(entry(log), TIMEOUT)) {
                FidoException e = assertThrows(FidoException.class,
                        () -> RegistrationCeremony.makeCredential(device,
                                longRegistration().build(), null));

                assertEquals(FidoProblem.KEY_PROTOCOL_ERROR, e.problem());
                assertEquals(1, log.extendedCount(), "extended APDU after the rejected part");
            }
        }
    }

    @Test
    void keyUsableAfterProtocolError() throws Exception {
        AtomicBoolean failed = new AtomicBoolean();
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .touch(Touch.MANUAL).userActionTimeout(Duration.ofSeconds(20)))) {
            // The first poll during makeCredential fails while the key waits for a touch.
            ApduLog log = new ApduLog(fromCtapCommand(key.nfcCard(), MAKE_CREDENTIAL,
                    command -> {
                        if (isCommand(command, CLA_CTAP, INS_CTAP_GET_RESPONSE)
                                && failed.compareAndSet(false, true)) {
                            return bytes(0x6F, 0x00);
                        }
                        return key.nfcCard().transmit(command);
                    }));
            try (FidoDevice device = FidoDevice.open(entry(log), TIMEOUT)) {
                FidoException e = assertThrows(FidoException.class,
                        () -> RegistrationCeremony.makeCredential(device,
                                registration("zoe").build(), null));
                assertEquals(FidoProblem.KEY_PROTOCOL_ERROR, e.problem());

                Future<RegistrationResult> second = executor.submit(() ->
                        RegistrationCeremony.makeCredential(device,
                                registration("zoe").build(), null));
                assertTrue(key.awaitTouchPrompts(2, Duration.ofSeconds(5)),
                        "the second request reached the key");
                key.touch();

                assertEquals(32, second.get().credentialId().length);
                assertEquals(1, key.credentialCount());
            }
        }
    }

    @Test
    void endlessKeepAlivesTimeOut() throws Exception {
        long start = System.nanoTime();

        FidoException e = makeCredentialFails(new AuthenticatorConfig(), Duration.ofSeconds(1),
                key -> fromCtapCommand(key, MAKE_CREDENTIAL,
                        command -> bytes(0x02, 0x91, 0x00)));

        assertEquals(FidoProblem.TIMED_OUT, e.problem());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
    }

    @Test
    void keepAlivesWithoutBudgetEnd() throws Exception {
        ApduLog card = new ApduLog(command -> isCommand(command, 0x00, INS_SELECT)
                ? withStatus("FIDO_2_0".getBytes(StandardCharsets.US_ASCII), 0x9000)
                : bytes(0x02, 0x91, 0x00));
        try (CtapNfcSession session = new CtapNfcSession(card, Duration.ofMillis(300))) {
            session.select();
            session.sendCbor(new byte[] {MAKE_CREDENTIAL, (byte) 0xA0});

            byte[] reply = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> session.receiveCbor(-1, 4096));

            assertArrayEquals(new byte[] {FidoErrorCode.TIMEOUT}, reply);
            assertEquals(1, card.count(CLA_CTAP, INS_CTAP_CONTROL), "the command was ended");
        }
    }

    @Test
    void keyLeavesDuringCommandChaining() throws Exception {
        FidoException e = makeCredentialFails(new AuthenticatorConfig(), longRegistration(),
                key -> command -> {
                    if (isCommand(command, CLA_CHAINED, INS_CTAP_MSG)) {
                        key.powerOff();
                    }
                    return key.transmit(command);
                });

        assertEquals(FidoProblem.KEY_REMOVED, e.problem());
    }

    @Test
    void keyLeavesDuringResponseChaining() throws Exception {
        AtomicInteger getResponses = new AtomicInteger();
        FidoException e = makeCredentialFails(new AuthenticatorConfig().nfcResponseChunk(32),
                key -> fromCtapCommand(key, MAKE_CREDENTIAL, command -> {
                    if (isCommand(command, 0x00, INS_GET_RESPONSE)
                            && getResponses.incrementAndGet() == 2) {
                        key.powerOff();
                    }
                    return key.transmit(command);
                }));

        assertEquals(FidoProblem.KEY_REMOVED, e.problem());
        assertEquals(2, getResponses.get());
    }

    @Test
    void cancelBeforeFirstKeepAlive() throws Exception {
        CountDownLatch messageArrived = new CountDownLatch(1);
        CountDownLatch cancelSent = new CountDownLatch(1);
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .touch(Touch.MANUAL).userActionTimeout(Duration.ofSeconds(20)))) {
            ApduLog log = new ApduLog(fromCtapCommand(key.nfcCard(), MAKE_CREDENTIAL,
                    command -> {
                        if (isCommand(command, CLA_CTAP, INS_CTAP_MSG)) {
                            messageArrived.countDown();
                            awaitQuietly(cancelSent);
                        }
                        return key.nfcCard().transmit(command);
                    }));
            try (FidoDevice device = FidoDevice.open(entry(log), TIMEOUT)) {
                Future<RegistrationResult> pending = executor.submit(() ->
                        RegistrationCeremony.makeCredential(device,
                                registration("zoe").build(), null));
                assertTrue(messageArrived.await(5, TimeUnit.SECONDS));

                device.cancel();
                cancelSent.countDown();

                assertEquals(FidoProblem.CANCELLED, CeremonyFailure.of(pending, 10).problem());
                assertEquals(1, log.count(CLA_CTAP, INS_CTAP_CONTROL));
                assertEquals(0, key.credentialCount());
            }
        }
    }

    @Test
    void cancelWhenControlRejected() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .touch(Touch.MANUAL).userActionTimeout(Duration.ofSeconds(20)))) {
            ApduLog log = new ApduLog(command -> isCommand(command, CLA_CTAP, INS_CTAP_CONTROL)
                    ? bytes(0x6D, 0x00) : key.nfcCard().transmit(command));
            try (FidoDevice device = FidoDevice.open(entry(log), TIMEOUT)) {
                Future<RegistrationResult> pending = executor.submit(() ->
                        RegistrationCeremony.makeCredential(device,
                                registration("zoe").build(), null));
                assertTrue(key.awaitTouchPrompts(1, Duration.ofSeconds(5)));
                long start = System.nanoTime();

                device.cancel();

                assertEquals(FidoProblem.CANCELLED, CeremonyFailure.of(pending, 10).problem());
                assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos());
                assertEquals(1, log.count(CLA_CTAP, INS_CTAP_CONTROL));
                assertEquals(0, key.credentialCount());
            }
        }
    }

    @Test
    void unselectedKeyStopsWaiting() throws Exception {
        AuthenticatorConfig manual = new AuthenticatorConfig().touch(Touch.MANUAL)
                .userActionTimeout(Duration.ofSeconds(20));
        try (VirtualAuthenticator first = new VirtualAuthenticator(manual.product("first"));
                VirtualAuthenticator second = new VirtualAuthenticator(manual.product("second"))) {
            // Closing these connections leaves the cards powered, as PC/SC does.
            ApduLog firstCard = new ApduLog(first.nfcCard()::transmit);
            ApduLog secondCard = new ApduLog(second.nfcCard()::transmit);
            TouchSelector selector = new TouchSelector();
            Future<FidoDevice> pending = executor.submit(() -> selector.select(List.of(
                    readerEntry("Reader 1", firstCard), readerEntry("Reader 2", secondCard)),
                    TIMEOUT));
            assertTrue(first.awaitTouchPrompts(1, Duration.ofSeconds(5)));
            assertTrue(second.awaitTouchPrompts(1, Duration.ofSeconds(5)));

            second.touch();

            try (FidoDevice chosen = pending.get(5, TimeUnit.SECONDS)) {
                assertEquals("pcsc://Reader 2", chosen.entry().path());
                assertEquals(1, firstCard.count(CLA_CTAP, INS_CTAP_CONTROL),
                        "the other key was told to stop waiting for a touch");
                assertEquals(0, secondCard.count(CLA_CTAP, INS_CTAP_CONTROL));
            }
        }
    }

    private static FidoException makeCredentialFails(AuthenticatorConfig config,
            CardScript script) throws Exception {
        return makeCredentialFails(config, TIMEOUT, registration("zoe"), script);
    }

    private static FidoException makeCredentialFails(AuthenticatorConfig config,
            Duration timeout, CardScript script) throws Exception {
        return makeCredentialFails(config, timeout, registration("zoe"), script);
    }

    private static FidoException makeCredentialFails(AuthenticatorConfig config,
            RegistrationRequest.Builder request, CardScript script) throws Exception {
        return makeCredentialFails(config, TIMEOUT, request, script);
    }

    private static FidoException makeCredentialFails(AuthenticatorConfig config,
            Duration timeout, RegistrationRequest.Builder request, CardScript script)
            throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(config);
                FidoDevice device = FidoDevice.open(entry(new ApduLog(
                        script.card(key.nfcCard()))), timeout)) {
            return assertThrows(FidoException.class,
                    () -> RegistrationCeremony.makeCredential(device, request.build(), null));
        }
    }

    private static DeviceEntry readerEntry(String reader, CardConnection card) {
        return new DeviceEntry(PcscDeviceSource.PATH_PREFIX + reader, PcscDeviceSource.PRODUCT,
                reader, Transport.NFC, NfcCallbacks.connector(() -> card));
    }

    /** Builds the card a test puts on the reader around a virtual key's NFC interface. */
    @FunctionalInterface
    private interface CardScript {
        UnaryOperator<byte[]> card(NfcCard key);
    }

    /**
     * Returns a card that is the virtual key until NFCCTAP_MSG carries {@code ctapCommand},
     * and from that APDU on is {@code script}.
     */
    static UnaryOperator<byte[]> fromCtapCommand(NfcCard key, int ctapCommand,
            UnaryOperator<byte[]> script) {
        AtomicBoolean started = new AtomicBoolean();
        return command -> {
            if (!started.get() && ctapCommand(command) == ctapCommand) {
                started.set(true);
            }
            return started.get() ? script.apply(command) : key.transmit(command);
        };
    }

    /** Returns the CTAP command byte of an NFCCTAP_MSG APDU, or -1 for other APDUs. */
    private static int ctapCommand(byte[] apdu) {
        boolean message = ((apdu[0] & 0xff) == CLA_CTAP || (apdu[0] & 0xff) == CLA_CHAINED)
                && (apdu[1] & 0xff) == INS_CTAP_MSG;
        if (!message || apdu.length < 6) {
            return -1;
        }
        int dataOffset = apdu[4] == 0 ? 7 : 5;
        return apdu.length > dataOffset ? apdu[dataOffset] & 0xff : -1;
    }

    static boolean isCommand(byte[] apdu, int cla, int ins) {
        return (apdu[0] & 0xff) == cla && (apdu[1] & 0xff) == ins;
    }

    static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    static byte[] withStatus(byte[] data, int statusWord) {
        byte[] response = Arrays.copyOf(data, data.length + 2);
        response[data.length] = (byte) (statusWord >>> 8);
        response[data.length + 1] = (byte) statusWord;
        return response;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the card waited", e);
        }
    }
}
