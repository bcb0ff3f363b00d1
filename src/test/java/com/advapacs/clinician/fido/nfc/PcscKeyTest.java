package com.advapacs.clinician.fido.nfc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Finds and uses a key on a contactless reader the way the app does, through the real
 * pcscd, javax.smartcardio and libfido2: the virtual key sits in vsmartcard's virtual reader.
 */
class PcscKeyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final String RP_ID = "portal.example";
    private static final byte[] CLIENT_DATA_HASH = new byte[32];
    private static final String READER = VpcdCard.readerName(VpcdCard.FIRST_PORT);

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void startPcscd() {
        PcscDaemon.ensureRunning();
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void keyOnReaderListedAndUsed() throws Exception {
        PcscDeviceSource source = new PcscDeviceSource();
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .pin("1234").touch(Touch.AFTER_DELAY).touchDelay(Duration.ofMillis(300)));
                VpcdCard card = VpcdCard.insert(key, VpcdCard.FIRST_PORT)) {
            assertTrue(source.readers().contains(READER), source.readers().toString());
            assertTrue(source.describeReaders().contains(READER), source.describeReaders());
            DeviceEntry entry = onReader(source.devices()).orElseThrow();
            assertEquals(Transport.NFC, entry.transport());
            assertEquals(READER, entry.manufacturer());

            try (FidoDevice device = FidoDevice.open(entry, TIMEOUT)) {
                RegistrationResult created = RegistrationCeremony.makeCredential(device,
                        RegistrationRequest.builder(RP_ID, ClientData.ofHash(CLIENT_DATA_HASH),
                                new byte[] {1, 2}, "zoe").residentKey(true).build(),
                        "1234".toCharArray());
                List<AssertionResult> assertions = AssertionCeremony.getAssertion(device,
                        AssertionRequest.builder(RP_ID, ClientData.ofHash(CLIENT_DATA_HASH))
                                .build(), "1234".toCharArray());

                assertEquals(1, assertions.size());
                assertArrayEquals(created.credentialId(), assertions.get(0).credentialId());
                assertEquals("zoe", assertions.get(0).userName());
            }
            assertTrue(key.nfcCard().keepAlivesSent() >= 2,
                    "status updates while waiting for touch: "
                            + key.nfcCard().keepAlivesSent());

            card.remove();

            assertTrue(onReader(source.devices()).isEmpty(), "the key left the reader");
        }
    }

    @Test
    void keyLeavesReaderDuringCeremony() throws Exception {
        PcscDeviceSource source = new PcscDeviceSource();
        try (VirtualAuthenticator key = new VirtualAuthenticator(new AuthenticatorConfig()
                .touch(Touch.MANUAL).userActionTimeout(Duration.ofSeconds(20)));
                VpcdCard card = VpcdCard.insert(key, VpcdCard.FIRST_PORT);
                FidoDevice device = FidoDevice.open(onReader(source.devices()).orElseThrow(),
                        TIMEOUT)) {
            Future<RegistrationResult> pending = executor.submit(() ->
                    RegistrationCeremony.makeCredential(device,
                            RegistrationRequest.builder(RP_ID,
                                    ClientData.ofHash(CLIENT_DATA_HASH), new byte[] {3},
                                    "zoe").build(), null));
            assertTrue(key.awaitTouchPrompts(1, Duration.ofSeconds(5)));

            card.remove();

            FidoException e = CeremonyFailure.of(pending, 20);
            assertEquals(FidoProblem.KEY_REMOVED, e.problem());
            assertEquals(0, key.credentialCount());
        }
    }

    private static Optional<DeviceEntry> onReader(List<DeviceEntry> entries) {
        return entries.stream()
                .filter(entry -> entry.path().equals(PcscDeviceSource.PATH_PREFIX + READER))
                .findFirst();
    }

}
