package com.advapacs.clinician.fido.nfc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.advapacs.clinician.fido.CeremonyFailure;
import com.advapacs.clinician.fido.AssertionCeremony;
import com.advapacs.clinician.fido.AssertionRequest;
import com.advapacs.clinician.fido.AssertionResult;
import com.advapacs.clinician.fido.ClientData;
import com.advapacs.clinician.fido.DeviceEntry;
import com.advapacs.clinician.fido.FidoDevice;
import com.advapacs.clinician.fido.FidoException;
import com.advapacs.clinician.fido.FidoProblem;
import com.advapacs.clinician.fido.RegistrationCeremony;
import com.advapacs.clinician.fido.RegistrationRequest;
import com.advapacs.clinician.fido.RegistrationResult;
import com.advapacs.clinician.fido.Transport;
import com.advapacs.clinician.fido.virtual.AuthenticatorConfig;
import com.advapacs.clinician.fido.virtual.AuthenticatorConfig.Touch;
import com.advapacs.clinician.fido.virtual.VirtualAuthenticator;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the real libfido2 ceremonies over the app's NFC transport against a virtual key's
 * ISO 7816 interface, without a reader in between, to check the framing rules one at a
 * time. The same path through pcscd is covered by {@code PcscKeyTest}.
 */
class NfcCeremonyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String RP_ID = "portal.example";
    private static final byte[] CLIENT_DATA_HASH = new byte[32];
    private static final int CLA_CTAP = 0x80;
    private static final int CLA_CHAINED = 0x90;
    private static final int INS_CTAP_MSG = 0x10;
    private static final int INS_CTAP_GET_RESPONSE = 0x11;
    private static final int INS_CTAP_CONTROL = 0x12;
    private static final int INS_GET_RESPONSE = 0xC0;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void registrationAndAssertionWithPin() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .pin("1234"));
                FidoDevice device = FidoDevice.open(entry(new ApduLog(key.nfcCard())),
                        TIMEOUT)) {
            assertTrue(device.info().fido2());
            assertEquals(Transport.NFC, device.info().transport());

            RegistrationResult created = RegistrationCeremony.makeCredential(device,
                    registration("zoe").build(), "1234".toCharArray());
            List<AssertionResult> assertions = AssertionCeremony.getAssertion(device,
                    AssertionRequest.builder(RP_ID, ClientData.ofHash(CLIENT_DATA_HASH))
                            .allow(created.credentialId()).build(), null);

            assertTrue(created.userVerified());
            assertEquals(1, assertions.size());
            assertArrayEquals(created.credentialId(), assertions.get(0).credentialId());
            assertEquals(1, key.credentialCount());
        }
    }

    @Test
    void keepAlivesWhileWaitingForTouch() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .touch(Touch.AFTER_DELAY).touchDelay(Duration.ofMillis(400)))) {
            ApduLog log = new ApduLog(key.nfcCard());
            try (FidoDevice device = FidoDevice.open(entry(log), TIMEOUT)) {
                RegistrationResult created = RegistrationCeremony.makeCredential(device,
                        registration("zoe").build(), null);

                assertEquals(32, created.credentialId().length);
                assertTrue(key.nfcCard().keepAlivesSent() >= 2,
                        "status updates: " + key.nfcCard().keepAlivesSent());
                assertTrue(log.count(CLA_CTAP, INS_CTAP_GET_RESPONSE) >= 2,
                        "NFCCTAP_GETRESPONSE polls: "
                                + log.count(CLA_CTAP, INS_CTAP_GET_RESPONSE));
            }
        }
    }

    @Test
    void longResponsesFetchedWithGetResponse() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .nfcResponseChunk(24))) {
            ApduLog log = new ApduLog(key.nfcCard());
            try (FidoDevice device = FidoDevice.open(entry(log), TIMEOUT)) {
                RegistrationResult created = RegistrationCeremony.makeCredential(device,
                        registration("zoe").build(), null);

                assertEquals(32, created.credentialId().length);
                assertTrue(device.info().versions().contains("FIDO_2_1"),
                        "getInfo read whole: " + device.info().versions());
                assertTrue(log.count(0x00, INS_GET_RESPONSE) > 10,
                        "GET RESPONSE parts: " + log.count(0x00, INS_GET_RESPONSE));
            }
        }
    }

    @Test
    void longCommandsChainedInShortApdus() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .nfcExtendedLength(false))) {
            ApduLog log = new ApduLog(key.nfcCard());
            try (FidoDevice device = FidoDevice.open(entry(log), TIMEOUT)) {
                RegistrationResult created = RegistrationCeremony.makeCredential(device,
                        longRegistration().build(), null);

                assertEquals(32, created.credentialId().length);
                assertTrue(log.count(CLA_CHAINED, INS_CTAP_MSG) >= 1, "chained parts");
                assertEquals(0, log.extendedCount());
            }
        }
    }

    @Test
    void extendedApdusWhenChainingRejected() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .nfcCommandChaining(false))) {
            ApduLog log = new ApduLog(key.nfcCard());
            try (FidoDevice device = FidoDevice.open(entry(log), TIMEOUT)) {
                RegistrationResult first = RegistrationCeremony.makeCredential(device,
                        longRegistration().build(), null);
                RegistrationResult second = RegistrationCeremony.makeCredential(device,
                        longRegistration().build(), null);

                assertEquals(32, first.credentialId().length);
                assertEquals(32, second.credentialId().length);
                assertEquals(1, log.count(CLA_CHAINED, INS_CTAP_MSG),
                        "chaining tried once, then extended APDUs only");
                assertEquals(2, log.extendedCount());
            }
        }
    }

    @Test
    void cancelFromAnotherThread() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .touch(Touch.MANUAL).userActionTimeout(Duration.ofSeconds(20)))) {
            ApduLog log = new ApduLog(key.nfcCard());
            try (FidoDevice device = FidoDevice.open(entry(log), Duration.ofSeconds(20))) {
                Future<RegistrationResult> pending = executor.submit(() ->
                        RegistrationCeremony.makeCredential(device,
                                registration("zoe").build(), null));
                assertTrue(key.awaitTouchPrompts(1, Duration.ofSeconds(5)));
                long start = System.nanoTime();

                device.cancel();

                FidoException e = CeremonyFailure.of(pending, 10);
                assertEquals(FidoProblem.CANCELLED, e.problem());
                assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos());
                assertEquals(1, log.count(CLA_CTAP, INS_CTAP_CONTROL));
                assertEquals(0, key.credentialCount());
            }
        }
    }

    @Test
    void keyLeavesFieldWhileWaiting() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .touch(Touch.MANUAL).userActionTimeout(Duration.ofSeconds(20)));
                FidoDevice device = FidoDevice.open(entry(new ApduLog(key.nfcCard())),
                        Duration.ofSeconds(20))) {
            Future<RegistrationResult> pending = executor.submit(() ->
                    RegistrationCeremony.makeCredential(device, registration("zoe").build(),
                            null));
            assertTrue(key.awaitTouchPrompts(1, Duration.ofSeconds(5)));

            key.nfcCard().powerOff();

            FidoException e = CeremonyFailure.of(pending, 10);
            assertEquals(FidoProblem.KEY_REMOVED, e.problem());
            assertTrue(e.userMessage().startsWith("The key was removed"), e.userMessage());
        }
    }

    @Test
    void u2fOnlyKeyOpensWithoutCtap2() throws Exception {
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .u2fOnly(true));
                FidoDevice device = FidoDevice.open(entry(new ApduLog(key.nfcCard())),
                        TIMEOUT)) {
            assertFalse(device.info().fido2());
        }
    }

    static DeviceEntry entry(CardConnection connection) {
        return new DeviceEntry("pcsc://Test reader", PcscDeviceSource.PRODUCT, "Test reader",
                Transport.NFC, NfcCallbacks.connector(() -> connection));
    }

    static RegistrationRequest.Builder registration(String userName) {
        return RegistrationRequest.builder(RP_ID, ClientData.ofHash(CLIENT_DATA_HASH),
                new byte[] {1, 2, 3, 4}, userName);
    }

    /** A registration whose CBOR exceeds one short APDU: a long name and excluded ids. */
    static RegistrationRequest.Builder longRegistration() {
        RegistrationRequest.Builder request = RegistrationRequest.builder(RP_ID,
                ClientData.ofHash(CLIENT_DATA_HASH), new byte[] {5, 6, 7, 8},
                "zoe.long.name@portal.example").userDisplayName("Zoë " + "Ä".repeat(40));
        for (int i = 0; i < 6; i++) {
            byte[] id = new byte[40];
            Arrays.fill(id, (byte) i);
            request.exclude(id);
        }
        return request;
    }

}
